package tagger_test

import (
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

// sentence tokenizes on spaces and marks gazetteer classes the way the
// extractor does, so these tests see the shipped model as it is used.
func sentence(s string, headline bool) ([]string, []tagger.Token) {
	words := strings.Fields(s)
	marks := gazetteer.Default().Mark(words)
	toks := make([]tagger.Token, len(words))
	for i, w := range words {
		toks[i] = tagger.Token{Text: w, Classes: uint32(marks[i]), Headline: headline}
	}
	return words, toks
}

func shipped(t testing.TB) *tagger.Model {
	t.Helper()
	m, err := tagger.Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return m
}

// found lists the spans as "Kind:words".
func found(words []string, spans []tagger.Span) map[string]bool {
	out := map[string]bool{}
	for _, s := range spans {
		out[s.Kind.String()+":"+strings.Join(words[s.From:s.To], " ")] = true
	}
	return out
}

func TestShippedModelFindsPeopleAndPlace(t *testing.T) {
	words, toks := sentence("Prime Minister Theresa May met Emmanuel Macron in Paris .", false)
	got := found(words, shipped(t).Tag(toks))
	for _, want := range []string{"Person:Emmanuel Macron", "Place:Paris"} {
		if !got[want] {
			t.Errorf("want %s, got %v", want, got)
		}
	}
	if !got["Person:Theresa May"] && !got["Person:Prime Minister Theresa May"] {
		t.Errorf("want Theresa May as a person, got %v", got)
	}
}

func TestShippedModelFindsOrganizationAndEvent(t *testing.T) {
	words, toks := sentence("The European Commission said on Tuesday that the 2026 World Cup in Mexico would go ahead .", false)
	got := found(words, shipped(t).Tag(toks))
	if !got["Organization:European Commission"] {
		t.Errorf("want the European Commission as an organization, got %v", got)
	}
	if !got["Place:Mexico"] {
		t.Errorf("want Mexico as a place, got %v", got)
	}
}

func TestShippedModelLeavesPlainWordsAlone(t *testing.T) {
	// Capitals at the start of a sentence and in a headline are not names
	// by themselves.
	for _, c := range []struct {
		text     string
		headline bool
	}{
		{"Prices rose sharply after the storm , officials said .", false},
		{"Prices Rise Sharply After Storm Hits Coast", true},
	} {
		words, toks := sentence(c.text, c.headline)
		if spans := shipped(t).Tag(toks); len(spans) != 0 {
			t.Errorf("%q: found %v, want no names", c.text, found(words, spans))
		}
	}
}

func TestShippedModelConfidence(t *testing.T) {
	words, toks := sentence("Chancellor Olaf Scholz spoke to reporters in Berlin on Monday .", false)
	spans := shipped(t).Tag(toks)
	if len(spans) == 0 {
		t.Fatal("no names found")
	}
	for _, s := range spans {
		if s.Confidence < 0 || s.Confidence > 1 {
			t.Errorf("%s: confidence %v outside [0,1]", strings.Join(words[s.From:s.To], " "), s.Confidence)
		}
	}
	if got := found(words, spans); !got["Person:Olaf Scholz"] {
		t.Errorf("want Olaf Scholz as a person, got %v", got)
	}
}

func TestShippedModelTakesOddTokens(t *testing.T) {
	// Empty text, other scripts, symbols and a very long token must give
	// well-formed spans, not a panic.
	toks := []tagger.Token{{Text: ""}, {Text: "東京"}, {Text: "🙂"}, {Text: strings.Repeat("Ab", 500)}, {Text: "Москва"}, {Text: ".", Classes: ^uint32(0)}}
	for _, s := range shipped(t).Tag(toks) {
		if s.From < 0 || s.To > len(toks) || s.From >= s.To || s.Confidence < 0 || s.Confidence > 1 {
			t.Errorf("malformed span %+v", s)
		}
	}
	if spans := shipped(t).Tag(nil); spans != nil {
		t.Errorf("Tag(nil) = %v, want nil", spans)
	}
}
