package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// row is one line of places.tsv.
type row struct {
	name, country, kind string
	population          int
	flags               string
	rank                int // 0 curated, 1 region, 2 city: the order lookups prefer
}

// derive turns the inputs into the derived files' bytes and a report of
// what it kept and dropped.
func derive(in *inputs, opt options) (map[string][]byte, string, error) {
	var rep strings.Builder
	countryKey := map[string]string{}
	for _, f := range in.countries {
		if len(f) < 2 {
			return nil, "", fmt.Errorf("countries.txt: line %q", strings.Join(f, "|"))
		}
		for _, n := range append([]string{f[0]}, strings.Split(f[1], ",")...) {
			if n = strings.TrimSpace(n); n != "" {
				countryKey[fold(n)] = f[0]
			}
		}
	}
	codes, err := countryCodes(in, countryKey, &rep)
	if err != nil {
		return nil, "", err
	}
	given := givenNames(in, opt)
	amb := ambiguity{words: in.words, given: given, generic: in.generic, opt: opt}

	generated := map[string]*row{} // fold(name)|country|kind → best generated row
	keep := func(r row) {
		k := fold(r.name) + "|" + r.country + "|" + r.kind
		// Ties go to the smaller spelling, so input order never decides.
		if old := generated[k]; old == nil || r.population > old.population || r.population == old.population && r.name < old.name {
			generated[k] = &r
		}
	}
	regions := 0
	for _, c := range in.regions {
		country, ok := codes[c.Code]
		if !ok {
			continue
		}
		for _, r := range c.Regions {
			for _, name := range regionNames(r.Name) {
				if countryKey[fold(name)] != "" || strings.HasPrefix(name, "Armed Forces") {
					continue // a country listed as a region, or a postal code
				}
				keep(row{name: name, country: country, kind: "region", rank: 1})
				regions++
			}
		}
	}
	kept, small, uncoded := 0, 0, 0
	for _, c := range in.cities {
		switch {
		case c.population < opt.minPopulation:
			small++
			continue
		case strings.IndexFunc(c.name, unicode.IsDigit) >= 0 || countryKey[fold(c.name)] != "":
			continue // a numbered district, or a city-state under its country's name
		}
		country, ok := codes[c.code]
		if !ok {
			uncoded++
			continue
		}
		keep(row{name: c.name, country: country, kind: "city", population: c.population, rank: 2})
		kept++
	}
	fmt.Fprintf(&rep, "cities: %d kept of %d (%d below %d, %d in uncoded countries); regions: %d\n",
		kept, len(in.cities), small, opt.minPopulation, uncoded, regions)

	var rows []row
	curated, err := curatedPlaces(in.places, countryKey, generated, &rep)
	if err != nil {
		return nil, "", err
	}
	rows = append(rows, curated...)
	for _, r := range generated {
		rows = append(rows, *r)
	}
	for i := range rows {
		rows[i].flags = amb.flags(rows[i])
	}
	sortRows(rows)

	out := map[string][]byte{"places.tsv": placesFile(rows, opt), "given.txt": givenFile(given, opt)}
	fmt.Fprintf(&rep, "places.tsv: %d rows, %d bytes; given.txt: %d names, %d bytes\n",
		len(rows), len(out["places.tsv"]), len(given), len(out["given.txt"]))
	return out, rep.String(), nil
}

// countryCodes maps ISO 3166 codes to the curated countries' names, through
// codes.txt first and the package's English names second.
func countryCodes(in *inputs, countryKey map[string]string, rep *strings.Builder) (map[string]string, error) {
	codes := map[string]string{}
	for _, f := range in.codes {
		if len(f) != 2 || countryKey[fold(f[1])] != f[1] {
			return nil, fmt.Errorf("codes.txt: want CODE | country of countries.txt, got %q", strings.Join(f, "|"))
		}
		codes[f[0]] = f[1]
	}
	var missing []string
	for _, c := range in.regions {
		if _, ok := codes[c.Code]; ok {
			continue
		}
		if name := countryKey[fold(c.CountryName)]; name != "" {
			codes[c.Code] = name
			continue
		}
		missing = append(missing, c.Code+" "+c.CountryName)
	}
	sort.Strings(missing)
	fmt.Fprintf(rep, "countries without a curated name, their places left out: %s\n", strings.Join(missing, "; "))
	return codes, nil
}

// regionNames splits the package's "Valencia/València" into both names and
// turns catalogue order ("Bristol, City of") into running text's.
func regionNames(s string) []string {
	var out []string
	for _, n := range strings.Split(s, "/") {
		n = strings.TrimSpace(n)
		if a, b, ok := strings.Cut(n, ", "); ok {
			n = b + " " + a
		}
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// curatedPlaces reads places.txt rows. A row without a kind takes the kind
// of the generated place of that name and country, else city (or region
// when it has no country); a curated row replaces the generated one.
func curatedPlaces(lines [][]string, countryKey map[string]string, generated map[string]*row, rep *strings.Builder) ([]row, error) {
	var out []row
	guessed, seen := 0, map[string]bool{}
	for _, f := range lines {
		if len(f) < 2 || len(f) > 3 || f[0] == "" {
			return nil, fmt.Errorf("places.txt: want name | country | kind, got %q", strings.Join(f, "|"))
		}
		r := row{name: f[0], country: f[1]}
		if r.country != "" && countryKey[fold(r.country)] != r.country {
			return nil, fmt.Errorf("places.txt: %s: %q is not a country of countries.txt", r.name, r.country)
		}
		if len(f) == 3 {
			r.kind = f[2]
		}
		if k := fold(r.name) + "|" + r.country; seen[k] {
			return nil, fmt.Errorf("places.txt: %s | %s listed twice", r.name, r.country)
		} else {
			seen[k] = true
		}
		for _, kind := range []string{"city", "region"} {
			g := generated[fold(r.name)+"|"+r.country+"|"+kind]
			if g == nil || (r.kind != "" && r.kind != kind) {
				continue
			}
			if r.kind == "" {
				r.kind = kind
			}
			r.population = g.population
			delete(generated, fold(r.name)+"|"+r.country+"|"+kind)
			break
		}
		switch {
		case r.kind == "" && r.country == "":
			r.kind = "region"
		case r.kind == "":
			r.kind = "city"
			guessed++
		case r.kind != "city" && r.kind != "region":
			return nil, fmt.Errorf("places.txt: %s: kind %q, want city or region", r.name, r.kind)
		}
		out = append(out, r)
	}
	fmt.Fprintf(rep, "curated places: %d, %d taken for cities without a source to say\n", len(out), guessed)
	return out, nil
}

func sortRows(rows []row) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if ka, kb := fold(a.name), fold(b.name); ka != kb {
			return ka < kb
		}
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.population != b.population {
			return a.population > b.population
		}
		if a.country != b.country {
			return a.country < b.country
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		return a.name < b.name
	})
}

// sources name each row's origin in places.tsv, by rank.
var sources = []string{"curated", "iso", "geonames"}

func placesFile(rows []row, opt options) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Generated by generator/extract/gazetteer/internal/build; do not edit (see SOURCES.md).\n")
	fmt.Fprintf(&b, "# name, country, kind, population, flags (w: also a common word, n: also a given name), source; cities of %d or more.\n", opt.minPopulation)
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%d\t%s\t%s\n", r.name, r.country, r.kind, r.population, r.flags, sources[r.rank])
	}
	return b.Bytes()
}
