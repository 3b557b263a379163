package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// data holds the gazetteer files; data/SOURCES.md says where each is from.
//
//go:embed data/places.tsv data/given.txt data/src/countries.txt data/src/bodies.txt
//go:embed data/src/orgs.txt data/src/blockers.txt data/src/words.txt data/src/demonyms.txt
//go:embed data/src/given_names.txt
var data embed.FS

// Sources holds the curated lists by name ("countries.txt",
// "given_names.txt"), for a package that reads the same lists its own way:
// the lists are written once, here.
var Sources = mustSub(data, "data/src")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a constant of this package
	}
	return sub
}

// Ranks order the entries that share a spelling, best first: a country's
// own name, then what the project curated, then capitals, then the open
// data's regions and cities (cities already most populous first).
const (
	rankCountry = iota
	rankCurated
	rankCapital
	rankRegion
	rankCity
)

// eachLine reads one of the package's own data files.
func eachLine(name string, f func(line string) error) error {
	return EachLine(data, name, f)
}

// EachLine calls f with every non-blank, non-comment ("#") line of the
// file name in fsys, and names the file and line in any error f returns.
// It reads the curated lists' format, for this package and any other that
// keeps lists like them.
func EachLine(fsys fs.FS, name string, f func(line string) error) error {
	file, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("gazetteer data: %w", err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := f(line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Fields splits a list's line on "|" and each field on ",", trimming.
func Fields(line string) [][]string {
	var out [][]string
	for _, f := range strings.Split(line, "|") {
		var items []string
		for _, it := range strings.Split(f, ",") {
			if it = strings.TrimSpace(it); it != "" {
				items = append(items, it)
			}
		}
		out = append(out, items)
	}
	return out
}

// wholeName is a line's first field unsplit, for names that hold a comma:
// "Foreign, Commonwealth and Development Office".
func wholeName(line string) string {
	name, _, _ := strings.Cut(line, "|")
	return strings.TrimSpace(name)
}

// load builds a Set from the embedded files.
func load() (*Set, error) {
	s := &Set{words: map[string]wordEntry{}}
	steps := []func() error{s.loadCountries, s.loadDemonyms, s.loadPlaces, s.loadBodies, s.loadOrgs, s.loadBlockers, s.loadGiven, s.loadWords}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	s.root.finish()
	return s, nil
}

// add indexes phrase for e, keeping its spelling for the case rules.
func (s *Set) add(phrase string, e entry) {
	toks := Tokens(phrase)
	if len(toks) == 0 {
		return
	}
	e.form = toks
	e.shapes = make([]shape, len(toks))
	n := &s.root
	for i, t := range toks {
		e.shapes[i] = shapeOf(t)
		n = n.child(Fold(t))
	}
	n.entries = append(n.entries, &e)
}

func (s *Set) addWord(word string, c Class, needsCapital bool) {
	k := Fold(word)
	w := s.words[k]
	if needsCapital {
		w.upper |= c
	} else {
		w.any |= c
	}
	s.words[k] = w
}

func (s *Set) loadCountries() error {
	return eachLine("data/src/countries.txt", func(line string) error {
		f := Fields(line)
		if len(f) != 4 || len(f[0]) != 1 {
			return fmt.Errorf("want name | other names | demonyms | capitals, got %q", line)
		}
		name := f[0][0]
		p := &Place{Name: name, Country: name, Kind: Country}
		for _, n := range append([]string{name}, f[1]...) {
			s.add(n, entry{class: Country, country: name, place: p, rank: rankCountry})
		}
		for _, d := range f[2] {
			s.add(d, entry{class: Demonym, country: name, rank: rankCountry})
		}
		for _, c := range f[3] {
			s.add(c, entry{class: Capital, country: name, place: &Place{Name: c, Country: name, Kind: Capital}, rank: rankCapital})
		}
		return nil
	})
}

// loadPlaces reads places.tsv, the build's merge of curated places, ISO
// regions and GeoNames cities.
func (s *Set) loadPlaces() error {
	kinds := map[string]Class{"city": City, "region": Region}
	ranks := map[string]int{"curated": rankCurated, "iso": rankRegion, "geonames": rankCity}
	return eachLine("data/places.tsv", func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return fmt.Errorf("want 6 tab-separated fields, got %q", line)
		}
		kind, rank := kinds[f[2]], ranks[f[5]]
		pop, err := strconv.Atoi(f[3])
		if kind == 0 || rank == 0 || err != nil {
			return fmt.Errorf("bad kind, population or source in %q", line)
		}
		p := &Place{Name: f[0], Country: f[1], Kind: kind, Population: pop, Ambiguous: f[4] != ""}
		c := kind
		if p.Ambiguous {
			c |= Ambiguous
		}
		s.add(p.Name, entry{class: c, country: p.Country, place: p, rank: rank})
		return nil
	})
}

// loadDemonyms reads the words for a region's people that point at its
// country: "Scottish", "Texan".
func (s *Set) loadDemonyms() error {
	return eachLine("data/src/demonyms.txt", func(line string) error {
		f := Fields(line)
		if len(f) != 2 || len(f[0]) != 1 || len(f[1]) != 1 {
			return fmt.Errorf("want word | country, got %q", line)
		}
		s.add(f[0][0], entry{class: Demonym, country: f[1][0], rank: rankCurated})
		return nil
	})
}

// loadBodies reads national bodies, which are organisations that also
// stand for their country.
func (s *Set) loadBodies() error {
	return eachLine("data/src/bodies.txt", func(line string) error {
		f := Fields(line)
		if len(f) != 3 || len(f[1]) != 1 {
			return fmt.Errorf("want name | country | other names, got %q", line)
		}
		o := &Org{Name: wholeName(line), Country: f[1][0]}
		for _, n := range append([]string{o.Name}, f[2]...) {
			s.add(n, entry{class: NationalBody | Organization, country: o.Country, org: o, rank: rankCurated})
		}
		return nil
	})
}

func (s *Set) loadOrgs() error {
	return eachLine("data/src/orgs.txt", func(line string) error {
		f := Fields(line)
		if len(f) != 2 {
			return fmt.Errorf("want name | short forms, got %q", line)
		}
		o := &Org{Name: wholeName(line)}
		for _, n := range append([]string{o.Name}, f[1]...) {
			s.add(n, entry{class: Organization, org: o, rank: rankCurated})
		}
		return nil
	})
}

func (s *Set) loadBlockers() error {
	return eachLine("data/src/blockers.txt", func(line string) error {
		s.add(line, entry{class: Blocked, rank: rankCurated})
		return nil
	})
}

func (s *Set) loadGiven() error {
	return eachLine("data/given.txt", func(line string) error {
		s.addWord(line, Given, true)
		return nil
	})
}

// loadWords reads the word lists, "[Class]" headed.
func (s *Set) loadWords() error {
	classes := map[string]Class{"PersonTitle": PersonTitle, "OrgWord": OrgWord, "EventWord": EventWord, "Surname": Surname}
	var cur Class
	return eachLine("data/src/words.txt", func(line string) error {
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			c, ok := classes[line[1:len(line)-1]]
			if !ok {
				return fmt.Errorf("unknown list %s", line)
			}
			cur = c
			return nil
		}
		if cur == 0 {
			return fmt.Errorf("word before any [list]")
		}
		for _, w := range strings.Fields(line) {
			// Names are names only capitalised ("Young", "young");
			// titles and organisation words are cues in any case.
			s.addWord(w, cur, cur == Surname)
		}
		return nil
	})
}
