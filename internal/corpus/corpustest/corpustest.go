// Package corpustest gives benchmarks a synthetic digest already loaded:
// written to a temporary folder by internal/corpus and read back the way
// build reads a site, so each benchmark times its own step and not the
// setup every one of them needs.
package corpustest

import (
	"os"
	"path/filepath"
	"strings"
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

// FirstArticle is the path of the first article file under dir's
// content/, in the order of its folders' names: the one a benchmark
// edits and restores.
func FirstArticle(tb testing.TB, dir string) string {
	tb.Helper()
	var article string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && article == "" && strings.HasSuffix(p, ".md") {
			article = p
		}
		return err
	})
	if err != nil || article == "" {
		tb.Fatalf("no article under %s: %v", dir, err)
	}
	return article
}
