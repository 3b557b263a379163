package render

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// TestArticleFieldsFingerprinted checks that every field of Article and
// of its Metadata is either fingerprinted or left out for a stated
// reason: a template can print any of them, so one forgotten would let
// serve keep a page build would change.
func TestArticleFieldsFingerprinted(t *testing.T) {
	listed := map[string]bool{}
	for _, f := range articleFields {
		if listed[f.name] {
			t.Errorf("field %s is listed twice", f.name)
		}
		listed[f.name] = true
	}
	var want []string
	add := func(typ reflect.Type, prefix string, shadowed map[string]bool) {
		for f := range typ.Fields() {
			name := f.Name
			if shadowed[name] {
				name = prefix + name
			}
			want = append(want, name)
		}
	}
	article := reflect.TypeFor[generator.Article]()
	top := map[string]bool{}
	for f := range article.Fields() {
		top[f.Name] = true
	}
	add(article, "", nil)
	add(reflect.TypeFor[generator.Metadata](), "Metadata.", top)
	for _, name := range want {
		_, skipped := notFingerprinted[name]
		if !listed[name] && !skipped {
			t.Errorf("Article field %s is neither in articleFields nor in notFingerprinted", name)
		}
		if listed[name] && skipped {
			t.Errorf("Article field %s is both fingerprinted and left out", name)
		}
	}
	for name := range listed {
		if !slices.Contains(want, name) {
			t.Errorf("articleFields lists %s, which Article does not have", name)
		}
	}
}

// TestEveryFieldChangesTheFingerprint sets each listed field in turn and
// checks the fingerprint moves: a put that hashed the wrong field would
// pass the test above.
func TestEveryFieldChangesTheFingerprint(t *testing.T) {
	base := &generator.Article{}
	zero := metaPrint(base)
	set := map[string]func(a *generator.Article){
		"Title":         func(a *generator.Article) { a.Title = "x" },
		"Date":          func(a *generator.Article) { a.Date = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC) },
		"Source":        func(a *generator.Article) { a.Source = "x" },
		"URL":           func(a *generator.Article) { a.URL = "x" },
		"License":       func(a *generator.Article) { a.License = "x" },
		"Sections":      func(a *generator.Article) { a.Sections = []string{"x"} },
		"Summary":       func(a *generator.Article) { a.Summary = "x" },
		"People":        func(a *generator.Article) { a.People = []string{"x"} },
		"Countries":     func(a *generator.Article) { a.Countries = []string{"x"} },
		"Organizations": func(a *generator.Article) { a.Organizations = []string{"x"} },
		"Places":        func(a *generator.Article) { a.Places = []string{"x"} },
		"Event":         func(a *generator.Article) { a.Event = "x" },
		"Topics":        func(a *generator.Article) { a.Topics = []string{"x"} },
		"Draft":         func(a *generator.Article) { a.Draft = true },
		"Metadata.Slug": func(a *generator.Article) { a.Metadata.Slug = "x" },
		"Fingerprint":   func(a *generator.Article) { a.Fingerprint = "x" },
		"File":          func(a *generator.Article) { a.File = "x" },
		"Slug":          func(a *generator.Article) { a.Slug = "x" },
		"SlugLine":      func(a *generator.Article) { a.SlugLine = 3 },
		"SlugCol":       func(a *generator.Article) { a.SlugCol = 3 },
		"BodyLine":      func(a *generator.Article) { a.BodyLine = 3 },
		"Unknown":       func(a *generator.Article) { a.Unknown = []*generator.Error{{File: "x", Msg: "y"}} },
	}
	for _, f := range articleFields {
		change, ok := set[f.name]
		if !ok {
			t.Errorf("no change written for %s", f.name)
			continue
		}
		a := *base
		change(&a)
		if metaPrint(&a) == zero {
			t.Errorf("setting %s leaves the fingerprint as it was", f.name)
		}
	}
}
