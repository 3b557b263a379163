package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// BenchmarkImport imports news-length articles into a fresh site: ingest,
// extract, placement and the written file, as `briefing import` does.
func BenchmarkImport(b *testing.B) {
	seed, err := readTestdata("seed-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.SplitN(string(seed), "\n", 4)
	const batch = 100
	inputs := make([]Input, batch)
	for i := range inputs {
		// A different headline and text each time, so none is a re-import
		// or a near copy of another: long lower-case words get the
		// input's number, and the names extraction looks for stay.
		body := longWord.ReplaceAllStringFunc(lines[3], func(w string) string { return fmt.Sprintf("%s%d", w, i) })
		text := lines[0] + "\n\n" + fmt.Sprintf("%s, part %d", lines[2], i) + "\n" + body
		inputs[i] = Input{Name: fmt.Sprintf("a%d.txt", i), Data: []byte(text)}
	}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		im, err := New(Options{Site: b.TempDir(), Date: time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, o := range im.ImportAll(context.Background(), inputs, nil) {
			if o.Err != nil || o.Status != Imported {
				b.Fatal(o.Status, o.Err)
			}
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
}

var longWord = regexp.MustCompile(`\b[a-z]{6,}\b`)

func readTestdata(name string) ([]byte, error) { return os.ReadFile(filepath.Join("testdata", name)) }
