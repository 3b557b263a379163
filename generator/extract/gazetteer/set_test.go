package gazetteer

import "testing"

// marked returns the class bits Mark gives each token of text.
func marked(text string) ([]string, []Class) {
	words := Tokens(text)
	return words, Default().Mark(words)
}

func TestMarkMultiWordCity(t *testing.T) {
	words, got := marked("A convention in Las Vegas drew crowds.")
	want := map[string]Class{"Las": City | Begin, "Vegas": City | Inside}
	for i, w := range words {
		if c, ok := want[w]; ok && !got[i].Has(c) {
			t.Errorf("%q: got %v, want at least %v", w, got[i], c)
		}
		if w == "in" && got[i] != 0 {
			t.Errorf("%q: got %v, want nothing", w, got[i])
		}
	}
}

func TestMarkLongestPhraseWins(t *testing.T) {
	words, got := marked("The West Indies beat India, and the Foreign Office said so.")
	for i, w := range words {
		switch w {
		case "Indies":
			if got[i]&Country != 0 || !got[i].Has(Blocked|Inside) {
				t.Errorf("Indies: got %v, want Blocked|Inside and no Country", got[i])
			}
		case "India":
			if !got[i].Has(Country) || got[i]&(Begin|Inside) != 0 {
				t.Errorf("India: got %v, want a one-token Country", got[i])
			}
		case "Foreign":
			if !got[i].Has(NationalBody | Organization | Begin) {
				t.Errorf("Foreign: got %v, want NationalBody|Organization|Begin", got[i])
			}
		}
	}
}

func TestMarkCaseRules(t *testing.T) {
	for _, text := range []string{"They will march on the capital.", "Let us see whether china plates sell."} {
		words, got := marked(text)
		for i, w := range words {
			if got[i]&(Places|Organization) != 0 {
				t.Errorf("%q in %q: got %v, want no place or organisation", w, text, got[i])
			}
		}
	}
	_, got := marked("In March the US envoy left.")
	if got[1]&Places == 0 || !got[1].Has(Ambiguous) {
		t.Errorf("capitalised March: got %v, want a place marked Ambiguous", got[1])
	}
	if !got[3].Has(Country) {
		t.Errorf("US: got %v, want Country", got[3])
	}
}

func TestMarkWordLists(t *testing.T) {
	words, got := marked("General Mark Lewis attended the Olympics with the Ministry delegation.")
	want := map[string]Class{"General": PersonTitle, "Mark": Given, "Lewis": Surname, "Olympics": EventWord, "Ministry": OrgWord}
	for i, w := range words {
		if c, ok := want[w]; ok && !got[i].Has(c) {
			t.Errorf("%q: got %v, want %v", w, got[i], c)
		}
	}
	if _, got := marked("They mark the day."); got[1]&Given != 0 {
		t.Errorf("lower-case mark: got %v, want no Given", got[1])
	}
}

func TestCountryOf(t *testing.T) {
	s := Default()
	cases := map[string]string{
		"Catalonia": "Spain", "England": "United Kingdom", "Scotland": "United Kingdom", "Wales": "United Kingdom",
		"Northern Ireland": "United Kingdom", "Kobane": "Syria", "Geneva": "Switzerland", "Las Vegas": "United States",
		"Algarve": "Portugal", "Texas": "United States", "Bavaria": "Germany", "Ontario": "Canada",
		"Foreign Office": "United Kingdom", "NHS": "United Kingdom", "Pentagon": "United States", "Kremlin": "Russia",
		"Bundestag": "Germany", "Knesset": "Israel", "CENTCOM": "United States", "DFAT": "Australia",
		"Department of Defense": "United States", "State Department": "United States",
		"Kabul": "Afghanistan", "Iranian": "Iran", "U.S.": "United States", "Bogotá": "Colombia",
		"Georgia": "Georgia", "Sydney": "Australia", "Paris": "France",
	}
	for in, want := range cases {
		if got, ok := s.CountryOf(in); !ok || got != want {
			t.Errorf("CountryOf(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got, ok := s.CountryOf("NEW YORK"); !ok || got != "United States" {
		t.Errorf(`CountryOf("NEW YORK") = %q, %v; a headline in capitals still names the city`, got, ok)
	}
	for _, in := range []string{"us", "march", "Reading", "Best", "Western", "Ministry", "Islamic State", "UN", "Obama"} {
		if got, ok := s.CountryOf(in); ok {
			t.Errorf("CountryOf(%q) = %q; want none", in, got)
		}
	}
}

func TestPlace(t *testing.T) {
	s := Default()
	p, ok := s.Place("Las Vegas")
	if !ok || p.Country != "United States" || p.Kind != City || p.Population < 100000 {
		t.Errorf("Place(Las Vegas) = %+v, %v; want a US city with its population", p, ok)
	}
	if p, ok := s.Place("Catalonia"); !ok || p.Kind != Region || p.Country != "Spain" {
		t.Errorf("Place(Catalonia) = %+v, %v; want a Spanish region", p, ok)
	}
	if p, ok := s.Place("Kabul"); !ok || p.Kind != Capital || p.Population < 1000000 {
		t.Errorf("Place(Kabul) = %+v, %v; want a capital with its population", p, ok)
	}
	for _, p := range s.Places("Paris") {
		if p.Country == "France" && p.Kind != Capital {
			t.Errorf("Places(Paris) lists Paris, France again as %v", p.Kind)
		}
	}
	if p, ok := s.Place("France"); !ok || p.Kind != Country || p.Country != "France" {
		t.Errorf("Place(France) = %+v, %v; want the country", p, ok)
	}
	if _, ok := s.Place("march"); ok {
		t.Error("Place(march) found a place")
	}
	all := s.Places("Florence")
	if len(all) < 2 || all[0].Country != "Italy" {
		t.Errorf("Places(Florence) = %+v; want Italy first among several", all)
	}
}

func TestOrganization(t *testing.T) {
	s := Default()
	cases := map[string]Org{
		"Daesh": {Name: "Islamic State"}, "ISIL": {Name: "Islamic State"}, "ISIS": {Name: "Islamic State"},
		"Da'esh": {Name: "Islamic State"}, "YPG": {Name: "People's Protection Units"},
		"SDF": {Name: "Syrian Democratic Forces"}, "PKK": {Name: "Kurdistan Workers' Party"},
		"FCO":  {Name: "Foreign, Commonwealth and Development Office", Country: "United Kingdom"},
		"DFAT": {Name: "Department of Foreign Affairs and Trade", Country: "Australia"},
		"Nato": {Name: "NATO"}, "Hizbollah": {Name: "Hezbollah"},
	}
	for in, want := range cases {
		if got, ok := s.Organization(in); !ok || got != want {
			t.Errorf("Organization(%q) = %+v, %v; want %+v", in, got, ok, want)
		}
	}
	if o, ok := s.Organization("is"); ok {
		t.Errorf(`Organization("is") = %+v; "IS" matches only in capitals`, o)
	}
}

func TestGiven(t *testing.T) {
	s := Default()
	for _, n := range []string{"Theresa", "Jennifer", "Narendra", "Olusegun"} {
		if !s.Given(n) {
			t.Errorf("%s is not Given", n)
		}
	}
	for _, n := range []string{"Ministry", "Xyzzy"} {
		if s.Given(n) {
			t.Errorf("%s is Given", n)
		}
	}
}

func TestClassString(t *testing.T) {
	if got := (City | Begin).String(); got != "City|Begin" {
		t.Errorf("got %q", got)
	}
	if len(classNames) > 32 {
		t.Errorf("%d class bits, more than a Class holds", len(classNames))
	}
}
