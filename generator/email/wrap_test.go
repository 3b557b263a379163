package email

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWrapFillsLines checks the plain-text part's wrapping on random
// text: every word kept, in order; each line led by its lead; no line
// longer than the width unless one word alone is; and no line ended
// early, when the next word would still have fitted.
func TestWrapFillsLines(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	letters := []rune("abcdefghijklmnopqrstuvwxyzéüß·")
	for i := range 2000 {
		var words []string
		for range r.IntN(40) {
			w := make([]rune, 1+r.IntN(12))
			if r.IntN(30) == 0 {
				w = make([]rune, width+r.IntN(20)) // an address longer than a line
			}
			for j := range w {
				w[j] = letters[r.IntN(len(letters))]
			}
			words = append(words, string(w))
		}
		first, rest := []string{"", "* ", "  "}[i%3], []string{"", "  ", "> "}[i%3]
		var b strings.Builder
		wrapLines(&b, strings.Join(words, []string{" ", "  ", " \t"}[i%3]), first, rest)
		out := b.String()
		if !strings.HasSuffix(out, "\n") {
			t.Fatalf("%q does not end its last line", out)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		var got []string
		for k, l := range lines {
			lead := rest
			if k == 0 {
				lead = first
			}
			if !strings.HasPrefix(l, lead) {
				t.Fatalf("line %q does not start with %q", l, lead)
			}
			body := strings.Fields(strings.TrimPrefix(l, lead))
			got = append(got, body...)
			if n := utf8.RuneCountInString(l); n > width && len(body) > 1 {
				t.Errorf("line of %d characters holds %d words: %q", n, len(body), l)
			}
			if k+1 < len(lines) {
				next := strings.Fields(strings.TrimPrefix(lines[k+1], rest))
				if len(next) > 0 && len(body) > 0 && utf8.RuneCountInString(l)+1+utf8.RuneCountInString(next[0]) <= width {
					t.Errorf("line %q ended though %q fitted after it", l, next[0])
				}
			}
		}
		if strings.Join(got, " ") != strings.Join(words, " ") {
			t.Fatalf("words changed: %q became %q", words, got)
		}
	}
}
