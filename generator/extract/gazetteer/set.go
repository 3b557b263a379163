package gazetteer

import "sync"

// Place is a country, capital, city or region and the country it lies in.
type Place struct {
	Name       string // the place's own name as the gazetteer spells it
	Country    string // common English name of its country; "" for areas across borders
	Kind       Class  // one of Country, Capital, City, Region
	Population int    // inhabitants where the source gives them, else 0
	Ambiguous  bool   // the name is also a common word or a person's name
}

// Org is an organisation as its aliases resolve.
type Org struct {
	Name    string // canonical name
	Country string // the state it belongs to, for national bodies; else ""
}

// Set is an immutable gazetteer; its methods are safe for concurrent use.
type Set struct {
	root  node
	words map[string]wordEntry // folded single word → classes of word lists
}

// wordEntry holds the classes of one folded word: any holds those that
// match in any case, upper those that need a capital first letter.
type wordEntry struct {
	any, upper Class
}

// minCountryOfPopulation is the smallest generated city CountryOf maps to
// its country. Smaller towns share their names with people and things far
// more often than news means the town ("Obama, Japan"); curated places,
// capitals and regions are not held to it.
var minCountryOfPopulation = 100000

var (
	defaultOnce sync.Once
	defaultSet  *Set
	defaultErr  error
)

// Default returns the gazetteer built from the embedded data, loading it
// on first use. The data is checked by the package's tests, so a failure
// to load is a build defect and panics.
func Default() *Set {
	defaultOnce.Do(func() { defaultSet, defaultErr = load() })
	if defaultErr != nil {
		panic(defaultErr)
	}
	return defaultSet
}

// Place resolves name to the place a reader most likely means: a country
// first, then a place the project curated, a capital, a region, and the
// most populous city. The name must be capitalised as a place is, so
// "march" is no place while "March" may be.
func (s *Set) Place(name string) (Place, bool) {
	for _, e := range s.lookup(name) {
		if e.place != nil {
			return *e.place, true
		}
	}
	return Place{}, false
}

// Places lists every place name may mean, best first as Place orders them.
func (s *Set) Places(name string) []Place {
	var out []Place
	for _, e := range s.lookup(name) {
		if e.place != nil {
			out = append(out, *e.place)
		}
	}
	return out
}

// CountryOf maps a country's name, abbreviation or demonym, a capital,
// city or region, or a national body to the country's common English name.
// Places whose name is also a common word or a person's name ("Reading",
// "Florence, Alabama") are passed over: in running text they are more
// often not the place.
func (s *Set) CountryOf(name string) (string, bool) {
	for _, e := range s.lookup(name) {
		if e.country == "" || (e.place != nil && (e.place.Ambiguous || e.rank == rankCity && e.place.Population < minCountryOfPopulation)) {
			continue
		}
		return e.country, true
	}
	return "", false
}

// Organization resolves an organisation's name, alias or acronym to its
// canonical form: "Daesh" and "ISIL" give Islamic State.
func (s *Set) Organization(name string) (Org, bool) {
	for _, e := range s.lookup(name) {
		if e.org != nil {
			return *e.org, true
		}
	}
	return Org{}, false
}

// Given reports whether word is a given name, in any capitalisation.
func (s *Set) Given(word string) bool {
	w := s.words[Fold(word)]
	return (w.any|w.upper)&Given != 0
}
