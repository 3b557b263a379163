package linkcheck

import (
	"slices"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

// TestErrorsPlaceLinks checks where problems are reported: a body's link
// at its line in the article's file, written as the author wrote it; a
// link the templates put on many pages once, with a count.
func TestErrorsPlaceLinks(t *testing.T) {
	a := &generator.Entry{Article: &generator.Article{File: "content/articles/a.md", Slug: "a", BodyLine: 5,
		Body: []byte("Intro with a slash / and [x](/other/).\n\nSee [gone](/articles/gone/).\n")}}
	s := &generator.Site{Config: generator.Config{BaseURL: "https://example.org/digest/"}, Entries: []*generator.Entry{a}}
	problems := []Problem{
		{Page: "articles/a/index.html", Link: "/digest/articles/gone/", Reason: "no file articles/gone/index.html in the site"},
		{Page: "articles/a/index.html", Link: "/digest/", Reason: "r"},
		{Page: "index.html", Link: "/digest/", Reason: "r"},
		{Page: "countries/index.html", Link: "/digest/", Reason: "r"},
		{Page: "index.html", Link: "/digest/style.css", Reason: "s"},
	}
	var got []string
	for _, e := range Errors(s, problems) {
		got = append(got, e.Error())
	}
	want := []string{
		`page articles/a/index.html: link "/digest/": r (and on 2 more pages)`,
		`page index.html: link "/digest/style.css": s`,
		`content/articles/a.md:7:12: link "/articles/gone/": no file articles/gone/index.html in the site`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}
