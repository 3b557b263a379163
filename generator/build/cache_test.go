package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator/buildcache"
	"github.com/briefing-digest/briefing/internal/corpus"
	"github.com/briefing-digest/briefing/internal/fphash"
	"github.com/briefing-digest/briefing/templates"
)

// cacheSite writes a site of generated articles, the digest's articles
// and its edited issue, for builds to edit and build again.
func cacheSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(dir, 60, 7); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(digest, "content"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// tree reads every file under dir, by slash-separated path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			t.Errorf("%s is not a regular file", p)
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameTrees reports every file that differs between a warm and a cold build.
func sameTrees(t *testing.T, warm, cold string) {
	t.Helper()
	w, c := tree(t, warm), tree(t, cold)
	var diffs []string
	for p, data := range c {
		if got, ok := w[p]; !ok {
			diffs = append(diffs, p+" missing")
		} else if !bytes.Equal(got, data) {
			diffs = append(diffs, p+" differs")
		}
	}
	for p := range w {
		if _, ok := c[p]; !ok {
			diffs = append(diffs, p+" should be gone")
		}
	}
	slices.Sort(diffs)
	if len(diffs) > 0 {
		t.Errorf("the warm build differs from a cold one in %d of %d files, e.g. %s", len(diffs), len(c), strings.Join(diffs[:min(5, len(diffs))], ", "))
	}
	if len(c) < 150 {
		t.Fatalf("only %d files built", len(c))
	}
}

func replaceIn(t *testing.T, p, old, new string) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", p, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// articles lists the site's generated article files, oldest first.
func articles(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(filepath.Join(dir, "content", "articles"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && generated.MatchString(p) {
			list = append(list, p)
		}
		return err
	})
	if err != nil || len(list) < 50 {
		t.Fatalf("%d articles: %v", len(list), err)
	}
	slices.SortFunc(list, func(a, b string) int { return strings.Compare(dateOf(t, a), dateOf(t, b)) })
	return list
}

// generated are the corpus's articles, whose names end in a number.
var generated = regexp.MustCompile(`-[0-9]+\.md$`)

var dateLine = regexp.MustCompile(`(?m)^date: (.*)$`)

func dateOf(t *testing.T, p string) string {
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	m := dateLine.FindSubmatch(data)
	if m == nil {
		t.Fatalf("%s has no date", p)
	}
	return string(m[1]) + p
}

// TestWarmBuildMatchesColdBuild edits a site in every way an editor
// does, building after each edit with the cache and, into another
// folder, without: every file of the two must be the same bytes.
func TestWarmBuildMatchesColdBuild(t *testing.T) {
	dir := cacheSite(t)
	pub := filepath.Join(dir, "public")
	list := articles(t, dir)
	mid := list[len(list)/2]
	steps := []struct {
		name  string
		edit  func()
		opts  Options
		cache bool // the cache is used, so some files are carried over
	}{
		{name: "nothing changed", edit: func() {}, cache: true},
		{name: "body", edit: func() { replaceIn(t, mid, "\n---\n", "\n---\nA new first line.\n\n") }, cache: true},
		{name: "body makes a prefix heavy", edit: func() { replaceIn(t, mid, "\n---\n", "\n---\n"+heavyWords()+"\n\n") }, cache: true},
		{name: "title", edit: func() { replaceIn(t, mid, `title: "`, `title: "Revised: `) }, cache: true},
		{name: "summary", edit: func() { replaceIn(t, list[3], `summary: "`, `summary: "Revised `) }, cache: true},
		{name: "name added", edit: func() { replaceIn(t, list[10], `countries: [`, `countries: ["Chile", `) }, cache: true},
		{name: "person renamed", edit: func() { replaceIn(t, list[20], `people: ["`, `people: ["Zed Newname", "`) }, cache: true},
		{name: "date moved", edit: func() {
			replaceIn(t, list[30], "date: "+strings.TrimSuffix(dateOf(t, list[30]), list[30]), "date: 2019-01-02")
		}, cache: true},
		{name: "edition note", edit: func() {
			replaceIn(t, filepath.Join(dir, "content/issues/2021-w45.md"), "Security chiefs", "Intelligence chiefs")
		}, cache: true},
		{name: "edition lead", edit: func() {
			replaceIn(t, filepath.Join(dir, "content/issues/2021-w45.md"), "lead: iran-russia-security", "lead: turkiye-drill")
		}, cache: true},
		{name: "topics.yaml and aliases.yaml", edit: func() {
			writeFile(t, filepath.Join(dir, "topics.yaml"), "Trade: [trade, tariffs]\n")
			writeFile(t, filepath.Join(dir, "aliases.yaml"), "NATO: North Atlantic Treaty Organization\n")
		}, cache: true},
		{name: "article deleted", edit: func() {
			if err := os.Remove(list[35]); err != nil {
				t.Fatal(err)
			}
		}, cache: true},
		{name: "article added", edit: func() {
			writeFile(t, filepath.Join(dir, "content/articles/2021/new-one.md"),
				"---\ntitle: \"A new one\"\ndate: 2021-11-04\ncountries: [Iran]\nsummary: \"New.\"\n---\nNew text.\n")
		}, cache: true},
		{name: "static file over a rendered one", edit: func() {
			// As long as the rendered one, so only the record's leaving
			// it out keeps the next build from taking it for that.
			rendered, err := os.ReadFile(filepath.Join(pub, "robots.txt"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "static/robots.txt"), strings.ToUpper(string(rendered)))
		}, cache: true},
		{name: "static file removed", edit: func() {
			if err := os.Remove(filepath.Join(dir, "static/robots.txt")); err != nil {
				t.Fatal(err)
			}
		}, cache: true},
		{name: "own template", edit: func() {
			data, err := fs.ReadFile(templates.FS, "article.html")
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "templates/article.html"), strings.Replace(string(data), "</article>", "<p>own</p></article>", 1))
		}},
		{name: "own template edited", edit: func() {
			replaceIn(t, filepath.Join(dir, "templates/article.html"), "<p>own</p>", "<p>mine</p>")
		}},
		{name: "after the template change", edit: func() { replaceIn(t, list[45], "\n---\n", "\n---\nMore.\n\n") }, cache: true},
		{name: "briefing.yaml", edit: func() { replaceIn(t, filepath.Join(dir, "briefing.yaml"), "Synthetic Digest", "Other Digest") }},
		{name: "drafts", edit: func() {}, opts: Options{Drafts: true}},
		{name: "drafts again", edit: func() { replaceIn(t, mid, "\n---\n", "\n---\nAgain.\n\n") }, opts: Options{Drafts: true}, cache: true},
		{name: "published page edited by hand", edit: func() {
			// Same size, so only the cache's check of who changed it last catches it.
			replaceIn(t, filepath.Join(pub, "index.html"), "<html", "<HTML")
		}, opts: Options{Drafts: true}, cache: true},
		{name: "published page replaced by a link", edit: func() {
			p := filepath.Join(pub, "issues/index.html")
			if err := os.Rename(p, p+".moved"); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("index.html.moved", p); err != nil {
				t.Fatal(err)
			}
		}, opts: Options{Drafts: true}, cache: true},
		{name: "base URL", edit: func() {}, opts: Options{Drafts: true, BaseURL: "https://example.org/digest/"}},
	}
	for i, step := range steps {
		step.edit()
		opts := step.opts
		opts.Source, opts.Destination = dir, pub
		warm, err := Build(context.Background(), opts)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		opts.Destination, opts.NoCache = filepath.Join(t.TempDir(), "cold"), true
		cold, err := Build(context.Background(), opts)
		if err != nil {
			t.Fatalf("%s, cold: %v", step.name, err)
		}
		t.Run(step.name, func(t *testing.T) {
			sameTrees(t, pub, opts.Destination)
			if i == 0 {
				return // the first build has no cache yet
			}
			if warm.Cached != step.cache || step.cache && warm.Reused == 0 {
				t.Errorf("cache used %v with %d pages reused, want used %v", warm.Cached, warm.Reused, step.cache)
			}
			if warm.Pages != cold.Pages || warm.Files != cold.Files {
				t.Errorf("warm build counts %d pages, %d files; cold %d, %d", warm.Pages, warm.Files, cold.Pages, cold.Files)
			}
		})
	}
}

// TestOneEditRendersOnePage counts what a build after a one-article edit
// renders: an old article's text shows on its own page only; its title
// on every list that names it, still far fewer than the site's pages.
func TestOneEditRendersOnePage(t *testing.T) {
	dir := cacheSite(t)
	pub := filepath.Join(dir, "public")
	first, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if first.Cached {
		t.Error("the first build says it used a cache")
	}
	oldest := articles(t, dir)[0]
	replaceIn(t, oldest, "\n---\n", "\n---\nA new first line.\n\n")
	res, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Cached || res.Rendered != 1 || res.Reused != first.Pages-1 || res.Pages != first.Pages {
		t.Errorf("after a body edit: cached %v, %d pages rendered, %d reused of %d; want 1 rendered, %d reused",
			res.Cached, res.Rendered, res.Reused, res.Pages, first.Pages-1)
	}
	slug := strings.TrimSuffix(filepath.Base(oldest), ".md")
	if page, err := os.ReadFile(filepath.Join(pub, "articles", slug, "index.html")); err != nil || !strings.Contains(string(page), "A new first line.") {
		t.Errorf("the edited article's page does not show the edit (%v)", err)
	}

	replaceIn(t, oldest, `title: "`, `title: "Revised: `)
	res, err = Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered < 2 || res.Rendered > res.Pages/4 || res.Rendered+res.Reused != res.Pages {
		t.Errorf("after a title edit: %d pages rendered, %d reused of %d", res.Rendered, res.Reused, res.Pages)
	}

	// --sizes counts the files carried over as a cold build counts them.
	replaceIn(t, oldest, "A new first line.", "Another first line.")
	warm, err := Build(context.Background(), Options{Source: dir, Sizes: true})
	if err != nil {
		t.Fatal(err)
	}
	cold, err := Build(context.Background(), Options{Source: dir, Sizes: true, NoCache: true, Destination: filepath.Join(t.TempDir(), "cold")})
	if err != nil {
		t.Fatal(err)
	}
	if w, c := warm.Sizes.List(), cold.Sizes.List(); warm.Reused == 0 || !slices.Equal(w, c) {
		t.Errorf("--sizes after %d pages reused:\n%+v\nwithout the cache:\n%+v", warm.Reused, w, c)
	}
}

// TestDamagedCacheBuildsEverything spoils the cache in several ways:
// each time the build renders every page and the site is as a cold
// build makes it.
func TestDamagedCacheBuildsEverything(t *testing.T) {
	dir := cacheSite(t)
	pub := filepath.Join(dir, "public")
	cache := buildcache.For(pub)
	list := articles(t, dir)
	spoil := map[string]func(data []byte) []byte{
		"cut short": func(d []byte) []byte { return d[:len(d)/2] },
		"empty":     func([]byte) []byte { return nil },
		"garbage":   func(d []byte) []byte { return bytes.Repeat([]byte{0xff, '\n', 'x'}, len(d)/3) },
		"a fingerprint changed": func(d []byte) []byte {
			// The first file's line follows the dest line.
			i := bytes.Index(d, []byte("\ndest "))
			i += bytes.IndexByte(d[i+1:], '\n') + 2
			if d[i] == '0' {
				d[i] = '1'
			} else {
				d[i] = '0'
			}
			return d
		},
		// These are whole records, their checksums made anew: only what
		// they say makes the build refuse them.
		"other format": func(d []byte) []byte {
			return resum(t, bytes.Replace(d, []byte("briefing build cache 1"), []byte("briefing build cache 0"), 1))
		},
		"another site's": func(d []byte) []byte {
			return resum(t, bytes.Replace(d, []byte("dest "+pub), []byte("dest "+pub+"2"), 1))
		},
		"another build's key": func(d []byte) []byte {
			i := bytes.Index(d, []byte("\nkey ")) + 5
			if d[i] == '0' {
				d[i] = '1'
			} else {
				d[i] = '0'
			}
			return resum(t, d)
		},
	}
	n := 0
	for name, f := range spoil {
		n++
		if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(cache)
		if err != nil {
			t.Fatalf("no cache after a build: %v", err)
		}
		if !bytes.Equal(resum(t, bytes.Clone(data)), data) {
			t.Fatal("resum changes an intact record")
		}
		if err := os.WriteFile(cache, f(data), 0o644); err != nil {
			t.Fatal(err)
		}
		// An edit the damaged record knows nothing of.
		replaceIn(t, list[n], `title: "`, `title: "Changed `)
		res, err := Build(context.Background(), Options{Source: dir})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cold := filepath.Join(t.TempDir(), "cold")
		if _, err := Build(context.Background(), Options{Source: dir, Destination: cold, NoCache: true}); err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			if res.Cached || res.Reused != 0 {
				t.Errorf("the cache (%s) was used: %d pages reused", name, res.Reused)
			}
			sameTrees(t, pub, cold)
		})
	}
}

// resum gives a record the checksum of what it now says.
func resum(t *testing.T, d []byte) []byte {
	t.Helper()
	i := bytes.LastIndex(d[:len(d)-1], []byte("\n")) + 1
	var n int
	var sum uint64
	if _, err := fmt.Sscanf(string(d[i:]), "end %d %x", &n, &sum); err != nil {
		t.Fatalf("end line %q: %v", d[i:], err)
	}
	return fmt.Appendf(d[:i:i], "end %d %016x\n", n, fphash.Bytes(d[:i]))
}

// TestCacheStaysOutOfTheSite: the folder deployed holds only the site,
// and --no-cache leaves no cache behind and none stale.
func TestCacheStaysOutOfTheSite(t *testing.T) {
	dir := cacheSite(t)
	pub := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public.cache")); err != nil {
		t.Errorf("no cache beside the site: %v", err)
	}
	for p := range tree(t, pub) {
		if strings.Contains(p, "cache") {
			t.Errorf("%s in the published site", p)
		}
	}
	res, err := Build(context.Background(), Options{Source: dir, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Cached {
		t.Error("--no-cache used the cache")
	}
	if _, err := os.Stat(filepath.Join(dir, "public.cache")); err == nil {
		t.Error("a build with --no-cache left the previous build's cache, which no longer describes the site")
	}
}

// TestWarmBuildWithBodiesOnDisk: on a site too big to keep its articles'
// text in memory, a body edit is still seen, and only its page rendered.
func TestWarmBuildWithBodiesOnDisk(t *testing.T) {
	defer func(n int64) { bodyMemory = n }(bodyMemory)
	bodyMemory = 1 // every body is let go after loading
	dir := cacheSite(t)
	pub := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	oldest := articles(t, dir)[0]
	replaceIn(t, oldest, "\n---\n", "\n---\nA new first line.\n\n")
	res, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	cold := filepath.Join(t.TempDir(), "cold")
	if _, err := Build(context.Background(), Options{Source: dir, Destination: cold, NoCache: true}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, pub, cold)
	if !res.Cached || res.Rendered != 1 {
		t.Errorf("cached %v, %d pages rendered, want 1", res.Cached, res.Rendered)
	}
}
