package extract

import (
	"strings"

	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
)

// fold returns the lower-case, accent-free form of s that every table is
// keyed by, so "Gómez", "GOMEZ" and "Gomez" meet: the gazetteer's key, so
// the rules' tables and the gazetteers agree.
func fold(s string) string { return gazetteer.Fold(s) }

// bare drops hyphens, dots and apostrophes from a folded key, so spellings
// that differ only in them ("El-Hassan", "Elhassan") compare equal.
func bare(key string) string {
	if !strings.ContainsAny(key, "-.'") {
		return key
	}
	var b strings.Builder
	for _, r := range key {
		if r != '-' && r != '.' && r != '\'' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
