package importer

import (
	"regexp"
	"strings"
)

// A summary is shown as plain text (in lists of cards, in feeds, in
// search), but extract takes it from the Markdown body, links and
// emphasis included; plainSummary reads the Markdown out of it.

var (
	summaryImage = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)?`)
	summaryLink  = regexp.MustCompile(`\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)`)
	// A link the summary's length limit cut short: "[full report](http…"
	// or "[full rep…".
	summaryCutLink = regexp.MustCompile(`\[([^\]]*)(?:\]\([^)]*)?$`)
	summaryAuto    = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	// Emphasis and code come in pairs around text; a lone "*" is not one.
	summaryMarks = []*regexp.Regexp{
		regexp.MustCompile(`\*\*(\S(?:[^*]*?\S)?)\*\*`),
		regexp.MustCompile(`__(\S(?:[^_]*?\S)?)__`),
		regexp.MustCompile(`~~(\S(?:[^~]*?\S)?)~~`),
		regexp.MustCompile("`+([^`]+)`+"),
		regexp.MustCompile(`(?:^|\b|\s)\*(\S(?:[^*]*?\S)?)\*`),
		regexp.MustCompile(`(?:^|\s)_(\S(?:[^_]*?\S)?)_(?:\b|$)`),
	}
	summaryEscape = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|>~<"'=$%&,:;?@^])`)
)

// plainSummary is s without Markdown syntax: links and autolinks become
// their text, images go, emphasis and code marks go, escapes are undone.
func plainSummary(s string) string {
	if !strings.ContainsAny(s, "[]()<>*_`~\\!") {
		return s
	}
	s = summaryImage.ReplaceAllString(s, "")
	s = summaryLink.ReplaceAllString(s, "$1")
	s = summaryCutLink.ReplaceAllString(s, "$1")
	s = summaryAuto.ReplaceAllString(s, "$1")
	for _, re := range summaryMarks {
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			inner := re.FindStringSubmatch(m)[1]
			// Keep the space the pattern took before the mark.
			return m[:strings.IndexAny(m, "*_~`")] + inner
		})
	}
	s = summaryEscape.ReplaceAllString(s, "$1")
	return strings.Join(strings.Fields(s), " ")
}
