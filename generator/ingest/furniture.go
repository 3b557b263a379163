package ingest

import (
	"strings"
	"unicode"
)

// Page furniture is what a copy of a news page brings along besides the
// article: buttons, share bars, newsletter boxes, cookie notices. Lines are
// compared by their key: lower case, letters and digits only.

// interstitials are furniture that sits between paragraphs, so they go
// wherever they are.
var interstitials = set(
	"advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content",
	"story continues below advertisement", "article continues below advertisement",
	"article continues below", "continue reading below", "scroll to continue with content",
	"skip advertisement", "continue reading the main story",
)

// edgeFurniture is furniture at the top or the bottom of a copy, above the
// headline or below the last paragraph; in the middle of an article the
// same words may be its own.
var edgeFurniture = set(
	"back to top", "back to top button", "top", "share", "share this", "share this article",
	"share this story", "share this post", "share article", "share story", "tweet", "print",
	"email", "e mail", "print this article", "email this article", "print article",
	"subscribe", "subscribe now", "subscribe to our newsletter", "sign up for our newsletter",
	"newsletter", "skip to content", "skip to main content", "skip to navigation",
	"menu", "search", "login", "log in", "sign in", "register", "accept", "accept all",
	"accept cookies", "accept all cookies", "reject all", "manage cookies", "cookie settings",
	"got it", "close", "copy link", "link copied", "listen", "listen to this article",
	"save", "bookmark", "font size", "a a", "a a a",
)

// socialWords make up share bars: "Facebook Twitter WhatsApp Email".
var socialWords = set(
	"facebook", "twitter", "x", "whatsapp", "telegram", "email", "mail", "print", "linkedin",
	"reddit", "pinterest", "share", "tweet", "copy", "link", "messenger", "viber", "vk",
	"tumblr", "flipboard", "pocket", "threads", "bluesky", "instagram", "youtube", "rss",
)

var furniturePatterns = []*pattern{
	lazyPattern(`(?i)^follow (us|@?\w+) (on|@)\b`),
	lazyPattern(`(?i)^(share|send) (this|on|via|to)\b`),
	lazyPattern(`(?i)^(copyright\b|©|\(c\) \d{4})`),
	lazyPattern(`(?i)^(subscribe|sign up|join)\b.{0,80}\b(newsletter|updates|channel|inbox)`),
	lazyPattern(`(?i)^(tags?|topics?|filed under|keywords)\s*:`),
	inlineRelated,
}

// cookieNotice is a banner's sentence about cookies; only lines that
// mention cookies are tried against it.
var cookieNotice = lazyPattern(`(?i)^(this (web)?site|we) uses? cookies\b|\bcookies?\b.{0,200}\b(consent|agree|accept|privacy policy|cookie policy)\b`)

// inlineRelated starts a link to another article set between paragraphs:
// "READ MORE: Iran and Russia sign …".
var inlineRelated = lazyPattern(`(?i)^(read more|read also|also read|related|see also|more)\s*:`)

// tailComments start the comment section: everything after them goes.
var tailComments = set(
	"comments", "comment", "leave a comment", "leave a reply", "post a comment", "add a comment",
	"write a comment", "your comment", "join the discussion", "join the conversation",
	"show comments", "view comments", "reader comments",
)

// tailRelated start a list of other articles' headlines.
var tailRelated = set(
	"related articles", "related", "related news", "related posts", "related stories",
	"related content", "related topics", "more stories", "more news", "you may also like",
	"you might also like", "you may be interested in", "recommended", "recommended for you",
	"most read", "most popular", "popular", "trending", "trending now", "read more",
	"read also", "also read", "see also", "latest news", "latest", "top stories",
	"editors picks", "editor s picks", "more from this section", "in other news",
)

var commentCount = lazyPattern(`^(\d+ comments?|comments? \d+)$`)

// longestKey bounds the lines worth a key: no furniture phrase is longer.
const longestKey = 64

// isFurniture reports whether line is furniture when it stands at an edge.
func isFurniture(line string) bool {
	if len(line) > 400 {
		return false
	}
	key := lineKey(line)
	if key == "" {
		// A line of only symbols ("|", "•••") is a leftover of a button
		// bar; a line of only a thematic break is the author's.
		return strings.TrimSpace(line) != "" && !isRule(line)
	}
	if interstitials[key] || edgeFurniture[key] || tailComments[key] || tailRelated[key] || commentCount.MatchString(key) {
		return true
	}
	if allSocial(key) {
		return true
	}
	line = strings.TrimSpace(line)
	for _, re := range furniturePatterns {
		if re.MatchString(line) {
			return true
		}
	}
	lower := strings.ToLower(line)
	return strings.HasSuffix(strings.TrimRight(lower, "."), "all rights reserved") ||
		strings.Contains(lower, "cookie") && cookieNotice.MatchString(line)
}

// isInterstitial reports whether line is furniture wherever it stands.
func isInterstitial(line string) bool {
	if len(line) > 200 {
		return false
	}
	return interstitials[lineKey(line)] || inlineRelated.MatchString(strings.TrimSpace(line))
}

// tailStart is the index of the line where the page's own tail (comments,
// related headlines) begins, or len(lines). Only the second half of a copy
// is searched: an article may have a subheading called "Related".
func tailStart(lines []string) int {
	for i := len(lines) / 2; i < len(lines); i++ {
		if len(lines[i]) > longestKey {
			continue
		}
		key := lineKey(lines[i])
		if tailComments[key] || commentCount.MatchString(key) {
			return i
		}
		if tailRelated[key] && onlyHeadlines(lines[i+1:]) {
			return i
		}
	}
	return len(lines)
}

// onlyHeadlines reports whether lines are short ones, as lists of links
// to other articles are.
func onlyHeadlines(lines []string) bool {
	for _, line := range lines {
		if len([]rune(line)) > 160 {
			return false
		}
	}
	return true
}

func allSocial(key string) bool {
	words := strings.Fields(key)
	for _, w := range words {
		if !socialWords[w] {
			return false
		}
	}
	return len(words) > 0
}

// lineKey is line in lower case with every run of characters that are not
// letters or digits made one space.
func lineKey(line string) string {
	var b strings.Builder
	space := false
	for _, r := range line {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
