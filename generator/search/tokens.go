package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The browser's search.js folds, splits and stems a query with the same
// rules as these, so the words it looks up are the words indexed: a
// change here must be made there too.

// Words calls fn with each word of text, folded (lower case, accents
// dropped, so "Şhamkhani" and "SHAMKHANI" are one word) and stemmed. The
// word's bytes are valid only during the call: a build reads millions of
// words, most of them seen before, and copying each was most of the work.
func Words(text string, fn func(word []byte)) {
	appendWords(nil, text, fn)
}

// appendWords is Words folding into buf, and gives buf back to be used
// again: Analyze reads four fields of every article, and growing a new
// buffer for each was an allocation or two a field.
func appendWords(buf []byte, text string, fn func(word []byte)) []byte {
	buf = buf[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiKind[c] {
			case asciiKept:
				// Most of a word is lower case letters and digits: the
				// run is appended whole, not byte by byte.
				j := i + 1
				for j < len(text) && asciiKind[text[j]] == asciiKept {
					j++
				}
				buf = append(buf, text[i:j]...)
				i = j
			case asciiUpper:
				buf = append(buf, c+'a'-'A')
				i++
			default:
				i++
				if len(buf) > 0 {
					fn(Stem(buf))
					buf = buf[:0]
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r) {
			if len(buf) > 0 {
				fn(Stem(buf))
				buf = buf[:0]
			}
			continue
		}
		buf = foldRune(buf, r)
	}
	if len(buf) > 0 {
		fn(Stem(buf))
	}
	return buf[:0]
}

// What appendWords does with an ASCII byte: keep it as it is, keep it in
// lower case, or end the word there (asciiEnd, the zero, for the rest).
const (
	asciiEnd = iota
	asciiKept
	asciiUpper
)

var asciiKind = func() (k [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		k[c] = asciiKept
	}
	for c := '0'; c <= '9'; c++ {
		k[c] = asciiKept
	}
	for c := 'A'; c <= 'Z'; c++ {
		k[c] = asciiUpper
	}
	return k
}()

// foldRune appends r decomposed, without its combining marks, in lower
// case: what JavaScript's normalize("NFKD"), dropping \p{M}, and
// toLowerCase make of it.
func foldRune(buf []byte, r rune) []byte {
	var tmp [utf8.UTFMax]byte
	n := utf8.EncodeRune(tmp[:], r)
	for _, d := range norm.NFKD.String(string(tmp[:n])) {
		if unicode.Is(unicode.M, d) {
			continue
		}
		if !unicode.IsLetter(d) && !unicode.IsNumber(d) {
			continue
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(d))
	}
	return buf
}

// Stem strips the plural endings of English, lightly: "sanctions" and
// "sanction", "countries" and "country" are one word, while names
// ("Patrushev", "Paris") are left alone. Prefix matching in the browser
// does the rest ("sanction" finds "sanctioned").
func Stem(w []byte) []byte {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		// Every ending below ends in s; most words do not.
		return w
	}
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

// Key is the part of a word that chooses its shard: its first two
// letters, so every word a prefix of two or more letters can match lies
// in one shard; or, when those two are a heavy prefix (Shards says which),
// its first three.
func Key(w string, heavy map[string]bool) string {
	i, n := 0, 2
	for k := 0; k < n && i < len(w); k++ {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if k == 1 && heavy[w[:i]] && i < len(w) {
			n = 3
		}
	}
	return w[:i]
}

// Shard is the shard, of n, that holds words with this key (FNV-1a of
// its bytes, as search.js works it out).
func Shard(key string, n int) int {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return int(h % uint32(n))
}

// ShardCount is how many shards an index of n articles is cut into: about
// forty articles' worth of words each, so a shard stays a few tens of
// kilobytes as a site grows, and few enough at 100,000 articles that a
// build does not spend its time writing tiny files.
func ShardCount(n int) int {
	return min(max((n+39)/40, 4), 512)
}
