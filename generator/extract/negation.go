package extract

import "strings"

// negationReach is how many words before a keyword a negation may stand:
// "not a terror attack", "no sign of terrorism".
const negationReach = 3

// negators are the words that deny what follows them.
var negators = set{"not": true, "no": true, "never": true, "nor": true, "without": true}

// negated reports a keyword that the words just before it deny, within
// its own clause: "police said it was not terrorism", "ruled out a coup".
// Stems are used so "rule out", "ruled out" and "rules out" all count.
func negated(a *article, stems []string, i int) bool {
	for j, words := i-1, 0; j >= 0 && words < negationReach; j-- {
		t := a.toks[j]
		if t.kind == tPunct {
			if t.key == "-" || t.key == "'" || t.key == "\"" || t.key == "“" {
				continue
			}
			return false // a clause ends: what is before it says nothing here
		}
		if negators[t.key] || strings.HasSuffix(t.key, "n't") {
			return true
		}
		if t.key == "out" && j > 0 && stems[j-1] == "rul" {
			return true
		}
		words++
		if t.sent {
			return false
		}
	}
	return false
}
