package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/briefing-digest/briefing/generator/search"
)

// copyExample copies the repository's example digest (articles and
// briefing.yaml) so a test may edit it.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, "../../briefing.yaml", filepath.Join(dir, "briefing.yaml"))
	src := copySite(t, "../../content")
	if err := os.Rename(src, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startLive builds dir in memory, as serve starts.
func startLive(t *testing.T, dir string) *Live {
	t.Helper()
	l, err := NewLive(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Rebuild(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return l
}

// generate is what a full build makes of dir, by output path.
func generate(t *testing.T, dir string) (map[string][]byte, error) {
	t.Helper()
	files := map[string][]byte{}
	var mu sync.Mutex
	_, err := Generate(context.Background(), Options{Source: dir}, func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[p] = bytes.Clone(data)
		return nil
	})
	return files, err
}

// differsFromBuild lists the files in which l differs from what a full
// build makes of dir.
func differsFromBuild(t *testing.T, l *Live, dir string) []string {
	t.Helper()
	want, err := generate(t, dir)
	if err != nil {
		t.Fatalf("full build: %v", err)
	}
	return diff(want, snapshot(l))
}

func snapshot(l *Live) map[string][]byte {
	files := map[string][]byte{}
	for _, p := range l.Paths() {
		files[p], _ = l.File(p)
	}
	return files
}

// diff lists the paths whose bytes differ between two builds.
func diff(a, b map[string][]byte) []string {
	var paths []string
	for p, data := range a {
		if other, ok := b[p]; !ok || !bytes.Equal(data, other) {
			paths = append(paths, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return paths
}

// TestLiveMatchesBuild edits the example digest the ways an analyst does
// and checks after every step that the live site is byte for byte what a
// full build makes, that the change list names exactly the files that
// changed, and that an edit renders only what it reaches.
func TestLiveMatchesBuild(t *testing.T) {
	dir := copyExample(t)
	ctx := context.Background()
	l := startLive(t, dir)
	if d := differsFromBuild(t, l, dir); len(d) > 0 {
		t.Fatalf("first live build differs from a full build in %d files: %v", len(d), d)
	}

	article := filepath.Join(dir, "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md")
	page := "articles/at-least-107-killed-in-mecca-crane-collapse/index.html"
	read := func(p string) string {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	replace := func(p, old, new string) {
		t.Helper()
		s := read(p)
		if !strings.Contains(s, old) {
			t.Fatalf("%s does not contain %q", p, old)
		}
		writeFile(t, p, strings.Replace(s, old, new, 1))
	}
	original := read(article)

	steps := []struct {
		name    string
		edit    func() []string // makes the change and returns the paths a watcher would report
		mustSee []string        // output paths that must be among the changes
		most    int             // at most this many files rendered; 0 = no limit
		only    string          // when set, every changed path must match this
	}{
		{"body edit", func() []string {
			writeFile(t, article, read(article)+"\nA paragraph added at the end.\n")
			return []string{article}
		}, []string{page, "search/d/"}, 8, `^(articles/at-least-107-killed-in-mecca-crane-collapse/index\.html|feed\.json|search/(d|t)/\d+\.json)$`}, // the page, feed.json which carries the newest bodies, its search fragment, the index's 4 shards and meta.json, which names the heavy prefixes any body can change
		{"title edit", func() []string {
			replace(article, "title: \"", "title: \"Update: ")
			return []string{article}
		}, []string{page, "index.xml", "search/d/", "search/t/", "countries/saudi-arabia/index.html"}, 0, ""},
		{"country added", func() []string {
			replace(article, "countries: [", "countries: [Iceland, ")
			return []string{article}
		}, []string{page, "countries/iceland/index.html", "countries/index.html"}, 0, ""},
		{"moved to another week", func() []string {
			replace(article, "date: 2015-09-12", "date: 2016-01-05")
			return []string{article}
		}, []string{page, "issues/2016-w01/index.html"}, 0, ""},
		{"new article in a new folder", func() []string {
			p := filepath.Join(dir, "content/articles/2024/new/fresh.md")
			writeFile(t, p, "---\ntitle: Fresh news\ndate: 2024-03-01\ncountries: [Chile]\n---\n\nBody.\n")
			return []string{filepath.Join(dir, "content/articles/2024")}
		}, []string{"articles/fresh/index.html", "countries/chile/index.html"}, 0, ""},
		{"renamed", func() []string {
			from := filepath.Join(dir, "content/articles/2024/new/fresh.md")
			to := filepath.Join(dir, "content/articles/2024/new/renamed.md")
			if err := os.Rename(from, to); err != nil {
				t.Fatal(err)
			}
			return []string{from, to}
		}, []string{"articles/fresh/index.html", "articles/renamed/index.html"}, 0, ""},
		{"folder deleted", func() []string {
			p := filepath.Join(dir, "content/articles/2024")
			if err := os.RemoveAll(p); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, []string{"articles/renamed/index.html", "countries/chile/index.html"}, 0, ""},
		{"article deleted", func() []string {
			if err := os.Remove(article); err != nil {
				t.Fatal(err)
			}
			return []string{article}
		}, []string{page, "countries/iceland/index.html"}, 0, ""},
		{"article restored", func() []string {
			writeFile(t, article, original)
			return []string{article}
		}, []string{page}, 0, ""},
		{"page template overridden", func() []string {
			p := filepath.Join(dir, "templates/term.html")
			writeFile(t, p, `{{ template "base" . }}{{ define "main" }}<h1 class="own">{{ .Term.Name }}</h1>{{ end }}`)
			return []string{filepath.Join(dir, "templates")}
		}, []string{"countries/france/index.html"}, 0, `^(countries|people|organizations|events|topics)/[^/]+/index\.html$`},
		{"partial overridden", func() []string {
			p := filepath.Join(dir, "templates/partials/footer.html")
			writeFile(t, p, `{{ define "footer" }}<footer>own footer</footer>{{ end }}`)
			return []string{p}
		}, []string{"index.html", page}, 0, ""},
		{"email template overridden", func() []string {
			p := filepath.Join(dir, "templates/email.html")
			writeFile(t, p, `<h1 class="own">{{ .Subject }}</h1>`)
			return []string{p}
		}, []string{"issues/2015-w37/email.html", "issues/2015-w37/2015-w37.eml"}, 0, `^issues/[^/]+/(email\.html|[^/]+\.eml)$`},
		{"stylesheet overridden", func() []string {
			p := filepath.Join(dir, "static/css/briefing.css")
			writeFile(t, p, "body { color: red }\n")
			return []string{p}
		}, []string{"css/briefing.css"}, 1, `^css/briefing\.css$`},
		{"stylesheet override removed", func() []string {
			p := filepath.Join(dir, "static")
			if err := os.RemoveAll(p); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, []string{"css/briefing.css"}, 0, ""},
		{"config title", func() []string {
			p := filepath.Join(dir, "briefing.yaml")
			replace(p, "Regional Security Digest", "Weekly Watch")
			return []string{p}
		}, []string{"index.html", page, "feed.json"}, 0, ""},
		{"taxonomy dropped", func() []string {
			p := filepath.Join(dir, "briefing.yaml")
			replace(p, ", topics]", "]")
			return []string{p}
		}, []string{"topics/index.html"}, 0, ""},
		{"drafted", func() []string {
			replace(article, "---\n", "---\ndraft: true\n")
			return []string{article}
		}, []string{page}, 0, ""},
	}
	for _, step := range steps {
		before := snapshot(l)
		changed := step.edit()
		ch, err := l.Rebuild(ctx, changed)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		want, err := generate(t, dir)
		if err != nil {
			t.Fatalf("%s: full build: %v", step.name, err)
		}
		got := snapshot(l)
		if d := diff(want, got); len(d) > 0 {
			t.Errorf("%s: live site differs from a full build in %v", step.name, d)
		}
		if d := diff(before, got); !slices.Equal(d, ch.Changed) {
			t.Errorf("%s: reported changes %v, but these changed: %v", step.name, ch.Changed, d)
		}
		for _, p := range step.mustSee {
			// A path ending in "/" stands for any file under it.
			if !slices.ContainsFunc(ch.Changed, func(c string) bool { return c == p || strings.HasSuffix(p, "/") && strings.HasPrefix(c, p) }) {
				t.Errorf("%s: %s not among the changes %v", step.name, p, ch.Changed)
			}
		}
		if step.only != "" {
			for _, p := range ch.Changed {
				if !regexp.MustCompile(step.only).MatchString(p) {
					t.Errorf("%s: %s changed, but only files matching %s should", step.name, p, step.only)
				}
			}
		}
		if step.most > 0 && ch.Rendered > step.most {
			t.Errorf("%s: rendered %d files, want at most %d", step.name, ch.Rendered, step.most)
		}
	}
}

// TestLiveKeepsLastGoodBuild breaks the site and checks the live site
// stays as it was, the error names the place, and fixing it brings in
// every change made meanwhile.
func TestLiveKeepsLastGoodBuild(t *testing.T) {
	dir := copyExample(t)
	ctx := context.Background()
	l := startLive(t, dir)
	good := snapshot(l)
	article := filepath.Join(dir, "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md")
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "countries: [", "countries: [[", 1)
	writeFile(t, article, broken)
	css := filepath.Join(dir, "theme/css/briefing.css")
	writeFile(t, css, "main { margin: 0 }\n")
	tmpl := filepath.Join(dir, "templates/search.html")
	writeFile(t, tmpl, `{{ template "base" . }}{{ define "main" }}<p>own search{{ end }}`)

	_, err = l.Rebuild(ctx, []string{article, css, tmpl})
	if err == nil || !strings.Contains(err.Error(), "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md:") {
		t.Fatalf("error %v does not name the broken file", err)
	}
	if d := diff(good, snapshot(l)); len(d) > 0 {
		t.Fatalf("a failed rebuild changed %v", d)
	}

	writeFile(t, article, string(data))
	ch, err := l.Rebuild(ctx, []string{article})
	if err != nil {
		t.Fatal(err)
	}
	if d := differsFromBuild(t, l, dir); len(d) > 0 {
		t.Errorf("after the fix the live site differs from a full build in %v", d)
	}
	for _, p := range []string{"css/briefing.css", "search/index.html"} {
		if !slices.Contains(ch.Changed, p) {
			t.Errorf("%s, changed while the site was broken, is not among the changes %v", p, ch.Changed)
		}
	}
}

// TestLiveRescansAFolder checks that a folder named as changed, as the
// watcher names the roots after losing events, has every file in it read
// again, not only the ones the live site had not seen.
func TestLiveRescansAFolder(t *testing.T) {
	dir := copyExample(t)
	l := startLive(t, dir)
	article := filepath.Join(dir, "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md")
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, article, strings.Replace(string(data), "title: \"", "title: \"Unnoticed: ", 1))
	if _, err := l.Rebuild(context.Background(), []string{filepath.Join(dir, "content")}); err != nil {
		t.Fatal(err)
	}
	if d := differsFromBuild(t, l, dir); len(d) > 0 {
		t.Errorf("after a rescan the live site differs from a full build in %v", d)
	}
}

// TestLiveConfigErrorsDoNotHideArticleErrors breaks briefing.yaml and an
// article while serving: one rebuild reports both, and fixing the config
// leaves the article's error alone on show.
func TestLiveConfigErrorsDoNotHideArticleErrors(t *testing.T) {
	dir := copyExample(t)
	ctx := context.Background()
	l := startLive(t, dir)
	config := filepath.Join(dir, "briefing.yaml")
	good, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(dir, "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md")
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, config, string(good)+"titel: typo\n")
	writeFile(t, article, strings.Replace(string(data), "countries: [", "countries: [[", 1))
	_, err = l.Rebuild(ctx, []string{config, article})
	for _, want := range []string{`briefing.yaml:`, `unknown key "titel"`, "at-least-107-killed-in-mecca-crane-collapse.md:"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	writeFile(t, config, string(good))
	_, err = l.Rebuild(ctx, []string{config})
	if err == nil || strings.Contains(err.Error(), "titel") || !strings.Contains(err.Error(), "at-least-107") {
		t.Errorf("after fixing the config: %v", err)
	}
}

// TestLiveRemovesOldest deletes the site's oldest article while serving:
// its week keeps others and no article moves, but the last run of search
// results loses one.
func TestLiveRemovesOldest(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: Week\nbase_url: http://localhost:1313/\n")
	n := search.GroupSize + 2
	for i := range n {
		writeFile(t, filepath.Join(dir, "content/articles", fmt.Sprintf("a%02d.md", i)),
			fmt.Sprintf("---\ntitle: Story %d\ndate: 2021-11-%02dT%02d:00:00Z\ncountries: [Chile]\n---\n\nBody %d.\n", i, 1+i/4, 2*(i%4), i))
	}
	l := startLive(t, dir)
	entries := l.plan.Site().Entries
	if len(entries) != n || entries[n-1].Issue != entries[n-2].Issue {
		t.Fatalf("the site has %d articles, the oldest alone in its week: the test needs its week shared", len(entries))
	}
	oldest := filepath.Join(dir, filepath.FromSlash(entries[n-1].File))
	if err := os.Remove(oldest); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Rebuild(context.Background(), []string{oldest}); err != nil {
		t.Fatal(err)
	}
	if d := differsFromBuild(t, l, dir); len(d) > 0 {
		t.Errorf("after the oldest article went, serve differs from a full build in %v", d)
	}
}
