package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineRole says what a line of an article is, so chrome and datelines
// neither become entities nor open the summary.
type lineRole uint8

const (
	roleBody     lineRole = iota
	roleChrome            // breadcrumbs, "Back to top button": ignored
	roleTitle             // the headline
	roleHeading           // a short line without a full stop
	roleDateline          // "Friday, July 21, 2017", "GDANSK 2024-03-14"
	roleByline            // the writer's name above a dateline
	roleCaption           // "… Image: Nick Moreau."
)

type line struct {
	start, end  int // byte offsets of the line in the article
	first, last int // token range [first, last)
	role        lineRole
	unsure      bool // capitals say nothing here: an ALL-CAPS or Title Case line
	work        bool // a work's title and year alone: "The Man From Lisbon (1952)"
}

func (a *article) markRoles(title string) {
	titleLine := -1
	for i := range a.lines {
		if a.lines[i].first == a.lines[i].last {
			continue
		}
		if title != "" && a.lineText(i) == title {
			titleLine = i
			break
		}
	}
	seenContent := false
	for i := range a.lines {
		l := &a.lines[i]
		if l.first == l.last {
			continue
		}
		txt := a.lineText(i)
		l.unsure = a.caseUnsure(l)
		l.work = workLine.MatchString(txt)
		switch {
		case i < titleLine || isChrome(txt) || (!seenContent && isGlued(txt)):
			l.role = roleChrome
		case i == titleLine:
			l.role = roleTitle
		case a.isDateline(l):
			l.role = roleDateline
		case isCaption(txt):
			l.role = roleCaption
		case !endsSentence(txt):
			l.role = roleHeading
		}
		if l.role != roleChrome {
			seenContent = true
		}
	}
	// A short name line right above a dateline is the byline.
	for i := 1; i < len(a.lines); i++ {
		if a.lines[i].role != roleDateline {
			continue
		}
		p := i - 1
		for p >= 0 && a.lines[p].first == a.lines[p].last {
			p--
		}
		if p >= 0 && a.lines[p].role == roleHeading && a.lines[p].last-a.lines[p].first <= 4 && !a.lines[p].unsure {
			a.lines[p].role = roleByline
		}
	}
}

// chromePhrases are the page furniture news sites print around a story.
var chromePhrases = []string{
	"back to top", "share this", "share on", "read more", "related articles", "related stories",
	"advertisement", "subscribe", "sign up", "follow us", "skip to content", "print this", "email this",
	"all rights reserved", "copyright", "click here", "leave a comment", "you may also like",
}

func isChrome(txt string) bool {
	k := strings.ToLower(txt)
	if len(k) > 60 {
		return false
	}
	for _, p := range chromePhrases {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// isGlued spots breadcrumbs copied from a page, words run together:
// "IranMiddle EastWorld News".
func isGlued(txt string) bool {
	if endsSentence(txt) {
		return false
	}
	glued := 0
	var prev rune
	for _, r := range txt {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			glued++
		}
		prev = r
	}
	return glued >= 2
}

func isCaption(txt string) bool {
	for _, p := range []string{"Image:", "Photo:", "Video:", "Audio:", "Picture:", "Credit:"} {
		if strings.Contains(txt, p) {
			return true
		}
	}
	return false
}

func endsSentence(txt string) bool {
	r, _ := utf8.DecodeLastRuneInString(txt)
	return strings.ContainsRune(".!?:;\"”'’)…", r)
}

var weekdays = set{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

var months = set{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// isDateline reports a line that is a date, or a place and a date:
// "Friday, July 21, 2017", "GDANSK 2024-03-14".
func (a *article) isDateline(l *line) bool {
	words, dates := 0, 0
	for i := l.first; i < l.last; i++ {
		t := a.toks[i]
		switch {
		case t.kind == tNum && isISODate(t.text):
			dates++
		case t.kind == tWord && (weekdays[t.key] || months[t.key]):
			dates++
		case t.kind == tWord:
			words++
		}
	}
	if dates == 0 || words > 4 {
		return false
	}
	last := a.toks[l.last-1]
	if last.kind == tPunct && l.last-2 >= l.first {
		last = a.toks[l.last-2]
	}
	return last.kind == tNum
}

// isISODate reports "2024-03-14".
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// caseUnsure reports a line in capitals, or in Title Case ("Hackers
// Attack Church Of Scientology Website"), where a capital letter does not
// mark a name. A list of names is not Title Case: only a capitalised
// small word ("Of", "The") betrays a headline.
func (a *article) caseUnsure(l *line) bool {
	words, caps, small := 0, 0, 0
	for i := l.first; i < l.last; i++ {
		t := a.toks[i]
		if t.kind != tWord {
			continue
		}
		if len(t.key) >= 2 {
			words++
			if t.caps {
				caps++
			}
		}
		if i > l.first && t.upper && !t.caps && smallWords[t.key] && a.toks[i-1].kind == tWord {
			small++
		}
	}
	if words >= 2 && caps*10 >= words*6 {
		return true
	}
	if words > 20 {
		return false // a paragraph, not a headline
	}
	return small >= 2 || (small == 1 && words <= 12 && !endsSentence(a.text[l.start:l.end]))
}

// smallWords are the words a headline in Title Case capitalises and prose
// does not.
var smallWords = set{"of": true, "the": true, "in": true, "to": true, "and": true, "for": true, "on": true, "at": true,
	"with": true, "from": true, "by": true, "a": true, "an": true, "as": true, "is": true, "are": true, "its": true, "over": true, "into": true}

// workLine is a line that is only a title and a year in brackets, as lists
// of films, books and albums print them: the places and names in it are
// the work's, not the story's.
var workLine = regexp.MustCompile(`^\p{Lu}[^.!?]{0,80} \((1[89]|20)\d\d\)$`)
