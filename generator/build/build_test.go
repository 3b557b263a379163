package build

import (
	"context"
	"errors"
	"github.com/briefing-digest/briefing/internal/corpus"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/content"
)

const digest = "testdata/sites/digest/site"

func buildTo(t *testing.T, src string, opts Options) (string, Result) {
	t.Helper()
	opts.Source = src
	if opts.Destination == "" {
		opts.Destination = filepath.Join(t.TempDir(), "public")
	}
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return opts.Destination, res
}

func TestSubPathHasNoBrokenLinks(t *testing.T) {
	for _, base := range []string{"https://analyst.github.io/digest/", "https://digest.example.org/", "http://127.0.0.1:1313/a/b/"} {
		t.Run(base, func(t *testing.T) {
			out, _ := buildTo(t, digest, Options{BaseURL: base})
			for _, b := range brokenLinks(t, out, base) {
				t.Error(b)
			}
		})
	}
}

// TestFeedsParse reads every feed with a real feed parser, as a reader's
// feed app would, and checks items link into the site under its base URL.
func TestFeedsParse(t *testing.T) {
	const base = "https://analyst.github.io/digest/"
	out, _ := buildTo(t, digest, Options{})
	parser := gofeed.NewParser()
	var feeds []string
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && (d.Name() == "index.xml" || d.Name() == "feed.json") {
			feeds = append(feeds, p)
		}
		return err
	})
	if len(feeds) < 30 {
		t.Fatalf("only %d feeds", len(feeds))
	}
	for _, p := range feeds {
		rel, _ := filepath.Rel(out, p)
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		feed, err := parser.Parse(f)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		if len(feed.Items) == 0 || len(feed.Items) > 3 {
			t.Errorf("%s: %d items, want 1 to feed_limit (3)", rel, len(feed.Items))
		}
		if !strings.HasPrefix(feed.Link, base) {
			t.Errorf("%s: link %q is not under %s", rel, feed.Link, base)
		}
		for _, it := range feed.Items {
			if !strings.HasPrefix(it.Link, base) || it.Title == "" || it.PublishedParsed == nil {
				t.Errorf("%s: item %q link %q date %v", rel, it.Title, it.Link, it.PublishedParsed)
			}
		}
	}
	home, err := os.Open(filepath.Join(out, "index.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer home.Close()
	feed, _ := parser.Parse(home)
	if feed == nil || feed.Items[0].Title != "Turkiye holds naval drill" {
		t.Errorf("home feed should start with the newest article")
	}
	jf, err := os.Open(filepath.Join(out, "feed.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer jf.Close()
	j, err := parser.Parse(jf)
	if err != nil || j.FeedType != "json" || !strings.Contains(j.Items[0].Content, "Ships sailed") {
		t.Errorf("feed.json: %v %+v", err, j)
	}
}

func TestBuildOutput(t *testing.T) {
	out, res := buildTo(t, digest, Options{})
	if res.Articles != 5 || res.Issues != 3 {
		t.Errorf("articles %d issues %d, want 5 and 3 (the draft left out)", res.Articles, res.Issues)
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := read("CNAME"); got != "digest.example.org\n" {
		t.Errorf("CNAME = %q", got)
	}
	if got := read("robots.txt"); !strings.Contains(got, "Sitemap: https://analyst.github.io/digest/sitemap.xml") {
		t.Errorf("robots.txt = %q", got)
	}
	article := read("articles/iran-russia-security/index.html")
	for _, bad := range []string{"javascript:", "<script>alert", "Unfinished note"} {
		if strings.Contains(article, bad) {
			t.Errorf("article page contains %q", bad)
		}
	}
	for _, want := range []string{"javascript link", `href="/digest/countries/iran/"`, `href="https://www.tehrantimes.com/news/467512/iran-russia-security"`} {
		if !strings.Contains(article, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "articles/draft-note")); err == nil {
		t.Error("draft was published")
	}
	withDrafts, _ := buildTo(t, digest, Options{Drafts: true})
	if _, err := os.Stat(filepath.Join(withDrafts, "articles/draft-note/index.html")); err != nil {
		t.Errorf("--drafts did not publish the draft: %v", err)
	}
}

// copySite copies a test site so a test may break it.
func copySite(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		copyFile(t, p, filepath.Join(dst, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func writeFile(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFailedBuildKeepsPublic breaks a site in each way a person might and
// checks the build names the place, fails, and leaves public/ as it was.
func TestFailedBuildKeepsPublic(t *testing.T) {
	for _, tc := range []struct {
		name  string
		file  string
		body  string
		wants []string
	}{
		{"template syntax", "templates/partials/footer.html", "{{ define \"footer\" }}<footer>{{ .Site.Title </footer>{{ end }}",
			[]string{`templates/partials/footer.html:1: unexpected "<" in operand`}},
		{"template runtime", "templates/article.html", "{{ template \"base\" . }}\n{{ define \"main\" }}\n<h1>{{ .Entry.Headline }}</h1>{{ end }}",
			[]string{`templates/article.html:3:13: at <.Entry.Headline>: can't evaluate field Headline in type *generator.Entry`}},
		{"unknown config key", "briefing.yaml", "title: x\nbase_url: https://x.org/\ncolour: red\n",
			[]string{`briefing.yaml:3:1: unknown key "colour"`}},
		{"bad article and bad template together", "content/articles/2021/bad.md", "---\ntitle: Bad\ndate: 2021-13-45\n---\n",
			[]string{`content/articles/2021/bad.md:3:7: front matter: date "2021-13-45" is not a date`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := copySite(t, digest)
			out := filepath.Join(src, "public")
			buildTo(t, src, Options{Destination: out})
			marker := filepath.Join(out, "index.html")
			before, err := os.ReadFile(marker)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(src, tc.file), tc.body)
			_, err = Build(context.Background(), Options{Source: src, Destination: out})
			if err == nil {
				t.Fatal("build succeeded")
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error:\n%v\nwant it to contain %q", err, w)
				}
			}
			after, err := os.ReadFile(marker)
			if err != nil || string(after) != string(before) {
				t.Errorf("public/index.html changed or vanished after a failed build: %v", err)
			}
			leftovers, _ := filepath.Glob(filepath.Join(src, ".public.tmp-*"))
			if len(leftovers) > 0 {
				t.Errorf("staging folders left behind: %v", leftovers)
			}
		})
	}
}

func TestBuildReportsEveryProblem(t *testing.T) {
	src := copySite(t, digest)
	writeFile(t, filepath.Join(src, "content/articles/a.md"), "no front matter\n")
	writeFile(t, filepath.Join(src, "content/articles/b.md"), "---\ntitle: B\n---\n")
	writeFile(t, filepath.Join(src, "templates/404.html"), "{{ if }}")
	_, err := Build(context.Background(), Options{Source: src, Destination: filepath.Join(t.TempDir(), "out")})
	var list generator.ErrorList
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
}

func TestStaleFilesRemovedAndGitKept(t *testing.T) {
	src := copySite(t, digest)
	out := filepath.Join(src, "public")
	buildTo(t, src, Options{Destination: out})
	writeFile(t, filepath.Join(out, ".git", "HEAD"), "ref: refs/heads/gh-pages\n")
	if err := os.Remove(filepath.Join(src, "content/articles/2021/turkiye-drill.md")); err != nil {
		t.Fatal(err)
	}
	buildTo(t, src, Options{Destination: out})
	if _, err := os.Stat(filepath.Join(out, "articles/turkiye-drill")); !os.IsNotExist(err) {
		t.Errorf("a removed article's page is still published: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "countries/turkiye/index.html")); err != nil {
		t.Errorf("Türkiye is still named by another article: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, ".git", "HEAD")); err != nil {
		t.Errorf("the destination's .git was lost: %v", err)
	}
}

func TestRefusesDangerousDestinations(t *testing.T) {
	src := copySite(t, digest)
	notSite := t.TempDir()
	writeFile(t, filepath.Join(notSite, "thesis.tex"), "years of work")
	for _, dest := range []string{src, filepath.Join(src, "content"), filepath.Join(src, "content", "out"), notSite} {
		if _, err := Build(context.Background(), Options{Source: src, Destination: dest}); err == nil {
			t.Errorf("Build into %s succeeded", dest)
		}
	}
	if _, err := os.Stat(filepath.Join(notSite, "thesis.tex")); err != nil {
		t.Errorf("a folder that was not a site lost its file: %v", err)
	}
}

func TestSiteOverrides(t *testing.T) {
	src := copySite(t, digest)
	writeFile(t, filepath.Join(src, "templates/partials/footer.html"), `{{ define "footer" }}<footer>Our own footer</footer>{{ end }}`)
	writeFile(t, filepath.Join(src, "theme/css/briefing.css"), "body{color:red}")
	writeFile(t, filepath.Join(src, "static/img/logo.png"), "png")
	out, _ := buildTo(t, src, Options{})
	page, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(page), "Our own footer") || !strings.Contains(string(page), `class="masthead"`) {
		t.Error("a site's partial should replace the built-in one and keep the others")
	}
	css, _ := os.ReadFile(filepath.Join(out, "css/briefing.css"))
	if string(css) != "body{color:red}" {
		t.Errorf("css = %q, want the site's", css)
	}
	if _, err := os.Stat(filepath.Join(out, "js/search.js")); err != nil {
		t.Error("built-in theme files the site does not override must still be copied")
	}
	if _, err := os.Stat(filepath.Join(out, "img/logo.png")); err != nil {
		t.Error("static/ files must be copied")
	}
}

// TestEmptySiteBuilds builds a site with no articles yet: an empty
// content/ folder. (A folder with no content/ and no briefing.yaml is not
// a site at all; cmd/briefing's TestNoSiteHere covers it.)
func TestEmptySiteBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	out, res := buildTo(t, dir, Options{BaseURL: "https://user.github.io/new/"})
	if res.Articles != 0 {
		t.Fatalf("%d articles", res.Articles)
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !strings.Contains(string(home), "No articles yet") {
		t.Errorf("an empty site's home page should say how to add articles: %v", err)
	}
	for _, b := range brokenLinks(t, out, "https://user.github.io/new/") {
		t.Error(b)
	}
}

// TestBodiesLeftOnDiskCorpus builds a generated site of 400 articles
// with every body kept and with none, and wants the same bytes. Bodies
// left on disk are read into buffers that pages, search words, snippets
// and feeds rendering at once take turns with: one kept past its page
// would show here as another article's text, or as the '#'s the
// buffers are overwritten with once used.
func TestBodiesLeftOnDiskCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, 400, 3); err != nil {
		t.Fatal(err)
	}
	want, err := generate(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func(saved int64) { bodyMemory = saved }(bodyMemory)
	bodyMemory = 1
	generator.ScrubBodyBuffers = true
	defer func() { generator.ScrubBodyBuffers = false }()
	got, err := generate(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(want, got); len(d) > 0 {
		t.Errorf("with bodies left on disk %d files differ, such as %v", len(d), d[:min(len(d), 5)])
	}
}

// TestBodiesLeftOnDisk builds the example digest keeping no article text
// in memory, as a build of a very big site does, and checks the site is
// byte for byte the same as one built with every body kept; and that an
// article edited between loading and rendering fails the build, naming
// it, rather than mixing old front matter with new text.
func TestBodiesLeftOnDisk(t *testing.T) {
	dir := copyExample(t)
	want, err := generate(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func(saved int64) { bodyMemory = saved }(bodyMemory)
	bodyMemory = 1
	got, err := generate(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(want, got); len(d) > 0 {
		t.Errorf("with bodies left on disk these files differ: %v", d)
	}

	cfg, err := Config(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	articles, err := content.Load(dir, content.Options{Location: cfg.Location, BodyMemory: 1})
	if err != nil {
		t.Fatal(err)
	}
	a := articles[len(articles)-1]
	if a.Body != nil {
		t.Fatalf("%s kept its body with 1 byte allowed", a.File)
	}
	path := filepath.Join(dir, filepath.FromSlash(a.File))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, "\nA line added while building.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := a.ReadBody(); err == nil || !strings.Contains(err.Error(), a.File) || !strings.Contains(err.Error(), "changed") {
		t.Errorf("reading an edited body gave %v, want an error naming %s", err, a.File)
	}
	if err := a.WithBody(func([]byte) error { return nil }); err == nil || !strings.Contains(err.Error(), a.File) || !strings.Contains(err.Error(), "changed") {
		t.Errorf("reading an edited body into a buffer gave %v, want an error naming %s", err, a.File)
	}
}

// TestConfigErrorsDoNotHideArticleErrors builds a site whose briefing.yaml
// and one article are both wrong: both are reported in one run.
func TestConfigErrorsDoNotHideArticleErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"briefing.yaml":         "title: Digest\ntitel: typo\n",
		"content/articles/a.md": "---\ntitle: A\ndate: 2021-13-45\n---\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Build(context.Background(), Options{Source: dir})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	for _, want := range []string{`briefing.yaml:2:1: unknown key "titel"`, `content/articles/a.md:3:7: front matter: date "2021-13-45" is not a date`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
}
