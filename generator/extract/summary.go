package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// summaryLimit is the summary's length in characters, about.
const summaryLimit = 300

// summarize returns the article's first informative sentences: body text
// only, skipping chrome, headline, datelines, bylines and captions, cut at
// a sentence end within summaryLimit characters.
func summarize(a *article) string {
	var sentences []string
	for _, para := range a.bodyParagraphs() {
		sentences = append(sentences, splitSentences(para)...)
		if len(sentences) > 0 && utf8.RuneCountInString(strings.Join(sentences, " ")) > summaryLimit {
			break
		}
	}
	var b strings.Builder
	for _, s := range sentences {
		n := utf8.RuneCountInString(b.String())
		if n > 0 && n+1+utf8.RuneCountInString(s) > summaryLimit {
			break
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	if b.Len() == 0 && len(sentences) > 0 {
		return shorten(sentences[0])
	}
	return shorten(b.String())
}

// bodyParagraphs joins the article's body lines into paragraphs, undoing
// hard wraps, and drops a leading place-and-dash dateline from the first.
func (a *article) bodyParagraphs() []string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for i, l := range a.lines {
		if l.first == l.last {
			flush()
			continue
		}
		if l.role != roleBody || a.isTable(l) {
			flush()
			continue
		}
		cur = append(cur, a.lineText(i))
		if endsSentence(a.lineText(i)) && i+1 < len(a.lines) && a.lines[i+1].first < a.lines[i+1].last && startsUpper(a.lineText(i+1)) {
			flush()
		}
	}
	flush()
	var out []string
	for _, p := range paras {
		p = stripDateline(stripDate(p))
		if len(strings.Fields(p)) >= 6 && startsUpper(p) {
			out = append(out, p)
		}
	}
	return out
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || r == '"' || r == '“'
}

// isTable reports a line of a results table: more numbers than words.
func (a *article) isTable(l line) bool {
	nums, words := 0, 0
	for i := l.first; i < l.last; i++ {
		switch a.toks[i].kind {
		case tNum:
			nums++
		case tWord:
			words++
		}
	}
	return nums > 0 && nums*2 >= words
}

// stripDate removes a date run into the first sentence: "Thursday, May
// 7, 2015 On Tuesday, …".
func stripDate(p string) string {
	f := strings.Fields(p)
	if len(f) < 5 || !weekdays[strings.ToLower(strings.Trim(f[0], ","))] || !months[strings.ToLower(f[1])] {
		return p
	}
	year := strings.Trim(f[3], ",.")
	if len(year) != 4 || year[0] < '1' || year[0] > '2' {
		return p
	}
	return strings.Join(f[4:], " ")
}

// stripDateline removes "Evansville, Indiana, United States - " or
// "WASHINGTON (Reuters) - " from a paragraph's start.
func stripDateline(p string) string {
	for _, dash := range []string{" - ", " – ", " — "} {
		i := strings.Index(p, dash)
		if i <= 0 || i > 60 {
			continue
		}
		head := p[:i]
		if strings.ContainsAny(head, ".!?\"") {
			continue
		}
		words := strings.Fields(strings.NewReplacer(",", " ", "(", " ", ")", " ").Replace(head))
		ok := len(words) <= 6
		for _, w := range words {
			if !startsUpper(w) {
				ok = false
			}
		}
		if ok {
			return strings.TrimSpace(p[i+len(dash):])
		}
	}
	return p
}

// splitSentences cuts a paragraph after ".", "!" or "?" that close a
// sentence, not after an abbreviation or an initial.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && strings.ContainsRune("\"'”’)", rune(p[j])) {
			j++
		}
		if j < len(p) && p[j] != ' ' {
			continue
		}
		if c == '.' && isAbbrevBefore(p[start:i]) && !(dotted(p[start:i]) && startsSentence(p[j:])) {
			continue
		}
		rest := strings.TrimLeft(p[j:], " ")
		if rest != "" && !startsUpper(rest) && !unicode.IsDigit(rune(rest[0])) {
			continue
		}
		if s := strings.TrimSpace(p[start:j]); s != "" {
			out = append(out, s)
		}
		start = j
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

func isAbbrevBefore(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	k := strings.ToLower(strings.Trim(w, "(\"'"))
	if abbreviations[k] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) || strings.Contains(w, ".")
}

// shorten cuts an over-long sentence at a word boundary.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= summaryLimit {
		return s
	}
	r := []rune(s)[:summaryLimit-1]
	cut := strings.LastIndexByte(string(r), ' ')
	if cut < summaryLimit/2 {
		cut = len(string(r))
	}
	return strings.TrimRight(string(r)[:cut], " ,;:") + "…"
}

// dotted reports a last word with inner full stops, "U.S." or "D.C.":
// such a word also ends sentences, unlike an initial or a title.
func dotted(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && strings.Count(f[len(f)-1], ".") >= 1 && utf8.RuneCountInString(f[len(f)-1]) >= 3
}

// sentenceStarters are words that begin a sentence far more often than
// they continue a name, so "in Washington D.C. The team" splits there.
var sentenceStarters = set{"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "this": true, "that": true, "these": true, "those": true, "his": true, "her": true, "their": true,
	"its": true, "in": true, "on": true, "at": true, "but": true, "however": true, "meanwhile": true, "after": true,
	"according": true, "there": true, "some": true, "many": true}

func startsSentence(rest string) bool {
	f := strings.Fields(rest)
	return len(f) > 0 && sentenceStarters[strings.ToLower(strings.Trim(f[0], "\"“'‘"))]
}
