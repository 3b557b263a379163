package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestArticleJSONLD checks that an article page describes itself to
// search engines as a NewsArticle a JSON parser reads back whole, even
// when its title tries to close the script element.
func TestArticleJSONLD(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: LD\nbase_url: https://user.github.io/ld/\n")
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), "---\n"+
		`title: "Talks end </script><script>alert(1)</script> & resume"`+"\n"+
		"date: 2022-05-04T09:30:00+02:00\nsource: \"Harbour Post\"\nurl: \"https://harbour.example/talks?id=1&x=2\"\n"+
		"summary: \"Envoys met again.\"\npeople: [Mara Lind]\ncountries: [Norway, Chile]\n---\n\nThey met.\n")
	out, _ := buildTo(t, dir, Options{})
	data, err := os.ReadFile(filepath.Join(out, "articles/a/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	if strings.Contains(page, "<script>alert") {
		t.Fatal("the title's script element reached the page")
	}
	m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD on the article page")
	}
	var got struct {
		Headline, DatePublished, URL, IsBasedOn string
		Publisher                               struct{ Name string }
		About                                   []struct{ Name string }
	}
	// The struct's names differ from "@type"; decode those by hand.
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(m[1]), &raw); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	if err := json.Unmarshal([]byte(m[1]), &got); err != nil {
		t.Fatal(err)
	}
	if string(raw["@type"]) != `"NewsArticle"` || got.Headline != "Talks end </script><script>alert(1)</script> & resume" ||
		got.DatePublished != "2022-05-04T09:30:00+02:00" || got.URL != "https://user.github.io/ld/articles/a/" ||
		got.IsBasedOn != "https://harbour.example/talks?id=1&x=2" || got.Publisher.Name != "Harbour Post" {
		t.Errorf("JSON-LD = %s", m[1])
	}
	var about []string
	for _, a := range got.About {
		about = append(about, a.Name)
	}
	if strings.Join(about, ",") != "Mara Lind,Norway,Chile" || !strings.Contains(m[1], `"about":[{"@type":"Thing"`) {
		t.Errorf("about = %v, want the person then the countries, each a Thing", about)
	}
}

// TestRelatedArticles checks the related list under an article: the
// articles of the same and the next weeks sharing the most names come
// first, one that shares only a section does not count, and a story a
// year away is left out however much it shares.
func TestRelatedArticles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: Rel\nbase_url: https://user.github.io/rel/\ntaxonomies: [countries, people, sections]\n")
	for name, front := range map[string]string{
		"main":     "date: 2022-05-04\ncountries: [Peru, Chile]\npeople: [Ines Rojo]\nsections: [World]",
		"two":      "date: 2022-05-05\ncountries: [Peru]\npeople: [Ines Rojo]",
		"one":      "date: 2022-05-10\ncountries: [Chile]",
		"section":  "date: 2022-05-04\ncountries: [Fiji]\nsections: [World]",
		"year-off": "date: 2021-05-04\ncountries: [Peru, Chile]\npeople: [Ines Rojo]",
	} {
		writeFile(t, filepath.Join(dir, "content/articles", name+".md"), "---\ntitle: \"Story "+name+"\"\n"+front+"\n---\n\nText.\n")
	}
	out, _ := buildTo(t, dir, Options{})
	data, err := os.ReadFile(filepath.Join(out, "articles/main/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, related, ok := strings.Cut(string(data), `<h2 id="related-title">Related articles</h2>`)
	if !ok {
		t.Fatal("no related articles on the page")
	}
	related, _, _ = strings.Cut(related, "</section>")
	var got []string
	for _, m := range regexp.MustCompile(`>Story ([a-z-]+)</a>`).FindAllStringSubmatch(related, -1) {
		got = append(got, m[1])
	}
	if strings.Join(got, ",") != "two,one" {
		t.Errorf("related = %v, want two (two names shared) then one (one name, the next week)", got)
	}
	for _, b := range brokenLinks(t, out, "https://user.github.io/rel/") {
		t.Error(b)
	}
}
