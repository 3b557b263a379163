// Package corpustest gives benchmarks a synthetic digest already loaded:
// written to a temporary folder by internal/corpus and read back the way
// build reads a site, so each benchmark times its own step and not the
// setup every one of them needs.
package corpustest

import (
	"testing"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/internal/corpus"
)

// Load writes n articles made from seed 42 into a folder of tb's and
// returns the site's configuration and its articles.
func Load(tb testing.TB, n int) (generator.Config, []*generator.Article) {
	tb.Helper()
	dir := tb.TempDir()
	if err := corpus.Write(dir, n, 42); err != nil {
		tb.Fatal(err)
	}
	cfg, err := config.Load(dir)
	if err != nil {
		tb.Fatal(err)
	}
	articles, err := content.Load(dir, content.Options{Location: cfg.Location})
	if err != nil {
		tb.Fatal(err)
	}
	return cfg, articles
}
