package search

import (
	"hash/fnv"
	"slices"
	"testing"
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
