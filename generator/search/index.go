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
	// Every word's postings are written straight into one arena, in a
	// stretch of it measured first. A posting's length in the arena
	// depends only on the gap from the word's previous article (the
	// weight is the low four bits, and a character holds five), so one
	// pass over the articles measures every stretch, and a second writes
	// them. Gathered as postings of 8 bytes before being encoded, they
	// were a second copy of every article's words, 57 MB at 100,000
	// articles, made when the build's memory peaks.
	counts := make([]int32, len(words))
	prev := make([]int32, len(words))
	for i := range prev {
		prev[i] = -1
	}
	// ends holds each word's stretch's length until the stretches are
	// laid out, then where each ends.
	ends := make([]int, len(words))
	var total float64
	for i, d := range docs {
		total += d.Length
		for _, wc := range d.Words {
			counts[wc.ID]++
			ends[wc.ID] += numberLen(uint64(int32(i)-prev[wc.ID]) << 4)
			prev[wc.ID] = int32(i)
		}
	}
	avg := max(total/float64(max(len(docs), 1)), 1)
	starts := make([]int, len(words))
	var used []int32
	at := 0
	size := map[string]int{}
	for id, c := range counts {
		if c == 0 {
			continue
		}
		length := ends[id]
		starts[id], ends[id] = at, at+length
		at += length
		used = append(used, int32(id))
		size[Key(words[id], nil)] += length + len(words[id]) + 6
	}
	arena := make([]byte, at)
	next := slices.Clone(starts)
	idf := make([]float64, len(words))
	for _, id := range used {
		df := float64(counts[id])
		idf[id] = math.Log(1 + (float64(len(docs))-df+0.5)/(df+0.5))
		prev[id] = -1
	}
	for i, d := range docs {
		norm := k1 * (1 - b + b*d.Length/avg)
		for _, wc := range d.Words {
			tf := float64(wc.Count)
			v := uint64(int32(i)-prev[wc.ID])<<4 | uint64(impact(idf[wc.ID]*tf*(k1+1)/(tf+norm)))
			next[wc.ID] += len(appendNumber(arena[next[wc.ID]:next[wc.ID]], v))
			prev[wc.ID] = int32(i)
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

// numberLen is how many characters appendNumber writes for v.
func numberLen(v uint64) int {
	n := 1
	for ; v >= 32; v >>= 5 {
		n++
	}
	return n
}

// impact quantises a BM25 score on a logarithmic scale: scores run from
// near 0 (a word most articles hold) to about 25 (a rare word in a
// headline), and steps of equal ratio keep apart both the headline and
// the body of a small site, where no word is rare, and the rare words of
// a large one. Anything scored at all weighs at least 1.
func impact(score float64) int {
	return min(1+int(math.Round(3*math.Log1p(4*score))), maxImpact)
}
