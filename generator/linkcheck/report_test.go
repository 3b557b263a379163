package linkcheck

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

// TestErrorsPlaceLinks checks where problems are reported: a body's link
// at its line in the article's file, an editor's note's link at its line
// in the issue's file, each written as the author wrote it and not again
// for the other pages showing it; a link the templates put on many pages
// once, with a count.
func TestErrorsPlaceLinks(t *testing.T) {
	dir := t.TempDir()
	note := "---\npublished: true\n---\nA note on [last week](/issues/2021-w44/).\n"
	if err := os.MkdirAll(filepath.Join(dir, "content/issues"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/issues/2021-w45.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	a := &generator.Entry{Article: &generator.Article{File: "content/articles/a.md", Slug: "a", BodyLine: 5,
		Body: []byte("Intro with a slash / and [x](/other/).\n\nSee [gone](/articles/gone/).\n")}}
	s := &generator.Site{Config: generator.Config{BaseURL: "https://example.org/digest/"}, Entries: []*generator.Entry{a}}
	noIssue := "no file issues/2021-w44/index.html in the site"
	problems := []Problem{
		{Page: "articles/a/index.html", Link: "/digest/articles/gone/", Reason: "no file articles/gone/index.html in the site"},
		{Page: "articles/a/index.html", Link: "/digest/", Reason: "r"},
		{Page: "index.html", Link: "/digest/", Reason: "r"},
		{Page: "countries/index.html", Link: "/digest/", Reason: "r"},
		{Page: "index.html", Link: "/digest/style.css", Reason: "s"},
		{Page: "issues/2021-w45/index.html", Link: "/digest/issues/2021-w44/", Reason: noIssue},
		{Page: "index.html", Link: "/digest/issues/2021-w44/", Reason: noIssue},
		{Page: "issues/2021-w46/index.html", Link: "/digest/x/", Reason: "no file x/index.html in the site"},
	}
	var got []string
	for _, e := range Errors(s, dir, problems) {
		got = append(got, e.Error())
	}
	want := []string{
		`page articles/a/index.html: link "/digest/": r (and on 2 more pages)`,
		`page index.html: link "/digest/style.css": s`,
		`page issues/2021-w46/index.html: link "/digest/x/": no file x/index.html in the site`,
		`content/articles/a.md:7:12: link "/articles/gone/": no file articles/gone/index.html in the site`,
		`content/issues/2021-w45.md:4:23: link "/issues/2021-w44/": ` + noIssue,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}
