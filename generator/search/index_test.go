package search

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// lookup decodes word's postings from the shards, as search.js does:
// article number to weight.
func lookup(t *testing.T, shards [][]byte, heavy []string, word string) map[int]int {
	t.Helper()
	isHeavy := map[string]bool{}
	for _, k := range heavy {
		isHeavy[k] = true
	}
	var terms map[string]string
	if err := json.Unmarshal(shards[Shard(Key(word, isHeavy), len(shards))], &terms); err != nil {
		t.Fatalf("a shard is not JSON: %v", err)
	}
	list, ok := terms[word]
	if !ok {
		return nil
	}
	out := map[int]int{}
	doc := -1
	for _, v := range decodeNumbers(list) {
		doc += int(v >> 4)
		out[doc] = int(v & 15)
	}
	return out
}

func TestShardsRankTitleAndNamesAboveBody(t *testing.T) {
	dict := NewDictionary()
	docs := []Analysis{
		dict.Analyze(Doc{Title: "Talks resume", Body: "Officials met in Tehran on Monday to resume talks on sanctions."}),
		dict.Analyze(Doc{Title: "Sanctions on Tehran tightened", Names: []string{"Iran"}, Body: "Officials said the new sanctions start in May."}),
		dict.Analyze(Doc{Title: "Harvest festival", Names: []string{"Ali Shamkhani"}, Body: "Farmers gathered for the harvest."}),
	}
	shards, heavy := dict.Shards(docs, 4)
	if len(shards) != 4 {
		t.Fatalf("got %d shards, want 4", len(shards))
	}
	tehran := lookup(t, shards, heavy, "tehran")
	if len(tehran) != 2 || tehran[0] == 0 || tehran[1] == 0 {
		t.Fatalf("tehran's postings = %v, want articles 0 (body) and 1 (title)", tehran)
	}
	if tehran[1] <= tehran[0] {
		t.Errorf("tehran weighs %d in a headline and %d in a body; the headline should weigh more", tehran[1], tehran[0])
	}
	if got := lookup(t, shards, heavy, "shamkhani"); len(got) != 1 || got[2] == 0 {
		t.Errorf("a name is not indexed: shamkhani's postings = %v", got)
	}
	if got := lookup(t, shards, heavy, "sanction"); len(got) != 2 {
		t.Errorf("sanction's postings = %v, want both articles saying sanctions", got)
	}
	if got := lookup(t, shards, heavy, "farmers"); got != nil {
		t.Errorf("an unstemmed word was indexed: %v", got)
	}
	if heavy != nil {
		t.Errorf("three articles make heavy prefixes %q", heavy)
	}
}

// TestShardsCutHeavyPrefixes fills one prefix past heavyBytes and checks
// its words are spread by their third letter, and still found.
func TestShardsCutHeavyPrefixes(t *testing.T) {
	dict := NewDictionary()
	words := "coalition council court convoy cooperation corridor corruption covenant coup"
	var docs []Analysis
	for range 4000 {
		docs = append(docs, dict.Analyze(Doc{Body: words + " talks"}))
	}
	shards, heavy := dict.Shards(docs, 64)
	if !slices.Equal(heavy, []string{"co"}) {
		t.Fatalf("heavy prefixes = %q, want only co", heavy)
	}
	for _, w := range strings.Fields(words) {
		if got := lookup(t, shards, heavy, w); len(got) != 4000 {
			t.Errorf("%s is found in %d articles, want 4000", w, len(got))
		}
	}
	biggest := 0
	for _, s := range shards {
		biggest = max(biggest, len(s))
	}
	if biggest > heavyBytes {
		t.Errorf("the biggest shard is %d bytes; cutting co by its third letter should keep each under %d", biggest, heavyBytes)
	}
}

func TestNumbersRoundTrip(t *testing.T) {
	in := []uint64{0, 1, 31, 32, 1023, 1024, 1 << 20, 123456789}
	var b []byte
	for _, v := range in {
		b = appendNumber(b, v)
	}
	got := decodeNumbers(string(b))
	if len(got) != len(in) {
		t.Fatalf("decoded %v, want %v", got, in)
	}
	for i := range in {
		if got[i] != in[i] {
			t.Errorf("number %d: decoded %d, want %d", i, got[i], in[i])
		}
	}
	if len(appendNumber(nil, 17)) != 1 {
		t.Error("a posting for the next article (gap 1, any weight) takes more than one character")
	}
}

func TestFragmentCutsLongBodiesAtAWord(t *testing.T) {
	body := ""
	for len(body) < 2*maxSnippetText {
		body += "Tehran délégation "
	}
	var buf bytes.Buffer
	WriteGroup(&buf, []Fragment{{Title: "T", Body: body}})
	var group []Fragment
	if err := json.Unmarshal(buf.Bytes(), &group); err != nil || len(group) != 1 {
		t.Fatalf("a group of one fragment reads back as %d fragments (%v): %s", len(group), err, buf.Bytes())
	}
	f := group[0]
	if len(f.Body) > maxSnippetText || len(f.Body) < maxSnippetText-200 {
		t.Errorf("a long body was cut to %d bytes, want near %d", len(f.Body), maxSnippetText)
	}
	if last := f.Body[len(f.Body)-1]; last == ' ' || f.Body[len(f.Body)-5:] == "dél" {
		t.Errorf("the body was cut mid-word: ends %q", f.Body[len(f.Body)-10:])
	}
}

// TestGroupKeepsEachFragmentInPlace checks that a file of fragments reads
// back as the fragments given, in order, text with markup characters
// and all: search.js picks an article's by its place in the array.
func TestGroupKeepsEachFragmentInPlace(t *testing.T) {
	in := []Fragment{
		{Title: "Talks <resume> & stall", URL: "/articles/talks/", Date: "2024-01-03", Body: "Officials met in Tehran."},
		{Title: "Harvest", URL: "/articles/harvest/", Date: "2024-01-02", Source: "Wire", Summary: "Farmers \"gathered\"."},
		{Title: "Quiet week", URL: "/articles/quiet/", Date: "2024-01-01"},
	}
	var buf bytes.Buffer
	WriteGroup(&buf, in)
	var out []Fragment
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("a group is not JSON: %v\n%s", err, buf.Bytes())
	}
	if !slices.Equal(out, in) {
		t.Errorf("the group reads back as\n%+v\nwant\n%+v", out, in)
	}
}

// TestGroupPointsAtSummariesTheBodyQuotes checks that a summary the body
// repeats is written once, as a place in the body that JavaScript's
// string indexes (UTF-16 code units) read back to the same text, after
// letters that take two units and several bytes.
func TestGroupPointsAtSummariesTheBodyQuotes(t *testing.T) {
	summary := "Officials met in Tehran — 𝔸 talks resumed."
	body := "Délégation 𝔸 photo. " + summary + " Later, more."
	var buf bytes.Buffer
	WriteGroup(&buf, []Fragment{{Title: "T", Summary: summary, Body: body}, {Title: "U", Summary: "Not quoted.", Body: body}})
	var out []struct {
		Summary string  `json:"s"`
		Body    string  `json:"b"`
		At      *[2]int `json:"x"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out[0].Summary != "" || out[0].At == nil {
		t.Fatalf("a summary the body quotes is written again: %s", buf.Bytes())
	}
	units := utf16.Encode([]rune(out[0].Body))
	at, n := out[0].At[0], out[0].At[1]
	if at < 0 || at+n > len(units) {
		t.Fatalf("the summary is placed at %d+%d in a body of %d units", at, n, len(units))
	}
	if got := string(utf16.Decode(units[at : at+n])); got != summary {
		t.Errorf("the body read at %d+%d gives %q, want the summary %q", at, n, got, summary)
	}
	if out[1].Summary != "Not quoted." || out[1].At != nil {
		t.Errorf("a summary the body does not quote is written as %q at %v", out[1].Summary, out[1].At)
	}
}

func TestMetaWritesRunsShort(t *testing.T) {
	for _, tc := range []struct {
		docs []int
		want []uint64
		run  bool
	}{
		{[]int{4, 5, 6, 7}, []uint64{4, 4}, true},
		{[]int{0, 2, 3, 9}, []uint64{1, 2, 1, 6}, false},
		{[]int{3, 4}, []uint64{4, 1}, false},
	} {
		got := string(appendDocs(nil, tc.docs))
		if run := len(got) > 0 && got[0] == '~'; run != tc.run {
			t.Errorf("%v written as %q: a run is %v, want %v", tc.docs, got, run, tc.run)
		}
		if nums := decodeNumbers(strings.TrimPrefix(got, "~")); !slices.Equal(nums, tc.want) {
			t.Errorf("%v written as %v, want %v", tc.docs, nums, tc.want)
		}
	}
}
