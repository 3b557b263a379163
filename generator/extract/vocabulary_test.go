package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

func TestLoadVocabulary(t *testing.T) {
	v, err := LoadVocabulary("testdata/vocabulary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := Vocabulary{
		{Name: "Terrorism", Keywords: []string{"terrorism", "terrorist", "militant"}},
		{Name: "Sanctions", Keywords: []string{"sanction", "embargo"}},
		{Name: "Nuclear programme", Keywords: []string{"uranium enrichment", "centrifuge"}},
	}
	if len(v) != len(want) {
		t.Fatalf("got %d topics, want %d", len(v), len(want))
	}
	for i := range want {
		if v[i].Name != want[i].Name || !slices.Equal(v[i].Keywords, want[i].Keywords) {
			t.Errorf("topic %d = %+v, want %+v", i, v[i], want[i])
		}
	}
}

// A broken file is reported where the editor must look: file:line:col.
func TestLoadErrorsArePositioned(t *testing.T) {
	tests := []struct {
		name string
		load func(string) error
		file string
		want string // the error's start
	}{
		{"vocabulary syntax", func(p string) error { _, err := LoadVocabulary(p); return err }, "testdata/bad-vocabulary.yaml", "testdata/bad-vocabulary.yaml:2:12: YAML syntax: this \"[\" is never closed"},
		{"vocabulary not a list", func(p string) error { _, err := LoadVocabulary(p); return err }, "testdata/vocabulary-not-list.yaml", "testdata/vocabulary-not-list.yaml:2:12: Sanctions must be a list of names, not a set of keys"},
		{"aliases listed twice", func(p string) error { _, err := LoadAliases(p); return err }, "testdata/aliases-duplicate.yaml", "testdata/aliases-duplicate.yaml:3:1: \"Nikolay Patrushev\" is given twice (first on line 1)"},
		{"aliases empty variant", func(p string) error { _, err := LoadAliases(p); return err }, "testdata/aliases-empty-word.yaml", "testdata/aliases-empty-word.yaml:3:5: Nikolay Patrushev: an empty word"},
		{"missing file", func(p string) error { _, err := LoadAliases(p); return err }, "testdata/no-such-file.yaml", "testdata/no-such-file.yaml: open testdata/no-such-file.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.load(tt.file)
			var pe *generator.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *generator.Error", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to start %q", err, tt.want)
			}
		})
	}
}

func TestLoadAliases(t *testing.T) {
	a, err := LoadAliases("testdata/aliases.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := New(WithAliases(a)).Extract("", "Nikolai Patrushev said ISIS was weakened.")
	if !slices.Equal(r.People, []string{"Nikolay Patrushev"}) || !slices.Contains(r.Organizations, "Islamic State") {
		t.Errorf("people %q, organizations %q: want aliases applied", r.People, r.Organizations)
	}
}

func TestTopics(t *testing.T) {
	v := Vocabulary{
		{Name: "Sanctions", Keywords: []string{"sanction", "embargo", "asset freeze"}},
		{Name: "Nuclear programme", Keywords: []string{"uranium enrichment", "centrifuge"}},
		{Name: "Energy", Keywords: []string{"oil"}},
		{Name: "Elections", Keywords: []string{"election"}},
	}
	x := New(WithVocabulary(v))
	tests := []struct {
		name, title, text string
		want              []string
	}{
		{"inflections count", "", "The EU sanctioned two banks and froze their assets.\n\nNew sanctions follow earlier ones, and an embargo on arms stays in place.", []string{"Sanctions"}},
		{"one mention is not enough", "", "Oil prices were steady. The talks went on. Ministers met again on Tuesday and agreed to meet next month.", nil},
		{"one mention in the headline is", "Oil exports resume", "Shipments left the port on Monday.", []string{"Energy"}},
		{"phrases match whole", "Uranium enrichment resumes", "Uranium enrichment rose; uranium enrichment may rise again. Enrichment of soil is a farming term.", []string{"Nuclear programme"}},
		{"words match whole", "", "The selection committee met. Reelection talk grew.", nil},
		{"a topic of one keyword needs no headline", "", "Voters queued from dawn in the hill towns. The election was the first in six years.\n\nBuses ran all day, and schools closed early. Observers said the election was calm.\n\nThe count began at dusk, and the results of the election are due on Friday. Markets were quiet.", []string{"Elections"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Extract(tt.title, tt.text).Topics
			if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("topics = %q, want %q", got, tt.want)
			}
		})
	}
}

// The default vocabulary is made for security news.
func TestDefaultVocabulary(t *testing.T) {
	v := DefaultVocabulary()
	if len(v) < 20 || len(v) > 30 {
		t.Errorf("default vocabulary has %d topics, want 20 to 30", len(v))
	}
	var names []string
	for _, tp := range v {
		names = append(names, tp.Name)
	}
	for _, want := range []string{"Terrorism", "Sanctions", "Refugees and migration", "Nuclear programme", "Military exercises", "Diplomacy", "Border security", "Energy", "Regional security", "Elections", "Cyber security", "Protests"} {
		if !slices.Contains(names, want) {
			t.Errorf("default vocabulary lacks %q", want)
		}
	}
}
