package extract

import (
	"strings"

	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
)

// gazMatch is one gazetteer phrase found in an article.
type gazMatch struct {
	e        *gazEntry
	from, to int // token span [from, to)
	part     int // for a piece of a hyphenated word ("Tehran-Moscow"), its index; else -1
	parts    int // how many capitalised pieces that word has
}

// matchGazetteer finds the longest gazetteer phrase at every token, left
// to right, and the pieces of hyphenated words that are names.
func (t *tables) matchGazetteer(a *article) []gazMatch {
	var out []gazMatch
	for i := 0; i < len(a.toks); {
		tk := a.toks[i]
		l := a.lines[tk.line]
		if tk.kind != tWord || l.role == roleChrome || a.credit[i] {
			i++
			continue
		}
		if m, ok := t.longest(a, i); ok {
			out = append(out, m)
			i = m.to
			continue
		}
		if strings.ContainsAny(tk.text, "-‐‑") {
			out = append(out, t.pieces(a, i)...)
		}
		i++
	}
	return out
}

func (t *tables) longest(a *article, i int) (gazMatch, bool) {
	var best gazMatch
	found := false
	n := t.gaz
	for j := i; j < len(a.toks); j++ {
		if j > i && a.toks[j].nl > 0 {
			break
		}
		n = n.next[a.toks[j].key]
		if n == nil {
			break
		}
		if n.entry != nil && t.accepts(a, n.entry, i, j+1) {
			best, found = gazMatch{e: n.entry, from: i, to: j + 1, part: -1}, true
		}
	}
	return best, found
}

// accepts checks case: in ordinary prose a name starts with a capital and
// an abbreviation is spelt as listed; in a line of capitals anything goes
// but a bare abbreviation, which may be a word ("US").
func (t *tables) accepts(a *article, e *gazEntry, from, to int) bool {
	first := a.toks[from]
	if a.lines[first.line].unsure {
		return e.exact == "" || strings.Contains(e.exact, ".")
	}
	if !first.upper {
		return false
	}
	if e.exact == "" {
		return true
	}
	var b strings.Builder
	for k := from; k < to; k++ {
		if k > from && a.toks[k].start > a.toks[k-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(a.toks[k].text)
	}
	return b.String() == e.exact
}

// pieces matches the capitalised parts of a hyphenated word one by one:
// "Tehran-Moscow", "Iran-Russia", "pro-Russian", "Indonesian-origin".
func (t *tables) pieces(a *article, i int) []gazMatch {
	tk := a.toks[i]
	parts := strings.FieldsFunc(tk.text, func(r rune) bool { return gazetteer.IsHyphen(r) })
	var out []gazMatch
	caps := 0
	for _, p := range parts {
		if n := t.gaz.next[fold(p)]; n != nil && n.entry != nil {
			caps++
		}
	}
	for k, p := range parts {
		if p == "" || strings.ToUpper(p[:1]) != p[:1] {
			continue
		}
		n := t.gaz.next[fold(p)]
		if n == nil || n.entry == nil || (n.entry.exact != "" && n.entry.exact != p) {
			continue
		}
		if n.entry.kind == kCapital && caps < 2 {
			continue // "Vienna-based", "pro-Beijing": the city is no actor here
		}
		out = append(out, gazMatch{e: n.entry, from: i, to: i + 1, part: k, parts: caps})
	}
	return out
}
