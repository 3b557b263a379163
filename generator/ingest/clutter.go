package ingest

import (
	"strings"
	"unicode/utf8"
)

// Clutter is what an extractor keeps of a news page besides the story,
// recognised in the Markdown of a saved page's article: lists of links to
// other stories and their headings, "Updated …" lines, photo captions and
// credits, newsletter and app promotions, and the author's contact line.
// Pasted text has its own rules (furniture.go); these need the links.

var (
	// mdLink is a Markdown link or image; group 1 is its text.
	mdLink = lazyPattern(`!?\[((?:[^\[\]\\]|\\.)*)\]\(((?:[^()\s]|\([^()]*\))*)(?:\s+"(?:[^"\\]|\\.)*")?\)`)
	// listMarker starts a list item line.
	listMarker = lazyPattern(`^\s*(?:[-*+]|\d{1,3}[.)])\s+`)
	// relatedHeading introduces other stories: "You may also like…",
	// "More Great WIRED Stories", "DON'T MISS", "Related: …".
	relatedHeading = lazyPattern(`(?i)^(you (may|might) (also )?(like|enjoy)|(more|other|related|recommended|popular|top|latest|trending)\b.{0,40}\b(stories|news|articles|posts|reads|coverage|videos|headlines)|related|recommended|don'?t miss|must read|read (more|next|also)|also read|see (also|more)|more (from|on|in|about)\b.{0,40}|further reading|most (read|viewed|popular|shared)|also on \S+|leggi anche|lees ook|lire aussi|weitere artikel|mehr zum thema|veja também|leia (também|mais)|lea también)\b`)
	// creditLine is a caption's credit: "Photo: … / AP", "Photograph by
	// Robyn Beck/AFP/Getty Images", "Credit: EPA".
	creditLine = lazyPattern(`(?i)(\b(photo(graph)?s?|pictures?|images?|credits?|fotos?|bild|source)\s*(by|:|©)|©)\s*[^.!?]{0,80}$|\b(getty images|afp|reuters|ap photo|epa|shutterstock|istock)[^.!?]{0,30}$`)
	// galleryLine is a slideshow's counter.
	galleryLine = lazyPattern(`(?i)^(image|photo|picture|slide)\s+\d+\s+(of|/)\s+\d+$`)
	// contactLine is the author's address for readers: "Write to … at
	// …@…", "Follow him on Twitter @…", "Have a tip? … may be reached at".
	contactLine = lazyPattern(`(?i)^(write to|e-?mail|contact|reach|follow|have a (news )?tip|you can (reach|contact|follow)|\S+(\s+\S+){0,3} (can|may) be reached)\b`)
	// promoLine asks the reader to subscribe, sign up, install or share.
	promoLine = lazyPattern(`(?i)(\bnewsletters?\b.{0,120}\b(sign up|subscrib|inbox|deliver)|\b(sign up|subscribe)\b.{0,120}\b(newsletter|inbox|today|now)|click here|^like this (story|article)|^(get|download) (the|our)\b.{0,40}\bapp\b|^subscribe\b|delivered (to|through) your (inbox|letterbox|door))`)
)

// dropClutter removes the clutter from the blocks of an article found on
// site, the page's host ("" when unknown). Links to other stories are
// links to the same site: a list of links elsewhere (shops, sources) may
// be the story's own.
func dropClutter(blocks []string, site string) []string {
	linkOnly := func(b string) bool { return linksOnly(b, site) }
	// linkList is a block of other stories: only links, or a list whose
	// every item links to one.
	linkList := func(b string) bool { return linkOnly(b) || isList(b) && everyItemLinked(b, site) }
	kept := blocks[:0]
	related := false // whether the last kept heading introduced other stories
	for i, b := range blocks {
		text, linked := mdText(b)
		plain := strings.TrimSpace(text)
		short := utf8.RuneCountInString(plain) <= 160 && !strings.Contains(strings.TrimSpace(b), "\n")
		switch {
		case short && relatedHeading.MatchString(plain) && !endsSentence(plain) && (i == len(blocks)-1 || linkList(blocks[i+1]) || strings.Contains(plain, ":")):
			related = true
			continue
		case related && linkList(b):
			continue
		case relatedHeading.MatchString(plain) && linked*2 >= utf8.RuneCountInString(plain):
			// A heading run into its links: "DON'T MISS[Plague warning…](…)".
			continue
		case linked > 0 && linkOnly(b) && isTeaser(plain):
			continue
		case short && (buttonLabels[lineKey(plain)] || pageLabel.MatchString(plain) || isDateOnly(plain)):
			continue
		case isList(b):
			if b = dropLinkItems(b, linkOnly); b == "" {
				continue
			}
		case linked > 0 && linkOnly(b) && i > 0 && (i == len(blocks)-1 || linkOnly(blocks[i+1]) || linkOnly(blocks[i-1])):
			// Runs of lone links are other stories' headlines.
			continue
		case isClutterLine(plain):
			continue
		}
		related = false
		kept = append(kept, b)
	}
	return kept
}

// buttonLabels are the words of a page's buttons and controls, which
// stand alone wherever they are.
var buttonLabels = set(
	"order reprints", "reprints", "print article", "print this page", "text size",
	"font size", "voltar", "zurück", "retour", "indietro", "volver", "back",
	"share", "share this", "tweet", "email", "print", "comments",
	"you must log in to post a comment",
)

// pageLabel starts a line of the page's filing labels: "Posted by: … -
// Category: … - Tags: …", in the main European languages.
var pageLabel = lazyPattern(`(?i)(^|[-–|·•]\s*)(publicado por|posted by|filed (under|in)|categor(y|ia|ie|ía)|tags?|publié par|veröffentlicht (von|am)|pubblicato da|gepubliceerd door|schlagwörter|etiquetas)\s*:`)

// teaser is the headline of another story set alone between paragraphs:
// in capitals, as some sites set them.
func isTeaser(plain string) bool {
	words := strings.Fields(plain)
	return len(words) >= 4 && strings.ToUpper(plain) == plain && strings.ToLower(plain) != plain
}

// isDateOnly reports whether a short line is nothing but a date, in any
// language: "segunda-feira, 22 de janeiro de 2018 às 0:13".
func isDateOnly(plain string) bool {
	if utf8.RuneCountInString(plain) > 60 || !yearInLine.MatchString(plain) || endsSentence(plain) {
		return false
	}
	_, ok := looseDate(plain)
	return ok
}

var yearInLine = lazyPattern(`\b(19|20)\d\d\b`)

// everyItemLinked reports whether every item of a list links to site, as
// in a list of other stories written as sentences.
func everyItemLinked(b, site string) bool {
	for _, item := range strings.Split(b, "\n") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		found := false
		for _, m := range mdLink.FindAllStringSubmatch(item, -1) {
			if !strings.HasPrefix(m[0], "!") && sameSite(hostOf(m[2]), site) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// isClutterLine reports whether a block's plain text is a line of clutter
// wherever it stands.
func isClutterLine(plain string) bool {
	n := utf8.RuneCountInString(plain)
	if n == 0 || n > 300 {
		return false
	}
	if _, _, ok := metaLine(plain); ok && n <= 160 {
		return true
	}
	lower := strings.ToLower(plain)
	switch {
	case galleryLine.MatchString(plain), lower == "by", lower == "close", isByline(plain):
		return true
	case n <= 200 && creditLine.MatchString(plain) && !endsSentence(plain):
		return true
	case contactLine.MatchString(plain) && (strings.Contains(plain, "@") || strings.Contains(lower, "twitter")):
		return true
	case promoLine.MatchString(plain):
		return true
	}
	return false
}

// mdText is a block's text with its Markdown links and images made plain,
// and how many of its characters were link text.
func mdText(b string) (text string, linked int) {
	text = mdLink.ReplaceAllStringFunc(b, func(m string) string {
		if strings.HasPrefix(m, "!") {
			return ""
		}
		t := mdLink.FindStringSubmatch(m)[1]
		linked += utf8.RuneCountInString(strings.Trim(t, " *_"))
		return t
	})
	text = strings.NewReplacer("**", "", "__", "", `\`, "").Replace(text)
	text = strings.TrimLeft(strings.TrimSpace(text), "#*_> ")
	return text, linked
}

// linksOnly reports whether a block is little but links to pages of
// site: the headline of another story, or a list of them.
func linksOnly(b, site string) bool {
	text, linked := mdText(b)
	chars := utf8.RuneCountInString(strings.TrimSpace(listMarker.ReplaceAllString(text, "")))
	if linked == 0 || linked*10 < chars*8 {
		return false
	}
	for _, m := range mdLink.FindAllStringSubmatch(b, -1) {
		if !strings.HasPrefix(m[0], "!") && !sameSite(hostOf(m[2]), site) {
			return false
		}
	}
	return true
}

// sameSite reports whether host is site or one of its subdomains, or site
// one of host's: "edition.cnn.com" and "www.cnn.com" are one outlet. A
// relative link, or a page of unknown site, is taken as the same site.
func sameSite(host, site string) bool {
	if host == "" || site == "" {
		return true
	}
	host, site = strings.TrimPrefix(host, "www."), strings.TrimPrefix(site, "www.")
	return host == site || strings.HasSuffix(host, "."+site) || strings.HasSuffix(site, "."+host)
}

func isList(b string) bool {
	for _, line := range strings.Split(b, "\n") {
		if strings.TrimSpace(line) != "" && !listMarker.MatchString(line) && !strings.HasPrefix(line, " ") {
			return false
		}
	}
	return true
}

// dropLinkItems drops from a list the items that are only links when most
// of its items are, as in a list of other stories; a list the story
// makes, with some links in it, stays whole. "" when nothing is left.
func dropLinkItems(b string, linkOnly func(string) bool) string {
	items := strings.Split(b, "\n")
	only := 0
	for _, item := range items {
		if linkOnly(item) {
			only++
		}
	}
	if only*2 <= len(items) {
		return b
	}
	kept := items[:0]
	for _, item := range items {
		if !linkOnly(item) {
			kept = append(kept, item)
		}
	}
	return strings.Join(kept, "\n")
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)] `)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// isByline reports whether a short line is a byline, whatever follows the
// name ("By Mara Quist - 11/18/19", "By Mara Quist | Staff"): a name of
// capitalised words after "By", up to a separator. "By Tuesday the water
// had gone" reads on in lower case.
func isByline(plain string) bool {
	if utf8.RuneCountInString(plain) > 80 || endsSentence(plain) {
		return false
	}
	m := bylineStart.FindStringIndex(plain)
	if m == nil {
		return false
	}
	rest := plain[m[1]-1:] // the name's first letter, which the pattern took
	if i := strings.IndexAny(rest, "-–—|,·•/("); i >= 0 {
		rest = rest[:i]
	}
	return looksLikeName(strings.TrimSpace(rest))
}
