package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator/content"
)

// files reads every file under dir, by slash-separated relative path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, n int, seed uint64, opts Options) string {
	t.Helper()
	dir := t.TempDir()
	if err := WriteWith(dir, n, seed, opts); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSameSeedSameBytes(t *testing.T) {
	a, b := files(t, write(t, 300, 7, Options{})), files(t, write(t, 300, 7, Options{}))
	if len(a) != len(b) {
		t.Fatalf("two runs wrote %d and %d files", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Fatalf("%s differs between two runs with seed 7:\n%s\n---\n%s", name, data, b[name])
		}
	}
	c := files(t, write(t, 300, 8, Options{}))
	same := 0
	for name, data := range a {
		if bytes.Equal(data, c[name]) {
			same++
		}
	}
	if same > 1 { // briefing.yaml is the same whatever the seed
		t.Errorf("seeds 7 and 8 wrote %d identical files", same)
	}
}

func TestWritesNArticlesAndConfig(t *testing.T) {
	got := files(t, write(t, 250, 1, Options{}))
	if len(got) != 251 {
		t.Errorf("wrote %d files, want 250 articles and briefing.yaml", len(got))
	}
	if !bytes.Contains(got["briefing.yaml"], []byte("taxonomies: [countries, people, organizations, events, topics]")) {
		t.Errorf("briefing.yaml:\n%s", got["briefing.yaml"])
	}
	for name := range got {
		if name != "briefing.yaml" && !strings.HasPrefix(name, "content/articles/20") {
			t.Errorf("%s is not under content/articles/YYYY/", name)
		}
	}
}

func TestKeepsExistingConfig(t *testing.T) {
	dir := t.TempDir()
	own := []byte("title: Mine\n")
	if err := os.WriteFile(filepath.Join(dir, "briefing.yaml"), own, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, 3, 1); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "briefing.yaml")); !bytes.Equal(got, own) {
		t.Errorf("briefing.yaml was replaced by:\n%s", got)
	}
}

// TestLoadsCleanWithSaneSpread loads a corpus as briefing does and checks
// what the benchmarks rely on: no errors, one page per article, dates over
// three years and every pool in use.
func TestLoadsCleanWithSaneSpread(t *testing.T) {
	const n = 1500
	articles, err := content.Load(write(t, n, 42, Options{}), content.Options{})
	if err != nil {
		t.Fatalf("content.Load: %v", err)
	}
	if len(articles) != n {
		t.Fatalf("loaded %d articles, want %d", len(articles), n)
	}
	first := time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC)
	perYear := map[int]int{}
	terms := map[string]map[string]bool{}
	add := func(tax string, names ...string) {
		if terms[tax] == nil {
			terms[tax] = map[string]bool{}
		}
		for _, name := range names {
			terms[tax][name] = true
		}
	}
	for _, a := range articles {
		if a.Date.Before(first) || !a.Date.Before(first.AddDate(3, 0, 1)) {
			t.Errorf("%s: date %s outside the three years from %s", a.File, a.Date.Format(time.DateOnly), first.Format(time.DateOnly))
		}
		perYear[a.Date.Year()]++
		if len(a.Unknown) > 0 {
			t.Errorf("%s: %v", a.File, a.Unknown)
		}
		for _, c := range []struct {
			tax      string
			names    []string
			min, max int
		}{
			{"countries", a.Countries, 1, 5},
			{"people", a.People, 1, 4},
			{"organizations", a.Organizations, 0, 3},
			{"topics", a.Topics, 1, 3},
		} {
			if len(c.names) < c.min || len(c.names) > c.max {
				t.Errorf("%s: %d %s, want %d–%d", a.File, len(c.names), c.tax, c.min, c.max)
			}
			add(c.tax, c.names...)
		}
		if a.Event == "" || a.Summary == "" || a.Source == "" {
			t.Errorf("%s: event %q, summary %q, source %q: none may be empty", a.File, a.Event, a.Summary, a.Source)
		}
		add("events", a.Event)
		if paras := bytes.Count(a.Body, []byte("\n\n")); paras < 3 {
			t.Errorf("%s: %d paragraphs, want at least 4", a.File, paras+1)
		}
	}
	for _, year := range []int{2021, 2022, 2023} {
		if got := perYear[year]; got < n/3-n/50 || got > n/3+n/50 {
			t.Errorf("%d articles in %d, want about %d: %v", got, year, n/3, perYear)
		}
	}
	for tax, want := range map[string]int{"countries": 55, "people": 80, "organizations": 20, "events": 15, "topics": 16} {
		if got := len(terms[tax]); got < want {
			t.Errorf("%d %s in use, want at least %d", got, tax, want)
		}
	}
}

// TestHugoEvents writes the list Hugo's events taxonomy reads; briefing
// still loads it without errors and only notes the key it ignores.
func TestHugoEvents(t *testing.T) {
	dir := write(t, 20, 3, Options{HugoEvents: true})
	articles, err := content.Load(dir, content.Options{})
	if err != nil {
		t.Fatalf("content.Load: %v", err)
	}
	for _, a := range articles {
		data, err := os.ReadFile(filepath.Join(dir, a.File))
		if err != nil {
			t.Fatal(err)
		}
		if want := "\nevents: [\"" + a.Event + "\"]\n"; !bytes.Contains(data, []byte(want)) {
			t.Errorf("%s lacks %q", a.File, strings.TrimSpace(want))
		}
		if len(a.Unknown) != 1 || !strings.Contains(a.Unknown[0].Error(), `"events"`) {
			t.Errorf("%s: unknown keys %v, want only events", a.File, a.Unknown)
		}
	}
}

func TestSlugsAreUniqueAndShort(t *testing.T) {
	g := newGenerator(1, Options{})
	seen := map[string]bool{}
	for i := range 5000 {
		a := g.next(i, 5000)
		if len(a.slug) > maxSlug || seen[a.slug] || a.slug != slugify(a.slug) {
			t.Fatalf("article %d: slug %q (length %d, seen before %v)", i, a.slug, len(a.slug), seen[a.slug])
		}
		seen[a.slug] = true
	}
}
