package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnpublishedWeek builds a site whose only week is the current one:
// its articles and its issue page are built, as drafts' neighbours would
// be, but home says no issue is published yet and the issues feed, the
// archive and the sitemap leave it out, until an edition file publishes it.
func TestUnpublishedWeek(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: Weekly\nbase_url: https://example.org/\n")
	writeFile(t, filepath.Join(dir, "content/articles/talks.md"), "---\ntitle: Oman talks\ndate: 2021-11-10\ncountries: [Oman]\n---\nThe talks went on.\n")
	read := func(out, p string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}

	out, _ := buildTo(t, dir, Options{})
	if home := read(out, "index.html"); !strings.Contains(home, "No issue is published yet. Week 45 · 8–14 November 2021 is being written") {
		t.Errorf("home does not say the week is unpublished:\n%s", home)
	}
	read(out, "articles/talks/index.html")
	const noindex = `<meta name="robots" content="noindex">`
	if !strings.Contains(read(out, "issues/2021-w45/index.html"), noindex) {
		t.Error("the unpublished week's page does not ask search engines to leave it out")
	}
	for _, p := range []string{"issues/index.xml", "issues/index.html", "sitemap.xml"} {
		if strings.Contains(read(out, p), "issues/2021-w45/") {
			t.Errorf("%s lists the unpublished week", p)
		}
	}

	for _, p := range []string{"issues/2021-w45/email.html", "issues/2021-w45/email.txt", "issues/2021-w45/2021-w45.eml"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s is on the web before the week is published", p)
		}
	}

	// An edition held back is the editor's draft: none of it is published.
	writeFile(t, filepath.Join(dir, "content/issues/2021-w45.md"), "---\ntitle: Embargoed headline\npublished: false\n---\nEmbargoed note.\n")
	out, _ = buildTo(t, dir, Options{})
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if bytes.Contains(data, []byte("Embargoed")) {
			t.Errorf("%s shows the held-back edition", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	writeFile(t, filepath.Join(dir, "content/issues/2021-w45.md"), "The talks, in short.\n")
	out, _ = buildTo(t, dir, Options{})
	if home := read(out, "index.html"); !strings.Contains(home, "<p>The talks, in short.</p>") || strings.Contains(home, "No issue is published") {
		t.Errorf("home does not show the published week's note:\n%s", home)
	}
	if strings.Contains(read(out, "issues/2021-w45/index.html"), noindex) {
		t.Error("the published week's page asks search engines to leave it out")
	}
	for _, p := range []string{"issues/index.xml", "issues/index.html", "sitemap.xml"} {
		if !strings.Contains(read(out, p), "issues/2021-w45/") {
			t.Errorf("%s leaves out the published week", p)
		}
	}
}

// TestNoteLinks builds a note whose links are written as they read on the
// issue's page. The home page shows the same note from another folder,
// and each link must lead where it does on the issue page.
func TestNoteLinks(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: Weekly\nbase_url: https://example.org/brief/\n")
	writeFile(t, filepath.Join(dir, "content/articles/early.md"), "---\ntitle: Early talks\ndate: 2021-11-03\ncountries: [Oman]\n---\nTalks.\n")
	writeFile(t, filepath.Join(dir, "content/articles/talks.md"), "---\ntitle: Oman talks\ndate: 2021-11-10\ncountries: [Oman]\n---\nThe talks went on.\n")
	writeFile(t, filepath.Join(dir, "content/issues/2021-w45.md"), "See [last week](../2021-w44/), [Oman](/brief/countries/oman/), "+
		"[the map](#coverage), [a report](https://example.net/r) and ![a chart](chart.png).\n")
	out, _ := buildTo(t, dir, Options{})
	want := []string{`<a href="/brief/issues/2021-w44/">last week</a>`, `<a href="/brief/countries/oman/">Oman</a>`,
		`<a href="#coverage">the map</a>`, `<a href="https://example.net/r">a report</a>`, `<img src="/brief/issues/2021-w45/chart.png" alt="a chart">`}
	for _, p := range []string{"index.html", "issues/2021-w45/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %s", p, w)
			}
		}
	}
}
