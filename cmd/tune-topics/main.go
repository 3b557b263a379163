// Command tune-topics fits the topic model's weights to hand-labelled
// articles and writes them where the extract package embeds them:
//
//	go run ./cmd/tune-topics -eval ../shared/eval
//
// The labelled sets are read at run time only; the weights file it writes
// holds numbers, never their text. It prints how well the weights do on
// each set, and how they do on a set they were not fitted to, which is
// the figure to trust.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/briefing-digest/briefing/generator/extract"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("tune-topics", flag.ContinueOnError)
	eval := fs.String("eval", "../shared/eval", "directory holding the labelled sets")
	sets := fs.String("sets", "newsfair_dev,re3d_dev", "comma-separated sets to fit, each <eval>/<set>.gold.jsonl")
	out := fs.String("o", "generator/extract/data/topic-weights.json", "weights file to write; - prints it only")
	// The four measures below did best in five-fold and leave-one-set-out
	// cross-validation over both dev sets; lead, coverage, paragraph
	// counts, density and raw mentions added nothing that the number of
	// distinct keywords and the share of sentences they fill did not say.
	use := fs.String("use", "headline,keywords,sentences,share", "comma-separated measures to fit; the others get weight 0; \"\" fits all")
	if err := fs.Parse(args); err != nil {
		return err
	}
	keep, err := measureMask(*use)
	if err != nil {
		return err
	}
	fitted = keep
	x := extract.New()
	var all []labelledSet
	for _, name := range strings.Split(*sets, ",") {
		docs, err := readSet(filepath.Join(*eval, name+".gold.jsonl"))
		if err != nil {
			return err
		}
		all = append(all, labelledSet{name: name, docs: measure(x, docs)})
	}
	report(os.Stdout, all)
	w := fitWeights(all)
	w.About = fmt.Sprintf("fitted by go run ./cmd/tune-topics -use %q on %s (%d articles): L2 logistic regression (lambda %g), then the threshold of best F1", *use, *sets, countDocs(all), lambda)
	b, err := json.MarshalIndent(w, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if *out == "-" {
		_, err = os.Stdout.Write(b)
		return err
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return fmt.Errorf("writing the weights: %w", err)
	}
	fmt.Printf("wrote %s\n", *out)
	return nil
}

// measureMask says which measures to fit, from -use.
func measureMask(use string) ([]bool, error) {
	names := extract.TopicMeasures()
	keep := make([]bool, len(names))
	if use == "" {
		for i := range keep {
			keep[i] = true
		}
		return keep, nil
	}
	for _, u := range strings.Split(use, ",") {
		i := slices.Index(names, strings.TrimSpace(u))
		if i < 0 {
			return nil, fmt.Errorf("-use: no measure %q; there are %s", u, strings.Join(names, ", "))
		}
		keep[i] = true
	}
	return keep, nil
}

func countDocs(sets []labelledSet) int {
	n := 0
	for _, s := range sets {
		n += len(s.docs)
	}
	return n
}
