package render

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/templates"
)

// TestCardsSharedOnlyWhenDefinedOnce checks that cards are reused across
// page kinds with the built-in templates, and not once a page template
// has its own "entry": its lists must then show its own cards.
func TestCardsSharedOnlyWhenDefinedOnce(t *testing.T) {
	cfg := generator.DefaultConfig()
	r, err := New(cfg, templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	if !r.cards.shared {
		t.Error("the built-in templates define entry once, but cards are not shared")
	}
	own := fstest.MapFS{"term.html": {Data: []byte(`{{ template "base" . }}{{ define "main" }}{{ range .Term.Entries }}{{ card $ . nil }}{{ end }}{{ end }}{{ define "entry" }}<p>own {{ .Entry.Title }}</p>{{ end }}`)}}
	r, err = New(cfg, generator.Overlay{Upper: own, Lower: templates.FS})
	if err != nil {
		t.Fatal(err)
	}
	if r.cards.shared {
		t.Error("term.html defines its own entry, but cards are still shared")
	}
}

// TestPartialCached checks Hugo's partialCached behaviour: a partial runs
// once per set of variants, whatever context later calls pass, and a new
// render starts afresh, so an edit to the site shows.
func TestPartialCached(t *testing.T) {
	page := `{{ define "main" }}<p id="x">` +
		`{{ partialCached "stamp" (dict "V" 1 "S" .Site) "a" }} ` +
		`{{ partialCached "stamp" (dict "V" 2 "S" .Site) "a" }} ` +
		`{{ partialCached "stamp" (dict "V" 3 "S" .Site) "b" }}</p>{{ end }}` +
		`{{ define "stamp" }}{{ .V }}/{{ len .S.Entries }}{{ end }}`
	own := fstest.MapFS{"404.html": {Data: []byte(`{{ template "base" . }}` + page)}}
	r, err := New(generator.DefaultConfig(), generator.Overlay{Upper: own, Lower: templates.FS})
	if err != nil {
		t.Fatal(err)
	}
	render := func(s *generator.Site) string {
		t.Helper()
		var got string
		_, err := r.Render(context.Background(), s, func(path string, data []byte) error {
			if path == "404.html" {
				_, rest, _ := strings.Cut(string(data), `<p id="x">`)
				got, _, _ = strings.Cut(rest, "</p>")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got, want := render(&generator.Site{Config: generator.DefaultConfig()}), "1/0 1/0 3/0"; got != want {
		t.Errorf("first render shows %q, want %q", got, want)
	}
	a := &generator.Article{Slug: "a", File: "content/a.md"}
	a.Title, a.Date = "A", time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	one := site.Build(generator.DefaultConfig(), []*generator.Article{a})
	if got, want := render(one), "1/1 1/1 3/1"; got != want {
		t.Errorf("second render shows %q, want %q: the cache outlived its render", got, want)
	}
}

// TestPartialCachedRefusesUnkeyableVariants checks that a variant which
// cannot key the cache is an error naming the partial, not a crash.
func TestPartialCachedRefusesUnkeyableVariants(t *testing.T) {
	own := fstest.MapFS{"404.html": {Data: []byte(`{{ template "base" . }}{{ define "main" }}{{ partialCached "footer" . .Site.Entries }}{{ end }}`)}}
	r, err := New(generator.DefaultConfig(), generator.Overlay{Upper: own, Lower: templates.FS})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Render(context.Background(), &generator.Site{Config: generator.DefaultConfig()}, func(string, []byte) error { return nil })
	if err == nil || !strings.Contains(err.Error(), `partialCached "footer": variant 1`) || !strings.Contains(err.Error(), "404.html") {
		t.Errorf("got error %v, want one naming 404.html and partialCached's variant", err)
	}
}
