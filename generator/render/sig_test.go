package render

import (
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/corpus"
	"github.com/briefing-digest/briefing/templates"
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

// TestSigsSameInParallel checks that fingerprints worked out in shares,
// one per core, are the ones worked out in one go, on a site big enough
// to be shared out: each share keeps its own memory of terms and issues.
func TestSigsSameInParallel(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, 2500, 11); err != nil {
		t.Fatal(err)
	}
	cfg, s := loadSite(t, dir)
	r, err := New(cfg, templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	sigs := func(procs int) []uint64 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return r.Plan(s).Sigs(Fingerprint)
	}
	one, many := sigs(1), sigs(4)
	if len(one) < 4096 {
		t.Fatalf("only %d files: too few to be shared out", len(one))
	}
	if !slices.Equal(one, many) {
		diff := 0
		for i := range one {
			if one[i] != many[i] {
				diff++
			}
		}
		t.Errorf("%d of %d fingerprints differ between one core and four", diff, len(one))
	}
}

// TestEditSigsAgreeWithSigs: the files EditSigs fingerprints get the
// fingerprint Sigs gives them, and those it carries are the ones the
// edit cannot reach, so a rebuild that compares either with what it last
// rendered renders the same files.
func TestEditSigsAgreeWithSigs(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, 600, 5); err != nil {
		t.Fatal(err)
	}
	cfg, s := loadSite(t, dir)
	r, err := New(cfg, templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	p := r.Plan(s)
	full := p.Sigs(Fingerprint)
	e := s.Entries[len(s.Entries)/2]
	var terms []*generator.Term
	for _, ts := range e.Terms {
		terms = append(terms, ts...)
	}
	edit := Edit{Entry: e, Card: true, Was: e.Index, Terms: terms, Weeks: []*generator.Issue{e.Issue}}
	sigs, known := p.EditSigs(Fingerprint, Edits{List: []Edit{edit}, Lo: 1, Hi: 0}, p)
	count := map[Known]int{}
	for i, k := range known {
		count[k]++
		if k == Computed && sigs[i] != full[i] {
			t.Errorf("%s: EditSigs %x, Sigs %x", p.Path(i), sigs[i], full[i])
		}
		if k == Carried && p.Path(i) == e.Path()+"index.html" {
			t.Errorf("the edited article's own page is carried")
		}
	}
	// What a save of one article's card reaches is a small part of the
	// site, and not nothing.
	if count[Computed] == 0 || count[Stale] == 0 || count[Carried] < len(known)/2 {
		t.Errorf("computed %d, stale %d, carried %d of %d files", count[Computed], count[Stale], count[Carried], len(known))
	}
}
