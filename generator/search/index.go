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
// (Key) falls in it (Shard) to its postings. A posting is the gap from
// the previous article's number (the first counts from -1) times 16
// plus its weight from 1 to 15, written by appendNumber.
func (dict *Dictionary) Shards(docs []Analysis, n int) [][]byte {
	dict.mu.Lock()
	words := dict.words[:len(dict.words):len(dict.words)]
	dict.mu.Unlock()
	postings := make([][]posting, len(words))
	var total float64
	for i, d := range docs {
		total += d.Length
		for _, wc := range d.Words {
			postings[wc.ID] = append(postings[wc.ID], posting{doc: int32(i), count: float32(wc.Count)})
		}
	}
	avg := max(total/float64(max(len(docs), 1)), 1)

	byShard := make([][]int32, n)
	for id, list := range postings {
		if len(list) > 0 {
			s := Shard(Key(words[id]), n)
			byShard[s] = append(byShard[s], int32(id))
		}
	}
	out := make([][]byte, n)
	var buf []byte
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
			buf = encodePostings(buf[:0], postings[id], docs, len(docs), avg)
			b.Write(buf)
			b.WriteByte('"')
		}
		b.WriteString("}\n")
		out[s] = b.Bytes()
	}
	return out
}

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
