package build

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// brokenLinks opens every HTML page under dir, as published at baseURL,
// and returns each internal href or src that names no file in dir: what
// a reader would meet as a 404 on GitHub Pages. A root-relative link that
// misses the base path counts as broken, since it leaves the site.
func brokenLinks(t *testing.T, dir, baseURL string) []string {
	t.Helper()
	base, err := url.Parse(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	var broken []string
	pages := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		pageURL := base.JoinPath(strings.TrimSuffix(rel, "index.html"))
		if strings.HasSuffix(rel, "index.html") && !strings.HasSuffix(pageURL.Path, "/") {
			pageURL.Path += "/"
		}
		for _, ref := range refs(t, p) {
			u, err := pageURL.Parse(ref)
			if err != nil {
				broken = append(broken, fmt.Sprintf("%s: %q does not parse: %v", rel, ref, err))
				continue
			}
			if u.Host != base.Host || (u.Scheme != "http" && u.Scheme != "https") {
				continue // another site, mailto:, …
			}
			if !strings.HasPrefix(u.Path, base.Path) {
				broken = append(broken, fmt.Sprintf("%s: %q leaves the base path %s", rel, ref, base.Path))
				continue
			}
			target := strings.TrimPrefix(u.Path, base.Path)
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Clean(target)))); err != nil {
				broken = append(broken, fmt.Sprintf("%s: %q: no file %s", rel, ref, target))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 {
		t.Fatalf("no HTML pages under %s", dir)
	}
	slices.Sort(broken)
	return slices.Compact(broken)
}

// refs returns every link target in an HTML file: a, area and link
// hrefs, and img, script, source, iframe srcs.
func refs(t *testing.T, file string) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch {
				case a.Key == "href" && (n.Data == "a" || n.Data == "link" || n.Data == "area"),
					a.Key == "src" && (n.Data == "img" || n.Data == "script" || n.Data == "source" || n.Data == "iframe"):
					out = append(out, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// TestBrokenLinksCatchesMistakes makes sure the walker is not a test
// that cannot fail: a page with a missing target and a link that forgot
// the base path must both be reported.
func TestBrokenLinksCatchesMistakes(t *testing.T) {
	dir := t.TempDir()
	page := `<a href="/repo/ok/">ok</a><a href="/repo/missing/">x</a><a href="/countries/">y</a><img src="../img/a.png"><a href="https://elsewhere.org/">z</a><a href="#top">t</a>`
	for name, body := range map[string]string{"index.html": page, "ok/index.html": "ok", "sub/index.html": `<img src="../img/a.png">`} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := brokenLinks(t, dir, "https://user.github.io/repo/")
	want := []string{
		`index.html: "../img/a.png" leaves the base path /repo/`,
		`index.html: "/countries/" leaves the base path /repo/`,
		`index.html: "/repo/missing/": no file missing/index.html`,
		`sub/index.html: "../img/a.png": no file img/a.png`,
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
