package render

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/internal/corpus"
	"github.com/briefing-digest/briefing/templates"
)

// TestFastPagesMatchTemplates renders the example site and a generated
// corpus once with the built-in pages written in Go and once with every
// page executed by html/template, and requires every file to be the same
// byte for byte: a change to a built-in template that the Go does not
// follow fails here. BRIEFING_LONG_TESTS=1 renders 10,000 articles.
func TestFastPagesMatchTemplates(t *testing.T) {
	t.Run("example", func(t *testing.T) {
		cfg, s := loadSite(t, filepath.Join("..", ".."))
		sameBothWays(t, cfg, templates.FS, s)
	})
	t.Run("corpus", func(t *testing.T) {
		n := 1500
		if os.Getenv("BRIEFING_LONG_TESTS") == "1" {
			n = 10000
		}
		dir := t.TempDir()
		if err := corpus.Write(dir, n, 7); err != nil {
			t.Fatal(err)
		}
		cfg, s := loadSite(t, dir)
		sameBothWays(t, cfg, templates.FS, s)
	})
}

// loadSite reads the site at dir as a build does.
func loadSite(t testing.TB, dir string) (generator.Config, *generator.Site) {
	t.Helper()
	cfg, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	articles, err := content.Load(dir, content.Options{Location: cfg.Location})
	if err != nil {
		t.Fatal(err)
	}
	editions, err := content.LoadEditions(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Assemble(cfg, articles, site.Options{Editions: editions})
	if err != nil {
		t.Fatal(err)
	}
	return cfg, s
}

// sameBothWays renders s with tmpl both ways, requires the same files,
// and returns the Go way's.
func sameBothWays(t *testing.T, cfg generator.Config, tmpl fs.FS, s *generator.Site) map[string][]byte {
	t.Helper()
	if r, err := New(cfg, tmpl); err != nil || r.fast["article"] == nil || r.fast["term"] == nil || !r.goCard["issue"] || !r.goChip["article"] {
		t.Fatalf("articles, terms, cards and chips should be written in Go; with error %v they are not", err)
	}
	fast := renderFiles(t, cfg, tmpl, s, false)
	slow := renderFiles(t, cfg, tmpl, s, true)
	var paths []string
	for p := range slow {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	bad := 0
	for _, p := range paths {
		if d := firstDifference(fast[p], slow[p]); d != "" {
			if bad++; bad <= 3 {
				t.Errorf("%s differs when written in Go: %s", p, d)
			}
		}
	}
	if bad > 3 {
		t.Errorf("%d files differ in all", bad)
	}
	if len(fast) != len(slow) {
		t.Errorf("written in Go the site has %d files, by the templates %d", len(fast), len(slow))
	}
	return fast
}

// renderFiles renders s into memory, by the templates alone if slow.
func renderFiles(t testing.TB, cfg generator.Config, tmpl fs.FS, s *generator.Site, slow bool) map[string][]byte {
	t.Helper()
	r, err := New(cfg, tmpl)
	if err != nil {
		t.Fatal(err)
	}
	r.templatesOnly = slow
	var mu sync.Mutex
	files := map[string][]byte{}
	_, err = r.Render(context.Background(), s, func(path string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[path] = bytes.Clone(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// firstDifference describes where a and b first differ, or is "".
func firstDifference(a, b []byte) string {
	if bytes.Equal(a, b) {
		return ""
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	around := func(s []byte) string { return string(s[max(0, i-60):min(len(s), i+60)]) }
	return fmt.Sprintf("at byte %d:\n  Go:       %q\n  template: %q", i, around(a), around(b))
}
