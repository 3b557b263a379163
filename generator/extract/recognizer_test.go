package extract

import (
	"slices"
	"testing"
)

// These sentences are ones the rules alone get wrong; the tagger's
// reading puts them right.
func TestTaggerSettlesWhatRulesCannot(t *testing.T) {
	x := New()
	tests := []struct {
		name, text string
		people     []string
		noCountry  string
	}{
		{"a surname that is also a common word", "Fans queued for hours to see Jamal West at the gala.", []string{"Jamal West"}, ""},
		{"an unlisted given name before a particle", `"It was a slow start," spokesman Luuk van Oosterhout told reporters on Monday.`, []string{"Luuk van Oosterhout"}, ""},
		{"a character's name that is also a people's", "In the last episode Finn told Maya he was leaving, and Finn's despair felt real.", nil, "Finland"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := x.Extract("", tt.text)
			if tt.people != nil && !slices.Equal(r.People, tt.people) {
				t.Errorf("people = %q, want %q", r.People, tt.people)
			}
			if tt.noCountry != "" && slices.Contains(r.Countries, tt.noCountry) {
				t.Errorf("countries = %q, want no %s", r.Countries, tt.noCountry)
			}
		})
	}
}

func TestRegionalDemonyms(t *testing.T) {
	r := New().Extract("", "The Welsh singer and a Tasmanian farmer shared the prize.")
	for _, want := range []string{"United Kingdom", "Australia"} {
		if !slices.Contains(r.Countries, want) {
			t.Errorf("countries = %q, want %s among them", r.Countries, want)
		}
	}
}

func TestBodiesFileUnderTheirState(t *testing.T) {
	r := New().Extract("", "A spokesman for the Pentagon said the review would take a month.")
	if !slices.Contains(r.Countries, "United States") {
		t.Errorf("countries = %q, want United States for the Pentagon", r.Countries)
	}
}
