package ingest

import (
	"strings"
	"time"
	"unicode/utf8"
)

// tidyArticle drops from the Markdown of a page's article what readability
// kept of the page around it: "Advertisement" labels between paragraphs,
// and at the top a byline or date line, whose date the page may give
// nowhere else.
func tidyArticle(d *Document, md string) string {
	blocks := strings.Split(md, "\n\n")
	kept := blocks[:0]
	for i, b := range blocks {
		line := strings.TrimSpace(b)
		if isInterstitial(line) {
			continue
		}
		if len(kept) == 0 && i < 3 && !strings.Contains(line, "\n") {
			if t, ok := bylineDate(line); ok {
				if !t.IsZero() {
					d.setDate(t, DateFromDateline)
				}
				continue
			}
		}
		kept = append(kept, b)
	}
	kept = dropClutter(kept, hostOf(d.URL))
	for len(kept) > 0 && isFurniture(strings.TrimSpace(kept[len(kept)-1])) {
		kept = kept[:len(kept)-1]
	}
	return tidyMarkdown(strings.Join(kept, "\n\n"))
}

// bylineDate reads line as a byline or date line ("Gulf Wire staff ·
// 12 September 2015"): a short line, no sentence, holding a date or made
// only of metadata.
func bylineDate(line string) (t time.Time, ok bool) {
	if t, hasDate, ok := metaLine(line); ok {
		if !hasDate {
			t = time.Time{}
		}
		return t, true
	}
	if utf8.RuneCountInString(line) > 100 || strings.HasSuffix(line, ".") {
		return time.Time{}, false
	}
	for i := 0; i < len(line); i++ {
		if i > 0 && line[i-1] != ' ' {
			continue
		}
		if m, found := matchDate(line[i:]); found && strings.TrimSpace(line[i+m.n:]) == "" {
			return m.t, true
		}
	}
	return time.Time{}, false
}
