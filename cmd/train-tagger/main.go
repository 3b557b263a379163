// Command train-tagger rebuilds the named-entity model that package
// generator/extract/tagger embeds, from the CoNLL corpora in the shared
// training folder. The same corpora always give a byte-identical model.
//
//	go run ./cmd/train-tagger [-train ../shared/train] [-out generator/extract/tagger/model.bin.gz]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

// options are the command's flags.
type options struct {
	train, out string
	epochs     int
	runs       int
	buckets    uint
	seed       uint64
	headlines  int
	evalOnly   bool
	only       string
}

func main() {
	var o options
	flag.StringVar(&o.train, "train", "../shared/train", "folder of training corpora")
	flag.StringVar(&o.out, "out", "generator/extract/tagger/model.bin.gz", "model file to write")
	flag.IntVar(&o.epochs, "epochs", 10, "passes over the training sentences")
	flag.IntVar(&o.runs, "runs", 3, "perceptrons with successive seeds, averaged")
	flag.UintVar(&o.buckets, "buckets", 1<<20, "hashed feature rows")
	flag.Uint64Var(&o.seed, "seed", 1, "seed of the shuffle between passes")
	flag.IntVar(&o.headlines, "headlines", 20, "add a Title Case headline copy of one sentence in this many (0: none)")
	flag.BoolVar(&o.evalOnly, "eval-only", false, "train on 90% and report held-out scores, write no model")
	flag.StringVar(&o.only, "corpora", "", "comma-separated corpora to use (default: all)")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		fmt.Fprintln(os.Stderr, "hint: run from the repository root, or point -train at the corpora folder")
		os.Exit(1)
	}
}

func run(o options) error {
	start := time.Now()
	var train, held []tagger.Example
	for _, c := range corpora() {
		if o.only != "" && !slices.Contains(strings.Split(o.only, ","), c.name) {
			continue
		}
		n := 0
		for _, file := range c.files {
			exs, err := readConll(filepath.Join(o.train, file), c.kind)
			if err != nil {
				return err
			}
			for i, ex := range exs {
				mark(ex)
				if heldOut(c.name, file, i) {
					held = append(held, ex)
				} else {
					train = append(train, ex)
				}
			}
			n += len(exs)
		}
		fmt.Fprintf(os.Stderr, "%-9s %6d sentences\n", c.name, n)
	}
	topt := tagger.TrainOptions{Buckets: uint32(o.buckets), Epochs: o.epochs, Seed: o.seed, Runs: o.runs,
		Progress: func(e, wrong int) {
			fmt.Fprintf(os.Stderr, "  epoch %2d: %d sentences wrong (%s)\n", e, wrong, since(start))
		}}

	fmt.Fprintf(os.Stderr, "held-out run: %d training, %d held-out sentences\n", len(train), len(held))
	m := tagger.Train(withHeadlines(train, o.headlines), topt)
	report(m, held)
	n := m.Calibrate(held)
	a, b := m.Calibration()
	fmt.Fprintf(os.Stderr, "confidence = sigmoid(%.4g·margin %+.4g), fitted on %d spans\n", a, b, n)
	reliability(m, held)
	if o.evalOnly {
		return nil
	}

	fmt.Fprintf(os.Stderr, "full run: %d sentences\n", len(train)+len(held))
	full := tagger.Train(withHeadlines(append(train, held...), o.headlines), topt)
	full.SetCalibration(a, b)
	var buf bytes.Buffer
	if err := full.Save(&buf); err != nil {
		return err
	}
	if err := writeAtomic(o.out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes (%s)\n", o.out, buf.Len(), since(start))
	return nil
}

// mark fills in the gazetteer bits of a sentence.
func mark(ex tagger.Example) {
	words := make([]string, len(ex.Tokens))
	for i, t := range ex.Tokens {
		words[i] = t.Text
	}
	for i, c := range markClasses(words) {
		ex.Tokens[i].Classes = c
	}
}

// heldOut picks one sentence in ten by a hash of where it is, so the split
// does not change when another corpus is added.
func heldOut(corpus, file string, i int) bool {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s/%s/%d", corpus, file, i)
	return h.Sum32()%10 == 0
}

// withHeadlines adds a headline copy of every n-th sentence (by position,
// so the same input gives the same copies).
func withHeadlines(exs []tagger.Example, n int) []tagger.Example {
	if n <= 0 {
		return exs
	}
	out := append([]tagger.Example(nil), exs...)
	for i := 0; i < len(exs); i += n {
		out = append(out, headlineCopy(exs[i]))
	}
	return out
}

func since(t time.Time) string { return time.Since(t).Round(time.Second).String() }

// writeAtomic replaces path only once the whole file is on disk, so a
// failed run never leaves a truncated model to be embedded.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*.tmp")
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write model: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write model: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}
