package search

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
)

// analyzeReference is Analyze as it was before it kept its scratch space
// between articles: a map and a string for every word of every article,
// read by wordsReference. It stays here, plain, as the meaning Analyze
// must keep.
func analyzeReference(dict *Dictionary, d Doc) Analysis {
	slot := map[string]int{}
	var words []string
	var counts []float64
	var length float64
	add := func(text string, weight float64) {
		wordsReference(text, func(w []byte) {
			i, ok := slot[string(w)]
			if !ok {
				i = len(words)
				word := string(w)
				slot[word] = i
				words = append(words, word)
				counts = append(counts, 0)
			}
			counts[i] += weight
			length += weight
		})
	}
	add(d.Title, titleWeight)
	add(strings.Join(d.Names, " "), namesWeight)
	add(d.Summary, summaryWeight)
	add(d.Body, bodyWeight)
	a := Analysis{Words: make([]WordCount, 0, len(counts)), Length: length}
	dict.mu.Lock()
	for i, w := range words {
		id, ok := dict.ids[w]
		if !ok {
			id = int32(len(dict.words))
			dict.ids[w] = id
			dict.words = append(dict.words, w)
		}
		a.Words = append(a.Words, WordCount{ID: id, Count: float32(counts[i])})
	}
	dict.mu.Unlock()
	return a
}

// handDocs are the corners a generated corpus never reaches: accents and
// combining marks folded away, other scripts, digits, words repeated
// within and across fields, empty fields and names, invalid UTF-8, and a
// word long enough to need more than one buffer's growth.
var handDocs = []Doc{
	{},
	{Title: "Sanctions", Names: []string{""}, Summary: "", Body: ""},
	{Title: "Şhamkhani met Patrushev", Names: []string{"Ali Shamkhani", "", "Nikolai Patrushev", ""},
		Summary: "SHAMKHANI and şhamkhani", Body: "Shamkhani shamkhani ŞHAMKHANI, shamkhanis."},
	{Title: "café crème", Names: []string{"Cafe\u0301", "\u0301e", "e\u0301\u0301"},
		Summary: "cafe\u0301 CAFÉ caf\u00e9", Body: "e\u0301t\u00e9 ete\u0301 \u0301\u0301 \u0301"},
	{Title: "Москва и Тегеран", Names: []string{"Москва"}, Summary: "москва МОСКВА", Body: "Тегеран, Москва; Tehran-Moscow 2021 ２０２１ ½ Ⅻ"},
	{Title: "2021 2021 2021", Names: []string{"2021", "G7", "G20"}, Summary: "the the the", Body: "007 0 00 1e9 3.14 x86_64"},
	{Title: "countries boxes buses", Summary: "country box bus", Body: "churches wishes taxes quizzes ies es s sss ss is us"},
	{Title: "bad \xff\xfe bytes", Names: []string{"\xe2\x82", "\x82ab"}, Summary: "ab\xe2\x82cd", Body: "\xc3 \xc3\xa9 é\xff"},
	{Title: strings.Repeat("long", 300), Body: strings.Repeat("word ", 2000) + strings.Repeat("é", 500)},
	{Title: "ﬁnance ＦＵＬＬ ǅ", Names: []string{"ǲ", "İstanbul"}, Summary: "ﬂour ß", Body: "ΣΊΣΥΦΟΣ σίσυφος 東京 とうきょう"},
	{Title: "\t\n tabs\tand\nlines\r\n", Names: []string{" padded ", "a-b", "a b"}, Summary: "  ", Body: "x\u00a0y\u2003z"},
}

// corpusDocs are the documents a build of n generated articles gives
// Analyze, made as render makes them.
func corpusDocs(tb testing.TB, n int) []Doc {
	tb.Helper()
	_, articles := corpustest.Load(tb, n)
	docs := make([]Doc, len(articles))
	for i, a := range articles {
		body, err := a.ReadBody()
		if err != nil {
			tb.Fatal(err)
		}
		docs[i] = Doc{Title: a.Title, Summary: a.Summary, Names: names(a), Body: PlainText(body)}
	}
	return docs
}

// names is every name a is filed under, in the order of its front matter.
func names(a *generator.Article) []string {
	var out []string
	out = append(out, a.Countries...)
	out = append(out, a.People...)
	out = append(out, a.Organizations...)
	out = append(out, a.Places...)
	if a.Event != "" {
		out = append(out, a.Event)
	}
	return append(out, a.Topics...)
}

// sameAnalyses runs docs through Analyze and through analyzeReference,
// each into its own dictionary, and reports the first difference: in
// any article's words, ids, counts or length, or in the dictionaries.
func sameAnalyses(docs []Doc) error {
	got, want := NewDictionary(), NewDictionary()
	for i, d := range docs {
		g, w := got.Analyze(d), analyzeReference(want, d)
		if !slices.Equal(g.Words, w.Words) {
			return fmt.Errorf("article %d (%.40q): words\n got  %v\n want %v", i, d.Title, g.Words, w.Words)
		}
		if math.Float64bits(g.Length) != math.Float64bits(w.Length) {
			return fmt.Errorf("article %d (%.40q): length %v, want %v", i, d.Title, g.Length, w.Length)
		}
	}
	if !slices.Equal(got.words, want.words) {
		return fmt.Errorf("dictionary words differ:\n got  %q\n want %q", got.words, want.words)
	}
	if len(got.ids) != len(want.ids) {
		return fmt.Errorf("dictionary has %d ids, want %d", len(got.ids), len(want.ids))
	}
	for w, id := range want.ids {
		if got.ids[w] != id {
			return fmt.Errorf("dictionary numbers %q %d, want %d", w, got.ids[w], id)
		}
	}
	return nil
}

func TestAnalyzeAsReferenceOnHandDocs(t *testing.T) {
	// Twice over, so the second pass meets every word already numbered.
	if err := sameAnalyses(append(slices.Clone(handDocs), handDocs...)); err != nil {
		t.Fatal(err)
	}
	// Each alone, into a fresh dictionary.
	for _, d := range handDocs {
		if err := sameAnalyses([]Doc{d}); err != nil {
			t.Error(err)
		}
	}
}

func TestAnalyzeAsReferenceOnCorpus(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 300
	}
	docs := corpusDocs(t, n)
	// The hand docs between the generated ones, as a long article
	// followed by short ones is where scratch space kept between
	// articles would show what it held before.
	var all []Doc
	for i, d := range docs {
		all = append(all, d)
		if i%100 == 0 {
			all = append(all, handDocs[(i/100)%len(handDocs)])
		}
	}
	if err := sameAnalyses(all); err != nil {
		t.Fatal(err)
	}
}

// TestAnalyzeMarkdownAsPlainText reads each body as Markdown, whose
// plain text Analyze makes in a buffer it reuses, and as the string
// PlainText makes: the words must be the same, with long bodies and short
// ones in turn so the buffer shows if it keeps what it held before.
func TestAnalyzeMarkdownAsPlainText(t *testing.T) {
	_, articles := corpustest.Load(t, 300)
	fromText, fromMarkdown := NewDictionary(), NewDictionary()
	hand := [][]byte{[]byte("**Bold** [link](https://x.y/z) and `code`"), []byte("> quote\n\n- item one\n- item two"), []byte("")}
	for i, a := range articles {
		body, err := a.ReadBody()
		if err != nil {
			t.Fatal(err)
		}
		for _, md := range [][]byte{body, hand[i%len(hand)]} {
			d := Doc{Title: a.Title, Summary: a.Summary, Names: names(a)}
			m := d
			d.Body, m.Markdown = PlainText(md), md
			want, got := fromText.Analyze(d), fromMarkdown.Analyze(m)
			if !slices.Equal(got.Words, want.Words) || got.Length != want.Length {
				t.Fatalf("article %d (%.40q) read as Markdown: %v (length %v), want %v (length %v)", i, a.Title, got.Words, got.Length, want.Words, want.Length)
			}
		}
	}
	if !slices.Equal(fromMarkdown.words, fromText.words) {
		t.Fatalf("dictionaries differ")
	}
}

// TestAnalyzeAsReferenceOnHugeArticles reads articles that grow the
// scratch space past what is kept for the next: many distinct words, and
// one word of two megabytes; the ordinary articles around them must come
// out as before.
func TestAnalyzeAsReferenceOnHugeArticles(t *testing.T) {
	var many strings.Builder
	for i := range 3 * maxKeptTable {
		fmt.Fprintf(&many, "w%d ", i%(2*maxKeptTable))
	}
	docs := []Doc{
		handDocs[2],
		{Title: "Many words", Body: many.String()},
		handDocs[3],
		{Title: "One long word", Body: strings.Repeat("ab", maxKeptText) + " ab"},
		handDocs[4],
	}
	if err := sameAnalyses(append(docs, docs...)); err != nil {
		t.Fatal(err)
	}
}

func FuzzAnalyzeAsReference(f *testing.F) {
	for _, d := range handDocs {
		f.Add(d.Title, strings.Join(d.Names, "|"), d.Summary, d.Body)
	}
	f.Fuzz(func(t *testing.T, title, names, summary, body string) {
		d := Doc{Title: title, Names: strings.Split(names, "|"), Summary: summary, Body: body}
		if err := sameAnalyses([]Doc{d, d, handDocs[2], d}); err != nil {
			t.Fatal(err)
		}
	})
}

// TestAnalyzeConcurrently analyses articles from several goroutines into
// one dictionary, as a build does, and checks each analysis spells, in
// that dictionary's words, what the reference finds alone.
func TestAnalyzeConcurrently(t *testing.T) {
	docs := append(corpusDocs(t, 400), handDocs...)
	type spelled struct {
		words  []string
		counts []float32
		length float64
	}
	spell := func(dict *Dictionary, a Analysis) spelled {
		s := spelled{length: a.Length}
		for _, wc := range a.Words {
			s.words = append(s.words, dict.words[wc.ID])
			s.counts = append(s.counts, wc.Count)
		}
		return s
	}
	want := make([]spelled, len(docs))
	for i, d := range docs {
		ref := NewDictionary()
		want[i] = spell(ref, analyzeReference(ref, d))
	}
	dict := NewDictionary()
	got := make([]Analysis, len(docs))
	const workers = 6
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// Each worker reads every article, from its own starting
			// point, so the same words arrive at once from several.
			for k := range docs {
				i := (k + w*len(docs)/workers) % len(docs)
				a := dict.Analyze(docs[i])
				if w == 0 {
					got[i] = a
				}
			}
		})
	}
	wg.Wait()
	for i, a := range got {
		g := spell(dict, a)
		if !slices.Equal(g.words, want[i].words) || !slices.Equal(g.counts, want[i].counts) || g.length != want[i].length {
			t.Fatalf("article %d (%.40q) read concurrently:\n got  %v\n want %v", i, docs[i].Title, g, want[i])
		}
	}
	if len(dict.ids) != len(dict.words) {
		t.Fatalf("dictionary has %d ids for %d words", len(dict.ids), len(dict.words))
	}
	for id, w := range dict.words {
		if dict.ids[w] != int32(id) {
			t.Fatalf("word %d, %q, is numbered %d", id, w, dict.ids[w])
		}
	}
}

// BenchmarkAnalyze reads 1,000 generated articles into a new dictionary,
// with Analyze (new) and with the reference it replaced (old).
func BenchmarkAnalyze(b *testing.B) {
	docs := corpusDocs(b, 1000)
	for _, bc := range []struct {
		name    string
		analyze func(*Dictionary, Doc) Analysis
	}{{"old", analyzeReference}, {"new", (*Dictionary).Analyze}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				dict := NewDictionary()
				for _, d := range docs {
					bc.analyze(dict, d)
				}
			}
		})
	}
}
