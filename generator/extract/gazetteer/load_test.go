package gazetteer

import "testing"

func TestEmbeddedDataLoads(t *testing.T) {
	s, err := load()
	if err != nil {
		t.Fatal(err)
	}
	// Victoria is a region of Australia, and cities of Canada, the
	// Seychelles and more: every reading stays, the curated one first.
	p := s.Places("Victoria")
	if len(p) < 4 || p[0].Country != "Australia" {
		t.Errorf("Places(Victoria) = %+v, want Australia first of four or more", p)
	}
	countries := map[string]bool{}
	for _, v := range p {
		countries[v.Country] = true
	}
	if !countries["Canada"] || !countries["Seychelles"] {
		t.Errorf("Places(Victoria) lacks Canada or the Seychelles: %+v", p)
	}
}

// Callers compare countries by name, so every country an entry points at
// must be spelt as countries.txt spells it.
func TestEntriesNameCuratedCountries(t *testing.T) {
	s, err := load()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	var walk func(n *node, visit func(*entry))
	walk = func(n *node, visit func(*entry)) {
		for _, e := range n.entries {
			visit(e)
		}
		for _, c := range n.next {
			walk(c, visit)
		}
	}
	walk(&s.root, func(e *entry) {
		if e.place != nil && e.place.Kind == Country {
			names[e.country] = true
		}
	})
	if len(names) < 190 {
		t.Fatalf("only %d countries loaded", len(names))
	}
	walk(&s.root, func(e *entry) {
		if e.country != "" && !names[e.country] {
			t.Errorf("%q points at %q, not a country of countries.txt", e.form, e.country)
		}
	})
}
