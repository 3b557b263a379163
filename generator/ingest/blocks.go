package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A block is one paragraph, list item, quotation or rule of plain text,
// its lines joined.
type block struct {
	kind blockKind
	text string
	item *listMark // for list items
	last string    // the last line joined in, to judge the next
}

type blockKind int

const (
	paragraph blockKind = iota
	listEntry
	quotation
	rule
)

// listMark is the marker a list item starts with.
type listMark struct {
	ordered   bool
	number    string // "1" for an ordered item
	delimiter string // "." or ")"
	content   string
}

var (
	bulletItem  = lazyPattern(`^[-*•▪●◦‣]\s+(\S.*)$`)
	orderedItem = lazyPattern(`^(\d{1,2})([.)])\s+(\S.*)$`)
	ruleLine    = lazyPattern(`^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$`)
)

// listItem reads s as a list item; nil when it is none. Numbers of one or
// two digits number items; "1996." starts a sentence about a year.
func listItem(s string) *listMark {
	if m := bulletItem.FindStringSubmatch(s); m != nil {
		return &listMark{content: m[1]}
	}
	if m := orderedItem.FindStringSubmatch(s); m != nil {
		return &listMark{ordered: true, number: m[1], delimiter: m[2], content: m[3]}
	}
	return nil
}

func isRule(line string) bool {
	return ruleLine.MatchString(strings.TrimSpace(line))
}

// toBlocks groups lines into blocks. Blank lines separate blocks; within
// text that was hard-wrapped at width columns, a line runs on into the
// next one. Text that was not wrapped has one paragraph a line.
func toBlocks(lines []string) []block {
	width := wrapWidth(lines)
	var blocks []block
	open := false // whether the last block may take more lines
	for _, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" {
			open = false
			continue
		}
		if isInterstitial(line) {
			continue
		}
		last := len(blocks) - 1
		indented := raw[0] == ' ' || raw[0] == '\t'
		if isRule(line) {
			blocks = append(blocks, block{kind: rule})
			open = false
			continue
		}
		if line == ">" || strings.HasPrefix(line, "> ") {
			content := strings.TrimSpace(line[1:])
			if open && blocks[last].kind == quotation && runsOn(blocks[last].last, content, width) {
				blocks[last].join(content)
			} else {
				blocks = append(blocks, block{kind: quotation, text: content, last: content})
			}
			open = true
			continue
		}
		if item := listItem(line); item != nil {
			blocks = append(blocks, block{kind: listEntry, text: item.content, item: item, last: line})
			open = true
			continue
		}
		if open && blocks[last].kind != quotation && (blocks[last].kind == listEntry && indented || runsOn(blocks[last].last, line, width)) {
			blocks[last].join(line)
			continue
		}
		blocks = append(blocks, block{kind: paragraph, text: line, last: line})
		open = true
	}
	return blocks
}

func (b *block) join(line string) {
	if strings.HasSuffix(b.text, "-") && !strings.HasSuffix(b.text, " -") && startsLower(line) {
		// A word broken at the margin: "inter-" "national".
		b.text += line
	} else {
		b.text += " " + line
	}
	b.last = line
}

// runsOn reports whether next continues prev in text wrapped at width:
// prev was full, for next's first word would not have fitted on it.
func runsOn(prev, next string, width int) bool {
	if width == 0 {
		return false
	}
	first, _, _ := strings.Cut(next, " ")
	n := utf8.RuneCountInString(prev)
	return n+1+utf8.RuneCountInString(first) > width || n >= width-12
}

// wrapWidth is the column at which the text was hard-wrapped, or 0 when
// it was not: then lines longer than any wrap are common, or few lines
// come near the longest.
func wrapWidth(lines []string) int {
	const longest = 100
	counted, long, width := 0, 0, 0
	lengths := make([]int, 0, len(lines))
	for _, line := range lines {
		n := utf8.RuneCountInString(strings.TrimSpace(line))
		if n == 0 {
			continue
		}
		counted++
		if n > longest {
			long++
			continue
		}
		width = max(width, n)
		lengths = append(lengths, n)
	}
	if counted == 0 || long*10 > counted || width < 40 {
		return 0
	}
	near := 0
	for _, n := range lengths {
		if n*10 >= width*7 {
			near++
		}
	}
	if near*3 < counted {
		return 0
	}
	return width
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
