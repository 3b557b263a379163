package search

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Iran's SNSC met in Tehran", []string{"iran", "s", "snsc", "met", "in", "tehran"}},
		{"Şhamkhani, ŞHAMKHANI", []string{"shamkhani", "shamkhani"}},
		{"sanctions against countries", []string{"sanction", "against", "country"}},
		{"Patrushev in Paris; buses and boxes", []string{"patrushev", "in", "paris", "bus", "and", "box"}},
		{"Tehran-Moscow 2021", []string{"tehran", "moscow", "2021"}},
		{"Москва и Тегеран", []string{"москва", "и", "тегеран"}},
		{"café crème", []string{"cafe", "creme"}},
	} {
		var got []string
		Words(tc.text, func(w []byte) { got = append(got, string(w)) })
		if !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestKeyAndShard(t *testing.T) {
	if k := Key("тегеран", nil); k != "те" {
		t.Errorf("Key of a Cyrillic word = %q, want its first two letters", k)
	}
	if k := Key("a", nil); k != "a" {
		t.Errorf("Key(a) = %q", k)
	}
	// search.js works out FNV-1a by hand; so does Shard, so check it is.
	for _, k := range []string{"te", "sh", "те"} {
		h := fnv.New32a()
		h.Write([]byte(k))
		if got, want := Shard(k, 97), int(h.Sum32()%97); got != want {
			t.Errorf("Shard(%q, 97) = %d, want FNV-1a's %d", k, got, want)
		}
	}
	n := ShardCount(1000)
	if n != 25 {
		t.Errorf("ShardCount(1000) = %d, want 25 (40 articles a shard)", n)
	}
	seen := map[int]bool{}
	for _, k := range []string{"te", "sh", "pa", "ir", "sa", "ru", "mo", "af", "co", "re"} {
		s := Shard(k, n)
		if s < 0 || s >= n {
			t.Fatalf("Shard(%q, %d) = %d, out of range", k, n, s)
		}
		seen[s] = true
	}
	if len(seen) < 5 {
		t.Errorf("ten common keys fall in only %d of %d shards", len(seen), n)
	}
}

func TestPlainText(t *testing.T) {
	md := "# Heading\n\n> A **quoted** line with a [link](https://example.com/x) and <span>tag</span>.\n\n[ref]: https://example.com\n\n- item one\n"
	got := PlainText([]byte(md))
	want := "Heading A quoted line with a link and tag. item one"
	if got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
}

// wordsReference and stemReference are Words and Stem as they were
// before Words appended runs of letters whole and Stem looked first at
// the last letter: a byte at a time, as the rules read. They stay here as
// the meaning the faster ones must keep.
func wordsReference(text string, fn func(word []byte)) {
	var buf []byte
	flush := func() {
		if len(buf) > 0 {
			fn(stemReference(buf))
			buf = buf[:0]
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			default:
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r) {
			flush()
			continue
		}
		buf = foldRune(buf, r)
	}
	flush()
}

func stemReference(w []byte) []byte {
	n := len(w)
	switch {
	case n > 4 && string(w[n-3:]) == "ies":
		return append(w[:n-3], 'y')
	case n > 4 && string(w[n-2:]) == "es" && (w[n-3] == 's' || w[n-3] == 'x' || w[n-3] == 'z' || string(w[n-4:n-2]) == "ch" || string(w[n-4:n-2]) == "sh"):
		return w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		return w[:n-1]
	}
	return w
}

// sameWords reports where Words and wordsReference first part on text.
func sameWords(text string) error {
	var got, want []string
	Words(text, func(w []byte) { got = append(got, string(w)) })
	wordsReference(text, func(w []byte) { want = append(want, string(w)) })
	if !slices.Equal(got, want) {
		return fmt.Errorf("Words(%q) = %q, want %q", text, got, want)
	}
	return nil
}

func TestWordsAsReference(t *testing.T) {
	texts := []string{"", " ", "a", "A", "ABC", "aBcD", "abc ", " abc", "a1B2c3", "x,y;z", "Ies SES sses ss iss us", "buses boxes churches wishes quizzes countries ies",
		"AAAA", "aaaS", "café", "CAFÉ", "e\u0301", "\u0301", "ǅungla", "\xff", "ab\xe2\x82cd", strings.Repeat("Word ", 100)}
	for _, d := range handDocs {
		texts = append(texts, d.Title, d.Summary, d.Body)
		texts = append(texts, d.Names...)
	}
	for _, text := range texts {
		if err := sameWords(text); err != nil {
			t.Error(err)
		}
	}
}

func FuzzWordsAsReference(f *testing.F) {
	for _, s := range []string{"", "Iran's SNSC met in Tehran", "Şhamkhani, ŞHAMKHANI", "sanctions against countries", "Москва и Тегеран", "x86_64 1e9 3.14"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if err := sameWords(text); err != nil {
			t.Fatal(err)
		}
	})
}
