package search

import (
	"sync"
	"unsafe"
)

// Doc is one article as the index reads it.
type Doc struct {
	Title   string
	Summary string
	Names   []string // every name it is filed under
	Body    string   // plain text (PlainText)
	// Markdown, when set, is read in place of Body: its plain text is
	// made in a buffer Analyze reuses, not in a string of its own for
	// the collector. Analyze keeps none of it.
	Markdown []byte
}

// Field weights: a word in the headline or among the names says more
// about what an article is about than the same word deep in its body.
const (
	titleWeight   = 3
	namesWeight   = 3
	summaryWeight = 1.5
	bodyWeight    = 1
)

// Analysis is what the index keeps of one article: each word (by its
// number in a Dictionary) with its weighted count, and the article's
// weighted length.
type Analysis struct {
	Words  []WordCount
	Length float64
}

// WordCount is one word of an article and how often it occurs, each
// occurrence counted by the weight of its field.
type WordCount struct {
	ID int32 // the word's number in the Dictionary that read it
	// Count is kept in 32 bits, as the index stores it: a word of an
	// article is 8 bytes, not 16, and at 100,000 articles the words of
	// every article are in memory at once while the index is made.
	Count float32
}

// Dictionary numbers the words of the articles it reads, so the index
// gathers postings in a slice by number: gathering them in a map keyed by
// the words was most of the time serve spent on the index after a save.
// It is safe for concurrent use.
type Dictionary struct {
	mu    sync.Mutex
	ids   map[string]int32
	words []string
}

// NewDictionary returns an empty dictionary.
func NewDictionary() *Dictionary {
	return &Dictionary{ids: map[string]int32{}}
}

// Analyze reads d's words.
func (dict *Dictionary) Analyze(d Doc) Analysis {
	s := scratches.Get().(*scratch)
	defer s.release()
	s.read(d.Title, titleWeight)
	// Name by name rather than joined with spaces: a space ends a word
	// either way, and the joined copy was an allocation an article.
	for _, name := range d.Names {
		s.read(name, namesWeight)
	}
	s.read(d.Summary, summaryWeight)
	body := d.Body
	if d.Markdown != nil {
		s.plain = AppendPlainText(s.plain[:0], d.Markdown)
		// Read as a string for as long as s is this article's.
		body = unsafe.String(unsafe.SliceData(s.plain), len(s.plain))
	}
	s.read(body, bodyWeight)
	a := Analysis{Words: make([]WordCount, len(s.counts)), Length: s.length}
	dict.mu.Lock()
	start := 0
	for i, end := range s.ends {
		w := s.text[start:end]
		start = end
		id, ok := dict.ids[string(w)]
		if !ok {
			// A copy of its own: s.text is the next article's once this
			// one is done, and one word must not keep it alive.
			word := string(w)
			id = int32(len(dict.words))
			dict.ids[word] = id
			dict.words = append(dict.words, word)
		}
		a.Words[i] = WordCount{ID: id, Count: float32(s.counts[i])}
	}
	dict.mu.Unlock()
	return a
}
