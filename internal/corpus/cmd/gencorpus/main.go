// Command gencorpus writes a synthetic digest corpus for benchmarks:
//
//	go run ./internal/corpus/cmd/gencorpus -n 10000 -seed 42 DIR
//
// DIR gets content/articles/YYYY/*.md and, unless it has one, briefing.yaml.
// -hugo also writes events: lists, which a Hugo site's events taxonomy reads.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/briefing-digest/briefing/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 42, "random seed: the same seed gives the same files")
	hugo := flag.Bool("hugo", false, "also write events: [event] for a Hugo site's events taxonomy")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gencorpus [-n N] [-seed S] [-hugo] DIR\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := corpus.WriteWith(flag.Arg(0), *n, *seed, corpus.Options{HugoEvents: *hugo}); err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		os.Exit(1)
	}
}
