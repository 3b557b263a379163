package extract

import (
	"strings"
	"unicode"
)

// span is a range of tokens [from, to).
type span struct{ from, to int }

// nameChunks returns the runs of capitalised words on lines whose capitals
// can be trusted: "Rear Admiral Ali Shamkhani", "Kevin de Bruyne". A run
// stops at punctuation, a line break or a sentence start, and takes in
// lower-case name particles between capitals.
func (t *tables) nameChunks(a *article) []span {
	var out []span
	toks := a.toks
	for i := 0; i < len(toks); {
		if !a.capital(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].nl == 0 && !toks[j].sent {
			if a.capital(j) {
				j++
				continue
			}
			// "Mr. Tedeschi", "Gen. Smith": a title's full stop stays inside.
			if toks[j].key == "." && abbreviations[toks[j-1].key] && j+1 < len(toks) && toks[j+1].nl == 0 && a.capital(j+1) {
				j += 2
				continue
			}
			if j+1 < len(toks) && toks[j].kind == tWord && t.is(lexParticles, toks[j].key) &&
				toks[j+1].nl == 0 && a.capital(j+1) {
				j += 2
				continue
			}
			if arabicArticle(toks[j].text) {
				j++ // "Suleiman al-Amr", "Abdel Fattah el-Sisi"
				continue
			}
			break
		}
		out = append(out, span{i, j})
		i = j
	}
	return out
}

// capital reports a capitalised word on a trusted line.
func (a *article) capital(i int) bool {
	t := a.toks[i]
	l := a.lines[t.line]
	return t.kind == tWord && (t.upper || t.initial) && !l.unsure && l.role != roleChrome && l.role != roleDateline && !a.credit[i]
}

// arabicArticle reports a family name written with a lower-case article:
// "al-Amr", "el-Sisi", "ash-Shami".
func arabicArticle(w string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "ash-", "as-", "at-", "ar-", "an-", "az-"} {
		if len(w) > len(p) && strings.HasPrefix(w, p) && unicode.IsUpper([]rune(w[len(p):])[0]) {
			return true
		}
	}
	return false
}
