package extract

import (
	"slices"
	"strings"
	"sync"
)

// maxTopics keeps the list short enough to be a signal.
const maxTopics = 5

// topicIndex is a Vocabulary compiled for matching: keyword phrases as
// word stems, indexed by their first stem.
type topicIndex struct {
	names    []string
	byFirst  map[string][]keyword
	keywords int   // how many keywords the vocabulary has, over all topics
	sizes    []int // how many keywords each topic has
	// nameStem is the stem of a one-word topic's name ("terrorism"), so an
	// article that writes the name itself is seen to; "" for longer names.
	nameStem []string
}

type keyword struct {
	topic int
	id    int // the keyword's number, so distinct keywords can be counted
	stems []string
	with  [][]string // stemmed phrases, one of which must be near; none: always
	not   [][]string // stemmed phrases none of which may be near
	// starts holds the first stems of with and not phrases, so the window
	// around a keyword is read once, a lookup a token, however long the
	// lists: the ambiguous keywords are among the commonest words.
	starts set
}

// compileVocabulary indexes v. Every Extractor built without a vocabulary
// of its own shares one index of the default, which is read-only: its
// senses make it costly to build, and New is called per command.
func compileVocabulary(v Vocabulary) *topicIndex {
	if v.equal(defaultVocabulary()) {
		return defaultIndex()
	}
	return buildIndex(v)
}

var defaultIndex = sync.OnceValue(func() *topicIndex { return buildIndex(defaultVocabulary()) })

func buildIndex(v Vocabulary) *topicIndex {
	ix := &topicIndex{byFirst: map[string][]keyword{}}
	for ti, t := range v {
		ix.names = append(ix.names, t.Name)
		ix.sizes = append(ix.sizes, 0)
		ix.nameStem = append(ix.nameStem, oneWordStem(t.Name))
		for _, kw := range t.Keywords {
			stems := stemPhrase(kw)
			if len(stems) == 0 {
				continue
			}
			k := keyword{topic: ti, id: ix.keywords, stems: stems}
			ix.keywords++
			ix.sizes[ti]++
			if s, ok := t.Senses[kw]; ok {
				k.with = stemPhrases(s.With)
				k.not = stemPhrases(s.Not)
				k.starts = set{}
				for _, p := range append(slices.Clip(k.with), k.not...) {
					k.starts[p[0]] = true
				}
			}
			ix.byFirst[stems[0]] = append(ix.byFirst[stems[0]], k)
		}
	}
	return ix
}

// equal reports whether v and o hold the same topics, keywords and senses.
func (v Vocabulary) equal(o Vocabulary) bool {
	if len(v) != len(o) {
		return false
	}
	for i := range v {
		a, b := v[i], o[i]
		if a.Name != b.Name || !slices.Equal(a.Keywords, b.Keywords) || len(a.Senses) != len(b.Senses) {
			return false
		}
		for k, s := range a.Senses {
			t, ok := b.Senses[k]
			if !ok || !slices.Equal(s.With, t.With) || !slices.Equal(s.Not, t.Not) {
				return false
			}
		}
	}
	return true
}

func stemPhrase(p string) []string {
	var stems []string
	for _, tk := range tokenize(p) {
		if tk.kind != tPunct {
			stems = append(stems, stem(tk.key))
		}
	}
	return stems
}

func stemPhrases(ps []string) [][]string {
	var out [][]string
	for _, p := range ps {
		if s := stemPhrase(p); len(s) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// mention is one keyword found where it means what the topic means.
type mention struct {
	topic, kw int
	tok       int // the keyword's first token
}

// topics lists the vocabulary's topics the article is about, strongest
// first: its keywords are found, each judged by the words around it, and
// the model weighs where they stand and how much of the article they fill.
func (ix *topicIndex) topics(a *article) []string {
	if len(ix.names) == 0 {
		return []string{}
	}
	ev := ix.evidence(a)
	return defaultTopicModel().choose(ix.names, ev)
}

// mentions finds every keyword of the vocabulary in the article's text,
// leaving out page furniture, captions, keywords in a sense the topic
// does not mean and negated ones ("not a terror attack").
func (ix *topicIndex) mentions(a *article, stems []string) []mention {
	var out []mention
	for i, t := range a.toks {
		if t.kind != tWord || !countsForTopics(a.lines[t.line].role) {
			continue
		}
		first := stems[i]
		tail := ""
		// "counter-terrorism" finds "terrorism"; "non-military" finds nothing.
		if j := strings.LastIndexByte(t.key, '-'); j > 0 && t.key[:j] != "non" {
			tail = stem(t.key[j+1:])
		}
		var found uint64 // topics already found at this token, as bits for the first 64
		for _, f := range [2]string{first, tail} {
			if f == "" {
				continue
			}
			for ki := range ix.byFirst[f] {
				kw := &ix.byFirst[f][ki]
				bit := uint64(1) << (kw.topic % 64)
				if found&bit != 0 || !followedBy(stems, i+1, kw.stems[1:]) {
					continue
				}
				end := i + len(kw.stems)
				if !kw.meant(stems, i, end) || negated(a, stems, i) {
					continue
				}
				found |= bit
				out = append(out, mention{topic: kw.topic, kw: kw.id, tok: i})
			}
		}
	}
	return out
}

// countsForTopics says which lines speak for the article: not chrome,
// datelines, bylines or captions, which name things the story is not about.
func countsForTopics(r lineRole) bool {
	return r == roleBody || r == roleTitle || r == roleHeading
}

// senseWindow is how many tokens either side of a keyword are read for
// the words that confirm or rule out its sense: about a sentence.
const senseWindow = 15

// meant reports whether the keyword at [from, to) has the sense its topic
// wants, judged by the stems within senseWindow tokens.
func (kw *keyword) meant(stems []string, from, to int) bool {
	if kw.starts == nil {
		return true
	}
	lo, hi := max(0, from-senseWindow), min(len(stems), to+senseWindow)
	confirmed := len(kw.with) == 0
	for j := lo; j < hi; j++ {
		if (j >= from && j < to) || !kw.starts[stems[j]] {
			continue
		}
		for _, p := range kw.not {
			if startsAt(stems, j, hi, p) {
				return false
			}
		}
		if !confirmed {
			for _, p := range kw.with {
				if startsAt(stems, j, hi, p) {
					confirmed = true
					break
				}
			}
		}
	}
	return confirmed
}

// startsAt reports phrase p at stems[j:], ending before hi.
func startsAt(stems []string, j, hi int, p []string) bool {
	return j+len(p) <= hi && stems[j] == p[0] && followedBy(stems, j+1, p[1:])
}

func followedBy(stems []string, i int, rest []string) bool {
	if i+len(rest) > len(stems) {
		return false
	}
	for k, s := range rest {
		if stems[i+k] != s {
			return false
		}
	}
	return true
}

// stem reduces an English word to a rough stem so a keyword finds its
// plurals and verb forms: sanction, sanctions, sanctioned, sanctioning.
// Both keywords and text go through it, so it need only be consistent.
func stem(k string) string {
	if len(k) <= 3 {
		return k
	}
	switch {
	case strings.HasSuffix(k, "ies") || strings.HasSuffix(k, "ied"):
		k = k[:len(k)-3] + "y"
	case strings.HasSuffix(k, "sses"):
		k = k[:len(k)-2]
	case strings.HasSuffix(k, "ches") || strings.HasSuffix(k, "shes") || strings.HasSuffix(k, "xes") || strings.HasSuffix(k, "ses"):
		k = k[:len(k)-2]
	case strings.HasSuffix(k, "ing") && len(k) > 5:
		k = undouble(k[:len(k)-3])
	case strings.HasSuffix(k, "ed") && len(k) > 4:
		k = undouble(k[:len(k)-2])
	case strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") && !strings.HasSuffix(k, "us") && !strings.HasSuffix(k, "is"):
		k = k[:len(k)-1]
	}
	if len(k) > 3 && strings.HasSuffix(k, "e") {
		k = k[:len(k)-1]
	}
	return k
}

// undouble turns "bann" (from "banned") back into "ban".
func undouble(k string) string {
	n := len(k)
	if n >= 3 && k[n-1] == k[n-2] && !strings.ContainsRune("aeiouls", rune(k[n-1])) {
		return k[:n-1]
	}
	return k
}

// oneWordStem is the stem of a one-word name, or "".
func oneWordStem(name string) string {
	if strings.ContainsAny(name, " -") {
		return ""
	}
	return stem(fold(name))
}
