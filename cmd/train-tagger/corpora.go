package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

// corpus is one folder of /work/shared/train and how its labels map to the
// tagger's kinds; files are read in the order listed so training is
// repeatable.
type corpus struct {
	name  string
	files []string
	// kind maps a label without its B-/I- prefix; false means "not a name
	// we want", and the tokens become outside.
	kind func(label string) (tagger.Kind, bool)
}

// corpora lists what the shipped model learns from; docs/tagger.md explains
// each choice. GUM is left out: its copy here mixes the sentences of all its
// documents, so the wikiHow ones (non-commercial licence) cannot be removed.
func corpora() []corpus {
	var crossner []string
	for _, domain := range []string{"politics", "literature", "music", "science", "ai"} {
		for _, split := range []string{"train", "dev", "test"} {
			crossner = append(crossner, filepath.Join("crossner", domain, split+".txt"))
		}
	}
	return []corpus{
		{"wikigold", []string{"wikigold/wikigold.conll"}, conllKind},
		{"btc", []string{"btc/a.conll", "btc/b.conll", "btc/e.conll", "btc/f.conll", "btc/g.conll", "btc/h.conll"}, conllKind},
		{"wnut17", []string{"wnut17/train.conll", "wnut17/dev.conll", "wnut17/test.conll"}, wnutKind},
		{"crossner", crossner, crossnerKind},
	}
}

func conllKind(label string) (tagger.Kind, bool) {
	switch label {
	case "PER":
		return tagger.Person, true
	case "ORG":
		return tagger.Organization, true
	case "LOC":
		return tagger.Place, true
	case "MISC":
		return tagger.Misc, true
	}
	return 0, false
}

func wnutKind(label string) (tagger.Kind, bool) {
	switch label {
	case "person":
		return tagger.Person, true
	case "location":
		return tagger.Place, true
	case "corporation", "group":
		// WNUT's groups are bands, teams and parties: organizations in news.
		return tagger.Organization, true
	case "creative-work", "product":
		return tagger.Misc, true
	}
	return 0, false
}

func crossnerKind(label string) (tagger.Kind, bool) {
	switch label {
	case "person", "politician", "writer", "musicalartist", "scientist", "researcher":
		return tagger.Person, true
	case "country", "location":
		return tagger.Place, true
	case "organisation", "politicalparty", "university", "band", "magazine", "academicjournal":
		// Newspapers and journals are named as publishers, which news
		// treats as organizations.
		return tagger.Organization, true
	case "election", "event", "conference":
		return tagger.Event, true
	}
	// Everything else (awards, albums, genres, algorithms...) is some other
	// name; lower-case ones are dropped in readConll.
	return tagger.Misc, true
}

// readConll reads one file of token-label lines with blank lines between
// sentences. Labels may be IOB1 (wikigold) or BIO: a span starts at B-, or
// at I- that does not continue a span of the same label.
func readConll(path string, kindOf func(string) (tagger.Kind, bool)) ([]tagger.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	defer f.Close()
	var out []tagger.Example
	var words, labels []string
	flush := func() {
		if len(words) > 0 {
			out = append(out, example(words, labels, kindOf))
		}
		words, labels = nil, nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		cut := strings.LastIndexAny(text, "\t ")
		if cut < 0 {
			return nil, fmt.Errorf("%s:%d: want a token and a label", path, line)
		}
		word, label := strings.TrimSpace(text[:cut]), text[cut+1:]
		// BTC has a few tokens that are only white space; a tokenizer
		// never makes those, so they are dropped.
		if word == "" || word == "-DOCSTART-" {
			continue
		}
		words, labels = append(words, word), append(labels, label)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	flush()
	return out, nil
}

func example(words, labels []string, kindOf func(string) (tagger.Kind, bool)) tagger.Example {
	ex := tagger.Example{Tokens: make([]tagger.Token, len(words))}
	for i, w := range words {
		ex.Tokens[i] = tagger.Token{Text: w}
	}
	start, cur := -1, ""
	end := func(i int) {
		if start >= 0 {
			if k, ok := kindOf(cur); ok && (k != tagger.Misc || anyUpper(words[start:i])) {
				ex.Spans = append(ex.Spans, tagger.Span{From: start, To: i, Kind: k})
			}
		}
		start, cur = -1, ""
	}
	for i, l := range labels {
		prefix, name, _ := strings.Cut(l, "-")
		switch {
		case l == "O" || name == "":
			end(i)
		case prefix == "B" || name != cur:
			end(i)
			start, cur = i, name
		}
	}
	end(len(words))
	return ex
}

// anyUpper tells a name ("Nobel Prize") from a term ("machine learning"):
// CrossNER marks both, and only names help find names in news.
func anyUpper(words []string) bool {
	for _, w := range words {
		for _, r := range w {
			if unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}
