package ingest

import (
	"strings"
	"unicode"
)

// urlLine is a line that gives the article's address: a bare URL, or one
// after "Source:".
var urlLine = lazyPattern(`(?i)^(?:(?:source|url|link|original|originally published at|read the original(?: article)?|from)\s*:?\s*)?(https?://\S+)$`)

// parseText reads text copied from a news page: perhaps page furniture,
// then perhaps breadcrumbs, the headline, perhaps a byline or a dateline,
// the paragraphs, and perhaps more furniture.
func parseText(name string, d *Document, text string) error {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		lines[i] = strings.TrimRightFunc(line, unicode.IsSpace)
	}
	lines, d.URL = trimEdges(lines)
	i := skipBlank(lines, 0)
	if i < len(lines) {
		if sections, ok := breadcrumbs(lines[i]); ok {
			if next := skipMeta(lines, i+1); next < len(lines) && isHeadline(lines[next]) {
				d.Sections, i = sections, i+1
			}
		}
	}
	i = readHeader(d, lines, i, false)
	if i < len(lines) && isHeadline(lines[i]) && skipBlank(lines, i+1) < len(lines) {
		d.Title = strings.Join(strings.Fields(lines[i]), " ")
		i = readHeader(d, lines, i+1, true)
	} else {
		d.warnf("no headline found: the text does not start with a title line")
	}
	d.Body = renderBlocks(toBlocks(lines[i:]))
	if d.Body == "" {
		return noArticle(name, "no article text, only page furniture")
	}
	return nil
}

// trimEdges drops the page furniture above and below the article, and
// the comments or related headlines after it, and returns the article's
// URL when a line at either edge gave it.
func trimEdges(lines []string) ([]string, string) {
	url := ""
	drop := func(line string) bool {
		s := strings.TrimSpace(line)
		if s == "" {
			return true
		}
		if m := urlLine.FindStringSubmatch(s); m != nil {
			if url == "" {
				url = m[1]
			}
			return true
		}
		return isFurniture(s)
	}
	start := 0
	for start < len(lines) && drop(lines[start]) {
		start++
	}
	lines = lines[start:]
	for {
		end := tailStart(lines)
		for end > 0 && drop(lines[end-1]) {
			end--
		}
		if end == len(lines) {
			return lines, url
		}
		lines = lines[:end]
	}
}

// readHeader skips the furniture, dates and bylines from line i on and
// sets the date from the first dateline. After the headline, a dateline
// may open the first paragraph; withPrefix takes it off.
func readHeader(d *Document, lines []string, i int, withPrefix bool) int {
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || isFurniture(line) {
			continue
		}
		if t, hasDate, ok := metaLine(line); ok {
			if hasDate {
				d.setDate(t, DateFromDateline)
			}
			continue
		}
		if withPrefix {
			if t, rest, ok := datelinePrefix(line); ok {
				d.setDate(t, DateFromDateline)
				lines[i] = rest
			}
		}
		break
	}
	return i
}

// skipMeta is the index of the first line from i on that is not blank,
// furniture, or a date or byline.
func skipMeta(lines []string, i int) int {
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if _, _, meta := metaLine(line); line != "" && !meta && !isFurniture(line) {
			break
		}
	}
	return i
}

func skipBlank(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// renderBlocks writes blocks as Markdown: one blank line between blocks,
// none between the items of one list.
func renderBlocks(blocks []block) string {
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			prev := blocks[i-1]
			if bl.kind == listEntry && prev.kind == listEntry && bl.item.ordered == prev.item.ordered {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		text := escapeInline(bl.text)
		switch {
		case bl.kind == rule:
			b.WriteString("---")
		case bl.kind == quotation:
			b.WriteString("> " + escapeLineStart(text))
		case bl.kind == listEntry && bl.item.ordered:
			b.WriteString(bl.item.number + bl.item.delimiter + " " + escapeLineStart(text))
		case bl.kind == listEntry:
			b.WriteString("- " + escapeLineStart(text))
		case entirelyQuoted(bl.text):
			b.WriteString("> " + text)
		default:
			b.WriteString(escapeLineStart(text))
		}
	}
	if b.Len() == 0 {
		return ""
	}
	b.WriteString("\n")
	return b.String()
}
