package render

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

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
	// Sections and places as taxonomies (links in the kicker and chips
	// for places), a site under a path, another time zone, short term
	// pages and a preview (unpublished issues listed) take other branches.
	t.Run("example, otherwise configured", func(t *testing.T) {
		cfg, s := loadSiteWith(t, filepath.Join("..", ".."), func(cfg *generator.Config) {
			cfg.Taxonomies = append(slices.Clone(cfg.Taxonomies), "sections", "places")
			cfg.BaseURL = "https://example.org/news+views/"
			cfg.Location = time.FixedZone("UTC-11", -11*3600)
			cfg.Paginate = 2
			cfg.Language = "en-GB"
			cfg.Description = ""
		}, site.Options{Preview: true})
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
		// The busiest week gets an edition, with a lead, featured articles
		// and a note, so its page and email have every part, "In brief"
		// with and without a country among them.
		_, s := loadSite(t, dir)
		busiest := s.Issues[0]
		for _, is := range s.Issues {
			if len(is.Entries) > len(busiest.Entries) {
				busiest = is
			}
		}
		es := busiest.Entries
		edition := fmt.Sprintf("---\ntitle: \"A week & more <of it>\"\nlead: %s\nfeatured: [%s, %s]\npublished: true\n---\n"+
			"The week in one line, with [a link](https://example.org/?a=1&b=2) and *emphasis*.\n\n- a list\n- of two\n", es[0].Slug, es[1].Slug, es[2].Slug)
		if err := os.MkdirAll(filepath.Join(dir, "content", "issues"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "content", "issues", busiest.Slug+".md"), []byte(edition), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, s := loadSite(t, dir)
		files := sameBothWays(t, cfg, templates.FS, s)
		mail := string(files[busiest.Path()+"email.html"])
		for _, want := range []string{"Lead story", "Featured", "In brief", "From the editor"} {
			if !strings.Contains(mail, want) {
				t.Errorf("the busiest week's email has no %q: the test does not reach that part", want)
			}
		}
	})
}

// loadSite reads the site at dir as a build does.
func loadSite(t testing.TB, dir string) (generator.Config, *generator.Site) {
	t.Helper()
	return loadSiteWith(t, dir, func(*generator.Config) {}, site.Options{})
}

// loadSiteWith reads the site at dir with its configuration changed by
// tweak, and assembles it with opts.
func loadSiteWith(t testing.TB, dir string, tweak func(*generator.Config), opts site.Options) (generator.Config, *generator.Site) {
	t.Helper()
	cfg, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	tweak(&cfg)
	articles, err := content.Load(dir, content.Options{Location: cfg.Location})
	if err != nil {
		t.Fatal(err)
	}
	editions, err := content.LoadEditions(dir)
	if err != nil {
		t.Fatal(err)
	}
	opts.Editions = editions
	s, err := site.Assemble(cfg, articles, opts)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, s
}

// sameBothWays renders s with tmpl both ways, requires the same files,
// and returns the Go way's.
func sameBothWays(t *testing.T, cfg generator.Config, tmpl fs.FS, s *generator.Site) map[string][]byte {
	t.Helper()
	fast, slow := bothWays(t, cfg, tmpl)
	return sameFiles(t, render(t, fast, s), render(t, slow, s))
}

// bothWays returns a renderer of tmpl that writes the built-in pages in
// Go, and one that executes every template.
func bothWays(t testing.TB, cfg generator.Config, tmpl fs.FS) (fast, slow *Renderer) {
	t.Helper()
	fast, err := New(cfg, tmpl)
	if err != nil {
		t.Fatal(err)
	}
	if fast.fast["article"] == nil || fast.fast["term"] == nil || fast.fast["issue"] == nil || fast.fast["issues"] == nil || !fast.goCard["issue"] || !fast.goChip["article"] {
		t.Fatal("articles, terms, issues, cards and chips should be written in Go, and are not")
	}
	slow, err = New(cfg, tmpl)
	if err != nil {
		t.Fatal(err)
	}
	slow.templatesOnly = true
	return fast, slow
}

// sameFiles requires fast and slow to hold the same files, and returns fast.
func sameFiles(t *testing.T, fast, slow map[string][]byte) map[string][]byte {
	t.Helper()
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

// renderFiles renders s with tmpl into memory, by the templates alone if slow.
func renderFiles(t testing.TB, cfg generator.Config, tmpl fs.FS, s *generator.Site, slow bool) map[string][]byte {
	t.Helper()
	r, err := New(cfg, tmpl)
	if err != nil {
		t.Fatal(err)
	}
	r.templatesOnly = slow
	return render(t, r, s)
}

// render renders s with r into memory.
func render(t testing.TB, r *Renderer, s *generator.Site) map[string][]byte {
	t.Helper()
	var mu sync.Mutex
	files := map[string][]byte{}
	_, err := r.Render(context.Background(), s, func(path string, data []byte) error {
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
