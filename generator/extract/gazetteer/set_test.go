package gazetteer

import "testing"

func TestMarkPhraseBits(t *testing.T) {
	words := Tokens("Talks in New York and the Middle East stalled, Mr Smith said.")
	got := Default().Mark(words)
	want := map[string]Class{"New": City | Begin, "York": City | Inside, "Middle": Region | Begin, "East": Region | Inside, "Mr": PersonTitle}
	for i, w := range words {
		if c, ok := want[w]; ok && !got[i].Has(c) {
			t.Errorf("%q: got %v, want at least %v", w, got[i], c)
		}
	}
	if got[0]&Places != 0 {
		t.Errorf("Talks: got %v, want no place", got[0])
	}
}

func TestCaseRules(t *testing.T) {
	s := Default()
	if _, ok := s.CountryOf("us"); ok {
		t.Error(`CountryOf("us") found a country; "US" matches only in capitals`)
	}
	if c, ok := s.CountryOf("US"); !ok || c != "United States" {
		t.Errorf(`CountryOf("US") = %q, %v`, c, ok)
	}
	if c, _ := s.Mark([]string{"china"})[0], 0; c&Country != 0 {
		t.Errorf("lower-case china marked %v", c)
	}
}

func TestCountryOfCapitalAndDemonym(t *testing.T) {
	s := Default()
	for in, want := range map[string]string{"Kabul": "Afghanistan", "Iranian": "Iran", "U.S.": "United States", "Bogotá": "Colombia"} {
		if got, ok := s.CountryOf(in); !ok || got != want {
			t.Errorf("CountryOf(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestGiven(t *testing.T) {
	s := Default()
	if !s.Given("Theresa") {
		t.Error("Theresa is not Given")
	}
	if s.Given("Ministry") {
		t.Error("Ministry is Given")
	}
}
