package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

// data holds the gazetteer files; data/SOURCES.md says where each is from.
//
//go:embed data/src/*.txt
var data embed.FS

// eachLine calls f with every non-blank, non-comment line of a data file,
// and names the file and line in any error f returns.
func eachLine(name string, f func(line string) error) error {
	file, err := data.Open(name)
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

// fields splits a line on "|" and each field on ",".
func fields(line string) [][]string {
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

// load builds a Set. The order files load in is the order lookups prefer
// their entries: countries, then capitals and curated places, then the
// rest.
func load() (*Set, error) {
	s := &Set{words: map[string]wordEntry{}}
	steps := []func() error{s.loadCountries, s.loadPlaces, s.loadOrgs, s.loadBlockers, s.loadGiven, s.loadWords}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
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
		n = n.child(fold(t))
	}
	n.entries = append(n.entries, &e)
}

func (s *Set) addWord(word string, c Class, needsCapital bool) {
	k := fold(word)
	w := s.words[k]
	if needsCapital {
		w.upper |= c
	} else {
		w.any |= c
	}
	s.words[k] = w
}

func (s *Set) loadCountries() error {
	var capitals [][2]string
	err := eachLine("data/src/countries.txt", func(line string) error {
		f := fields(line)
		if len(f) != 4 || len(f[0]) != 1 {
			return fmt.Errorf("want name | other names | demonyms | capitals, got %q", line)
		}
		name := f[0][0]
		p := &Place{Name: name, Country: name, Kind: Country}
		for _, n := range append([]string{name}, f[1]...) {
			s.add(n, entry{class: Country, country: name, place: p})
		}
		for _, d := range f[2] {
			s.add(d, entry{class: Demonym, country: name})
		}
		for _, c := range f[3] {
			capitals = append(capitals, [2]string{c, name})
		}
		return nil
	})
	// Capitals go after every country so "Luxembourg" or "Djibouti" is
	// first the country.
	for _, c := range capitals {
		s.add(c[0], entry{class: Capital, country: c[1], place: &Place{Name: c[0], Country: c[1], Kind: Capital}})
	}
	return err
}

func (s *Set) loadPlaces() error {
	return eachLine("data/src/places.txt", func(line string) error {
		f := fields(line)
		if len(f) < 2 || len(f[0]) != 1 {
			return fmt.Errorf("want name | country, got %q", line)
		}
		p := &Place{Name: f[0][0], Kind: City}
		if len(f[1]) == 1 {
			p.Country = f[1][0]
		} else {
			p.Kind = Region
		}
		s.add(p.Name, entry{class: p.Kind, country: p.Country, place: p})
		return nil
	})
}

func (s *Set) loadOrgs() error {
	return eachLine("data/src/orgs.txt", func(line string) error {
		f := fields(line)
		if len(f) < 2 || len(f[0]) != 1 {
			return fmt.Errorf("want name | short forms, got %q", line)
		}
		o := &Org{Name: f[0][0]}
		for _, n := range append([]string{o.Name}, f[1]...) {
			s.add(n, entry{class: Organization, org: o})
		}
		return nil
	})
}

func (s *Set) loadBlockers() error {
	return eachLine("data/src/blockers.txt", func(line string) error {
		s.add(line, entry{class: Blocked})
		return nil
	})
}

func (s *Set) loadGiven() error {
	return eachLine("data/src/given_names.txt", func(line string) error {
		for _, w := range strings.Fields(line) {
			s.addWord(w, Given, true)
		}
		return nil
	})
}

// loadWords reads the word lists, "[Class]" headed.
func (s *Set) loadWords() error {
	classes := map[string]Class{"PersonTitle": PersonTitle, "OrgWord": OrgWord, "EventWord": EventWord}
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
			s.addWord(w, cur, false)
		}
		return nil
	})
}
