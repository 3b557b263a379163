package search

import (
	"bytes"
	"math"
	"slices"
	"strings"
)

// BM25's constants, as most engines set them: k1 is how soon repeating a
// word stops adding to its weight, b how much a long article is marked
// down for containing more words.
const (
	k1 = 1.2
	b  = 0.75
)

// maxImpact is the highest weight a posting can carry. A word's weight in
// an article (its BM25 score) is worked out at build time and kept in four
// bits: the browser then only adds them up, and sixteen levels order
// results as well as the exact scores do at the top of a list.
const maxImpact = 15

// posting is one article a word occurs in.
type posting struct {
	doc   int32
	count float32
}

// Shards writes the index of docs (dict's Analyze results, in the site's
// order) as n shards: shard i is a JSON object from each word whose key
// (Key, with the heavy prefixes it returns) falls in it (Shard) to its
// postings. A posting is the gap from the previous article's number (the
// first counts from -1) times 16 plus its weight from 1 to 15, written by
// appendNumber.
func (dict *Dictionary) Shards(docs []Analysis, n int) (shards [][]byte, heavy []string) {
	dict.mu.Lock()
	words := dict.words[:len(dict.words):len(dict.words)]
	dict.mu.Unlock()
	// Each word's postings are a stretch of one array, counted first: a
	// slice of its own for every word, grown by appends, was the larger
	// part of a build's garbage after the pages (240 MB at 100,000
	// articles), made while the collector traced the pages' memory.
	counts := make([]int32, len(words))
	all := 0
	for _, d := range docs {
		for _, wc := range d.Words {
			counts[wc.ID]++
		}
		all += len(d.Words)
	}
	backing := make([]posting, all)
	postings := make([][]posting, len(words))
	at := 0
	for id, c := range counts {
		postings[id] = backing[at : at : at+int(c)]
		at += int(c)
	}
	var total float64
	for i, d := range docs {
		total += d.Length
		for _, wc := range d.Words {
			postings[wc.ID] = append(postings[wc.ID], posting{doc: int32(i), count: wc.Count})
		}
	}
	avg := max(total/float64(max(len(docs), 1)), 1)

	// Encode every word's postings first, to know how big each prefix is.
	// Encoded, a posting takes one to two bytes (1.2 in the generated
	// corpus, 2.1 in imported news): grown once at most.
	arena := make([]byte, 0, all*3/2)
	starts, ends := make([]int, len(words)), make([]int, len(words))
	var used []int32
	size := map[string]int{}
	for id, list := range postings {
		if len(list) > 0 {
			starts[id] = len(arena)
			arena = encodePostings(arena, list, docs, len(docs), avg)
			ends[id] = len(arena)
			used = append(used, int32(id))
			size[Key(words[id], nil)] += ends[id] - starts[id] + len(words[id]) + 6
		}
	}
	isHeavy := map[string]bool{}
	for k, bytes := range size {
		if bytes > heavyBytes && n > 1 {
			isHeavy[k] = true
			heavy = append(heavy, k)
		}
	}
	slices.Sort(heavy)

	byShard := make([][]int32, n)
	for _, id := range used {
		s := Shard(Key(words[id], isHeavy), n)
		byShard[s] = append(byShard[s], id)
	}
	shards = make([][]byte, n)
	for s, ids := range byShard {
		slices.SortFunc(ids, func(x, y int32) int { return strings.Compare(words[x], words[y]) })
		var b bytes.Buffer
		b.WriteByte('{')
		for i, id := range ids {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('"')
			b.WriteString(words[id]) // letters and digits only: nothing to escape
			b.WriteString(`":"`)
			b.Write(arena[starts[id]:ends[id]])
			b.WriteByte('"')
		}
		b.WriteString("}\n")
		shards[s] = b.Bytes()
	}
	return shards, heavy
}

// heavyBytes is how big the words of one two-letter prefix may grow
// before they are cut by their third letter: one prefix in twenty holds
// a tenth of a language's words ("co", "re", "pr"), and a query should
// not fetch all of them for one word.
const heavyBytes = 24 << 10

func encodePostings(buf []byte, list []posting, docs []Analysis, n int, avg float64) []byte {
	df := float64(len(list))
	idf := math.Log(1 + (float64(n)-df+0.5)/(df+0.5))
	prev := int32(-1)
	for _, p := range list {
		tf := float64(p.count)
		norm := tf + k1*(1-b+b*docs[p.doc].Length/avg)
		buf = appendNumber(buf, uint64(p.doc-prev)<<4|uint64(impact(idf*tf*(k1+1)/norm)))
		prev = p.doc
	}
	return buf
}

// impact quantises a BM25 score on a logarithmic scale: scores run from
// near 0 (a word most articles hold) to about 25 (a rare word in a
// headline), and steps of equal ratio keep apart both the headline and
// the body of a small site, where no word is rare, and the rare words of
// a large one. Anything scored at all weighs at least 1.
func impact(score float64) int {
	return min(1+int(math.Round(3*math.Log1p(4*score))), maxImpact)
}
