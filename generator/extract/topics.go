package extract

import (
	"sort"
	"strings"
)

// maxTopics keeps the list short enough to be a signal.
const maxTopics = 5

// topicIndex is a Vocabulary compiled for matching: keyword phrases as
// word stems, indexed by their first stem.
type topicIndex struct {
	names   []string
	byFirst map[string][]keyword
}

type keyword struct {
	topic int
	stems []string
}

func compileVocabulary(v Vocabulary) *topicIndex {
	ix := &topicIndex{byFirst: map[string][]keyword{}}
	for ti, t := range v {
		ix.names = append(ix.names, t.Name)
		for _, kw := range t.Keywords {
			var stems []string
			for _, tk := range tokenize(kw) {
				if tk.kind != tPunct {
					stems = append(stems, stem(tk.key))
				}
			}
			if len(stems) > 0 {
				ix.byFirst[stems[0]] = append(ix.byFirst[stems[0]], keyword{topic: ti, stems: stems})
			}
		}
	}
	return ix
}

// topics scores each topic by its keywords' hits, a hit in the headline
// counting three times, and keeps those with two hits or one in the
// headline, best first.
func (ix *topicIndex) topics(a *article) []string {
	if len(ix.names) == 0 {
		return []string{}
	}
	stems := make([]string, len(a.toks))
	for i, t := range a.toks {
		if t.kind == tWord {
			stems[i] = stem(t.key)
		}
	}
	hits := make([]int, len(ix.names))
	inTitle := make([]bool, len(ix.names))
	for i, t := range a.toks {
		role := a.lines[t.line].role
		if t.kind != tWord || role == roleChrome {
			continue
		}
		first := []string{stems[i]}
		if j := strings.LastIndexAny(t.key, "-"); j > 0 {
			first = append(first, stem(t.key[j+1:]))
		}
		counted := map[int]bool{}
		for _, f := range first {
			for _, kw := range ix.byFirst[f] {
				if counted[kw.topic] || !followedBy(stems, i+1, kw.stems[1:]) {
					continue
				}
				counted[kw.topic] = true
				hits[kw.topic]++
				if role == roleTitle {
					hits[kw.topic] += 2
					inTitle[kw.topic] = true
				}
			}
		}
	}
	var chosen []int
	for ti, h := range hits {
		if h >= 2 || inTitle[ti] {
			chosen = append(chosen, ti)
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool { return hits[chosen[i]] > hits[chosen[j]] })
	if len(chosen) > maxTopics {
		chosen = chosen[:maxTopics]
	}
	out := make([]string, len(chosen))
	for i, ti := range chosen {
		out[i] = ix.names[ti]
	}
	return out
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
