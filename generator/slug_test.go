package generator

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSlugify(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Ali Shamkhani", "ali-shamkhani"},
		{"Türkiye", "turkiye"},
		{"Côte d'Ivoire", "cote-divoire"},
		{"Gérald Darmanin", "gerald-darmanin"},
		{"  United   States ", "united-states"},
		{"Lord's", "lords"},
		{"Øresund Straße", "oresund-strasse"},
		{"Kim Jong-un", "kim-jong-un"},
		{"U.S.", "u-s"},
		{"???", ""},
		{"Week 45 · 8–14 November", "week-45-8-14-november"},
		{"طهران", "طهران"},
		{"G7 summit", "g7-summit"},
	} {
		if got := Slugify(tc.in); got != tc.want {
			t.Errorf("Slugify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLongSlugsAreBounded checks that a name too long for a file name
// gets a slug that fits, with a hash that keeps long names apart.
func TestLongSlugsAreBounded(t *testing.T) {
	long := strings.Repeat("Extraordinarily Long Committee Name ", 12)
	a, b := Slugify(long+"Alpha"), Slugify(long+"Beta")
	for _, s := range []string{a, b, Slugify(strings.Repeat("ж", 300))} {
		if len(s) > MaxSlugLen || !utf8.ValidString(s) || strings.HasSuffix(s, "-") {
			t.Errorf("slug %q: %d bytes (at most %d), valid UTF-8 %v", s, len(s), MaxSlugLen, utf8.ValidString(s))
		}
	}
	if a == b {
		t.Errorf("two long names that begin alike share the slug %q", a)
	}
	if Slugify(long+"Alpha") != a {
		t.Error("the same long name slugs differently twice")
	}
	if !strings.HasPrefix(a, "extraordinarily-long-committee-name-") {
		t.Errorf("slug %q does not begin with the name", a)
	}
	if s := Slugify("Ali Shamkhani"); s != "ali-shamkhani" {
		t.Errorf("a short name slugs to %q", s)
	}
}

// TestASCIISlugAsUnicodeSlug checks the shortcut for ASCII names against
// the way every other name is slugged, on every pair of ASCII bytes
// around words.
func TestASCIISlugAsUnicodeSlug(t *testing.T) {
	for a := range 128 {
		for _, b := range []byte{' ', '\'', '-', 'A', 'z', '0', '.', 0, 127} {
			for _, s := range []string{string([]byte{byte(a), b}), "Al" + string(rune(a)) + "i " + string(b) + "Sham", string(rune(a)) + strings.Repeat("x", 120)} {
				got, ok := asciiSlug(s)
				if !ok {
					t.Fatalf("asciiSlug(%q) refused an ASCII name", s)
				}
				if want := unicodeSlug(s); got != want {
					t.Errorf("asciiSlug(%q) = %q, unicodeSlug gives %q", s, got, want)
				}
			}
		}
	}
	if _, ok := asciiSlug("Türkiye"); ok {
		t.Error("asciiSlug took a name that is not ASCII")
	}
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Ali Shamkhani", "Côte d'Ivoire", "U.S.", "Kim Jong-un", "???", "a'b c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Slugify(s), unicodeSlug(s); got != want {
			t.Errorf("Slugify(%q) = %q, unicodeSlug gives %q", s, got, want)
		}
	})
}
