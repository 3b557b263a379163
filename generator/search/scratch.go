package search

import (
	"hash/maphash"
	"sync"
)

// scratch is where Analyze counts one article's words. A map and a string
// for each distinct word of every article were most of what Analyze
// allocated, and all of it garbage for the collector to trace once the
// article was done: here the words are kept end to end in one buffer and
// found by a table of their places, and the whole serves the next article.
type scratch struct {
	text   []byte    // the article's distinct words, one after another
	ends   []int     // where each word ends in text, in order of first use
	hashes []uint64  // each word's hash, so the table grows without rereading text
	counts []float64 // each word's weighted count
	length float64   // the weighted count of all words
	// table holds 1 + a word's number at the place its hash chooses, or
	// the first free place after; 0 is free. Its length is a power of two,
	// at least twice the number of words, so a search ends soon.
	table []int32
	buf   []byte // where Words folds a word
	plain []byte // the body's plain text, when Analyze makes it
}

// scratches are kept between articles and shared by the goroutines that
// analyse them: each Analyze takes one for itself.
var scratches = sync.Pool{New: func() any { return &scratch{table: make([]int32, 256)} }}

// A scratch grown past these by one enormous article is dropped, not
// put back: every later article would clear its big table, and its big
// buffers would go round the pool as long as articles keep coming.
const (
	maxKeptTable = 1 << 14
	maxKeptText  = 1 << 20
)

// wordSeed seeds the table's hash. Which word lands where changes only
// the table, never the order in which words are numbered.
var wordSeed = maphash.MakeSeed()

// read counts text's words, each weighing weight.
func (s *scratch) read(text string, weight float64) {
	s.buf = appendWords(s.buf, text, func(w []byte) { s.add(w, weight) })
}

// add counts one occurrence of w.
func (s *scratch) add(w []byte, weight float64) {
	s.length += weight
	h := maphash.Bytes(wordSeed, w)
	mask := uint64(len(s.table) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		k := s.table[j]
		if k == 0 {
			s.table[j] = int32(len(s.counts) + 1)
			s.text = append(s.text, w...)
			s.ends = append(s.ends, len(s.text))
			s.hashes = append(s.hashes, h)
			s.counts = append(s.counts, weight)
			if 2*len(s.counts) > len(s.table) {
				s.grow()
			}
			return
		}
		if i := k - 1; s.hashes[i] == h && string(s.word(int(i))) == string(w) {
			s.counts[i] += weight
			return
		}
	}
}

// word is the text of word i.
func (s *scratch) word(i int) []byte {
	start := 0
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.text[start:s.ends[i]]
}

// grow doubles the table and places every word again.
func (s *scratch) grow() {
	s.table = make([]int32, 2*len(s.table))
	mask := uint64(len(s.table) - 1)
	for i, h := range s.hashes {
		j := h & mask
		for s.table[j] != 0 {
			j = (j + 1) & mask
		}
		s.table[j] = int32(i + 1)
	}
}

// release empties s and gives it back to the pool.
func (s *scratch) release() {
	if len(s.table) > maxKeptTable || cap(s.text) > maxKeptText || cap(s.buf) > maxKeptText || cap(s.plain) > maxKeptText {
		return
	}
	s.text, s.ends, s.hashes, s.counts = s.text[:0], s.ends[:0], s.hashes[:0], s.counts[:0]
	s.length = 0
	clear(s.table)
	scratches.Put(s)
}
