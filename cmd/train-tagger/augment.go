package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

// headlineCopy writes a sentence the way a headline would: Title Case,
// marked Headline. No corpus has headlines, and without such copies the
// tagger would take every capitalised headline word for a name.
func headlineCopy(ex tagger.Example) tagger.Example {
	out := tagger.Example{Tokens: make([]tagger.Token, len(ex.Tokens)), Spans: ex.Spans}
	for i, t := range ex.Tokens {
		t.Headline = true
		if i == 0 || !minorWord[strings.ToLower(t.Text)] {
			t.Text = titleCase(t.Text)
		}
		out.Tokens[i] = t
	}
	return out
}

var minorWord = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true, "on": true,
	"at": true, "to": true, "for": true, "by": true, "with": true, "'s": true,
}

func titleCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
