package search

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// randomDoc is an article of words drawn from a small vocabulary, most
// of them sharing the prefix "co" so that it grows heavy and light again
// as articles change.
func randomDoc(rng *rand.Rand) Doc {
	word := func() string {
		if rng.IntN(3) > 0 {
			return "co" + string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(26)))
		}
		return string(rune('a'+rng.IntN(26))) + string(rune('a'+rng.IntN(26))) + "x"
	}
	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	return Doc{Title: text(1 + rng.IntN(4)), Summary: text(rng.IntN(8)), Names: []string{text(rng.IntN(2))}, Body: text(rng.IntN(60))}
}

// TestIncrementalMatchesFreshShards edits a site at random, as a writer
// does while serve runs, and checks that every shard kept and updated
// between edits is what an index made from nothing writes.
func TestIncrementalMatchesFreshShards(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	dict := NewDictionary()
	docs := make([]Analysis, 400)
	for i := range docs {
		docs[i] = dict.Analyze(randomDoc(rng))
	}
	inc := NewIncremental(dict)
	heavySeen := map[bool]bool{}
	for step := range 300 {
		docs = slices.Clone(docs)
		switch r := rng.IntN(23); {
		case r < 12: // one article edited
			docs[rng.IntN(len(docs))] = dict.Analyze(randomDoc(rng))
		case r < 14: // a few, one of them perhaps only a little longer
			for range 1 + rng.IntN(5) {
				i := rng.IntN(len(docs))
				d := docs[i]
				d.Words = slices.Clone(d.Words)
				d.Words[rng.IntN(len(d.Words))].Count++
				d.Length++
				docs[i] = d
			}
		case r < 15: // an article emptied
			docs[rng.IntN(len(docs))] = dict.Analyze(Doc{})
		case r < 16: // a date moved: articles renumbered
			i, j := rng.IntN(len(docs)), rng.IntN(len(docs))
			docs[i], docs[j] = docs[j], docs[i]
		case r < 17: // many edited at once
			for range 100 {
				docs[rng.IntN(len(docs))] = dict.Analyze(randomDoc(rng))
			}
		case r < 18: // an article added
			docs = append(docs, dict.Analyze(randomDoc(rng)))
		case r < 19: // the heavy prefix grows or shrinks by a lot
			grow := rng.IntN(2) == 0
			for range 30 {
				d := randomDoc(rng)
				if grow {
					d.Body += " " + d.Body
				} else {
					d.Body = ""
				}
				docs[rng.IntN(len(docs))] = dict.Analyze(d)
			}
		case r < 22: // a date moved far: a long run renumbered, the moved one perhaps edited too
			i, j := rng.IntN(len(docs)), rng.IntN(len(docs))
			d := docs[i]
			if r == 21 {
				d = dict.Analyze(randomDoc(rng))
			}
			docs = slices.Insert(slices.Delete(docs, i, i+1), j, d)
		default: // nothing changed
		}
		n := ShardCount(len(docs))
		got, gotHeavy := inc.Shards(docs, n)
		want, wantHeavy := dict.Shards(docs, n)
		heavySeen[len(wantHeavy) > 0] = true
		if !slices.Equal(gotHeavy, wantHeavy) {
			t.Fatalf("step %d: heavy prefixes %v, want %v", step, gotHeavy, wantHeavy)
		}
		if len(got) != len(want) {
			t.Fatalf("step %d: %d shards, want %d", step, len(got), len(want))
		}
		for s := range want {
			if !bytes.Equal(got[s], want[s]) {
				t.Fatalf("step %d: shard %d differs from a fresh build's:\n got %.300s\nwant %.300s", step, s, got[s], want[s])
			}
		}
	}
	if !heavySeen[true] || !heavySeen[false] {
		t.Errorf("the edits never made the prefix heavy and light (%v); the test does not check the shards moving", heavySeen)
	}
}
