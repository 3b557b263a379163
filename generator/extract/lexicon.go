package extract

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
)

// data holds the gazetteers and word lists, authored for this project.
//
//go:embed data/*.txt data/*.yaml
var data embed.FS

// entKind says what a gazetteer phrase names.
type entKind uint8

const (
	kCountry entKind = iota // a country's own name or abbreviation
	kDemonym                // "Iranian", "Afghans"
	kCapital                // a capital city, which may stand for its country
	kPlace                  // a city or region that is not a country
	kOrg                    // an organisation known by a short form
	kBlock                  // a phrase that holds a country word but names none
)

// gazEntry is one phrase of the gazetteer.
type gazEntry struct {
	kind    entKind
	name    string // display name: the country, place or organisation
	country string // for capitals and places, the country they lie in
	exact   string // when set, the phrase matches only spelt so: "US"
}

// trieNode indexes phrases by their tokens' keys, so the longest phrase
// at any token is found in one walk.
type trieNode struct {
	next  map[string]*trieNode
	entry *gazEntry
}

func (n *trieNode) insert(keys []string, e *gazEntry) {
	for _, k := range keys {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[k]
		if c == nil {
			c = &trieNode{}
			n.next[k] = c
		}
		n = c
	}
	if n.entry == nil {
		n.entry = e
	}
}

// tables are the read-only lookups every Extractor shares.
type tables struct {
	gaz         *trieNode
	countryKeys map[string]string // folded name, abbreviation or demonym → country
	given       set
	cjk         set
	words       [numLexSections]set // the lists of lexicon.txt by section
}

type set map[string]bool

var (
	sharedOnce   sync.Once
	sharedTables *tables
	sharedErr    error
)

// loadTables builds the tables once per process; they are immutable after.
func loadTables() *tables {
	sharedOnce.Do(func() { sharedTables, sharedErr = buildTables() })
	if sharedErr != nil {
		// The data is embedded and checked by the tests; failing here is a
		// build defect, not a user error.
		panic(sharedErr)
	}
	return sharedTables
}

func buildTables() (*tables, error) {
	t := &tables{gaz: &trieNode{}, countryKeys: map[string]string{}, given: set{}, cjk: set{}}
	if err := t.loadLexicon(); err != nil {
		return nil, err
	}
	t.cjk = t.words[lexCjksurnames]
	for _, load := range []func() error{t.loadCountries, t.loadPlaces, t.loadOrgs, t.loadBlockers, t.loadGiven} {
		if err := load(); err != nil {
			return nil, err
		}
	}
	// East Asian family names listed with given names are family names;
	// the few that English also gives as first names stay.
	for k := range t.cjk {
		if !t.words[lexWesterngiven][k] {
			delete(t.given, k)
		}
	}
	return t, nil
}

// shared are the lists the gazetteer package keeps, which the rules read
// as they are rather than keep copies.
var shared = set{"countries.txt": true, "given_names.txt": true}

// eachLine calls f with every non-blank, non-comment line of a data file.
func eachLine(name string, f func(line string) error) error {
	if shared[name] {
		return gazetteer.EachLine(gazetteer.Sources, name, f)
	}
	return gazetteer.EachLine(data, "data/"+name, f)
}

func (t *tables) loadLexicon() error {
	var cur set
	err := eachLine("lexicon.txt", func(line string) error {
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			sec, err := sectionNamed(line[1 : len(line)-1])
			if err != nil {
				return err
			}
			if t.words[sec] != nil {
				return fmt.Errorf("section [%s] appears twice", lexSectionNames[sec])
			}
			cur = set{}
			t.words[sec] = cur
			return nil
		}
		if cur == nil {
			return fmt.Errorf("word before any [section]")
		}
		for _, w := range strings.Fields(line) {
			cur[fold(w)] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	return checkSections(&t.words)
}

func (t *tables) loadGiven() error {
	return eachLine("given_names.txt", func(line string) error {
		for _, w := range strings.Fields(line) {
			t.given[fold(w)] = true
		}
		return nil
	})
}

func (t *tables) loadCountries() error {
	return eachLine("countries.txt", func(line string) error {
		f := gazetteer.Fields(line)
		if len(f) != 4 || len(f[0]) != 1 {
			return fmt.Errorf("want 4 fields and one name, got %q", line)
		}
		name := f[0][0]
		for _, n := range append([]string{name}, f[1]...) {
			t.add(n, &gazEntry{kind: kCountry, name: name})
			t.countryKeys[fold(n)] = name
		}
		for _, d := range f[2] {
			t.add(d, &gazEntry{kind: kDemonym, name: name})
			t.countryKeys[fold(d)] = name
		}
		for _, c := range f[3] {
			t.add(c, &gazEntry{kind: kCapital, name: c, country: name})
		}
		return nil
	})
}

func (t *tables) loadPlaces() error {
	return eachLine("places.txt", func(line string) error {
		f := gazetteer.Fields(line)
		if len(f) != 2 || len(f[0]) != 1 {
			return fmt.Errorf("want name | country, got %q", line)
		}
		e := &gazEntry{kind: kPlace, name: f[0][0]}
		if len(f[1]) == 1 {
			e.country = f[1][0]
		}
		t.add(e.name, e)
		return nil
	})
}

func (t *tables) loadOrgs() error {
	return eachLine("orgs.txt", func(line string) error {
		f := gazetteer.Fields(line)
		if len(f) != 2 || len(f[0]) != 1 {
			return fmt.Errorf("want name | short forms, got %q", line)
		}
		name := f[0][0]
		for _, n := range append([]string{name}, f[1]...) {
			t.add(n, &gazEntry{kind: kOrg, name: name})
		}
		return nil
	})
}

func (t *tables) loadBlockers() error {
	return eachLine("blockers.txt", func(line string) error {
		t.add(line, &gazEntry{kind: kBlock, name: line})
		return nil
	})
}

// add indexes phrase under its tokens' keys. A phrase written in capitals
// or with dots is an abbreviation and must match as spelt.
func (t *tables) add(phrase string, e *gazEntry) {
	toks := tokenize(phrase)
	keys := make([]string, len(toks))
	exact := true
	for i, tk := range toks {
		keys[i] = tk.key
		if tk.kind == tWord && !tk.caps && !strings.Contains(tk.text, ".") {
			exact = false
		}
	}
	if exact && e.exact == "" {
		c := *e
		c.exact = phrase
		e = &c
	}
	t.gaz.insert(keys, e)
}

// is reports whether key is in the lexicon list called section.
func (t *tables) is(section lexSection, key string) bool { return t.words[section][key] }

// countryOf maps a country's name, abbreviation or demonym to its common
// English name; "" when s names no country.
func (t *tables) countryOf(s string) string { return t.countryKeys[fold(s)] }
