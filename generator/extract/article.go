package extract

import "strings"

// article is one text prepared for the recognisers: tokens, lines and the
// words it uses in lower case.
type article struct {
	text   string
	toks   []token
	lines  []line
	lower  set    // keys of words the article writes in lower case
	credit []bool // tokens of bylines and picture credits, one flag a token
}

// prepare joins title and text (unless the text already opens with the
// title), tokenises them and marks lines and sentence starts.
func prepare(title, text string) *article {
	title = strings.TrimSpace(title)
	if title != "" && !strings.Contains(firstLines(text, 4), title) {
		text = title + "\n\n" + text
	}
	a := &article{text: text, toks: tokenize(text), lower: set{}}
	a.splitLines()
	a.markRoles(title)
	a.markCredits()
	a.markSentences()
	for _, t := range a.toks {
		if t.kind == tWord && !t.upper && !t.sent {
			a.lower[t.key] = true
		}
	}
	return a
}

func firstLines(s string, n int) string {
	end := 0
	for i := 0; i < n; i++ {
		j := strings.IndexByte(s[end:], '\n')
		if j < 0 {
			return s
		}
		end += j + 1
	}
	return s[:end]
}

func (a *article) splitLines() {
	start := 0
	ti := 0
	for n := 0; start <= len(a.text); n++ {
		end := strings.IndexByte(a.text[start:], '\n')
		if end < 0 {
			end = len(a.text)
		} else {
			end += start
		}
		l := line{start: start, end: end, first: ti}
		for ti < len(a.toks) && a.toks[ti].line == n {
			ti++
		}
		l.last = ti
		a.lines = append(a.lines, l)
		start = end + 1
	}
}

// lineText is the trimmed text of line i.
func (a *article) lineText(i int) string {
	l := a.lines[i]
	return strings.TrimSpace(a.text[l.start:l.end])
}

// abbreviations end with a full stop that does not end the sentence.
var abbreviations = set{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true, "lt": true,
	"col": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "rev": true, "jr": true, "sr": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "no": true, "vs": true, "mt": true, "ft": true, "maj": true,
	"cmdr": true, "adm": true, "brig": true, "messrs": true, "est": true}

func (a *article) markSentences() {
	prevEnd := true
	lineOf := -1
	for i := range a.toks {
		t := &a.toks[i]
		if t.line != lineOf {
			lineOf = t.line
			role := a.lines[t.line].role
			if t.nl >= 2 || role != roleBody || i == 0 || a.prevLineEnds(t.line) {
				prevEnd = true
			}
		}
		if t.kind == tPunct {
			switch t.key {
			case ".", "!", "?":
				if i > 0 && a.toks[i-1].kind == tWord && abbreviations[a.toks[i-1].key] {
					continue
				}
				prevEnd = true
			case ":":
				prevEnd = i+1 < len(a.toks) && a.toks[i+1].nl > 0
			}
			continue
		}
		if prevEnd || a.afterDottedEnd(i) {
			t.sent = true
		}
		prevEnd = false
	}
}

// afterDottedEnd reports a sentence that starts right after an
// abbreviation's own full stop: "… to the U.S. The President …".
func (a *article) afterDottedEnd(i int) bool {
	if i == 0 || !a.toks[i].upper {
		return false
	}
	p := a.toks[i-1]
	return p.kind == tWord && !p.initial && strings.HasSuffix(p.text, ".") && loadTables().is(lexNotnames, a.toks[i].key)
}

// prevLineEnds reports whether the text line before line n ended a
// sentence, so a wrapped line does not start one.
func (a *article) prevLineEnds(n int) bool {
	for p := n - 1; p >= 0; p-- {
		l := a.lines[p]
		if l.first == l.last {
			continue
		}
		if l.role != roleBody {
			return true
		}
		last := a.toks[l.last-1]
		return last.kind == tPunct && strings.Contains(".!?:\"”)", last.key)
	}
	return true
}
