package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

func TestParseGood(t *testing.T) {
	src := "---\n" +
		"title: \"Iran, Russia stress cooperation\"\n" +
		"date: 2021-11-10\n" +
		"source: Tehran Times\n" +
		"url: https://example.com/a\n" +
		"sections: [Iran, Middle East]\n" +
		"people: [Ali Shamkhani, Nikolay Patrushev, ali  shamkhani]\n" +
		"countries: Iran\n" +
		"event: Delhi Dialogue\n" +
		"custom: kept for templates\n" +
		"---\n\nBody text.\n"
	a, err := Parse("content/articles/2021/iran-russia.md", []byte(src), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Iran, Russia stress cooperation" || a.Slug != "iran-russia" || a.Source != "Tehran Times" {
		t.Errorf("got title %q slug %q source %q", a.Title, a.Slug, a.Source)
	}
	if want := time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC); !a.Date.Equal(want) {
		t.Errorf("date = %v, want %v", a.Date, want)
	}
	if got := strings.Join(a.People, "|"); got != "Ali Shamkhani|Nikolay Patrushev" {
		t.Errorf("people = %q: a repeated name (by slug) should collapse", got)
	}
	if got := strings.Join(a.Countries, "|"); got != "Iran" {
		t.Errorf("countries = %q: a single name is a list of one", got)
	}
	if a.BodyLine != 12 || strings.TrimSpace(string(a.Body)) != "Body text." {
		t.Errorf("body line %d body %q", a.BodyLine, a.Body)
	}
}

// A name's spaces are made single wherever it is written, in the first
// article that names it and in every one after (which find its spelling
// kept), so "South  Korea" and "South Korea" are one page and one chip.
func TestParseNameSpacing(t *testing.T) {
	for i, src := range []string{
		"---\ntitle: A\ndate: 2021-11-10\ncountries: [\"South  Korea\", \" Chad\"]\npeople: [\"Moon\tJae-in\"]\n---\n",
		"---\ntitle: B\ndate: 2021-11-11\ncountries: [\"South  Korea\", \" Chad\"]\npeople: [\"Moon\tJae-in\"]\n---\n",
	} {
		a, err := Parse("content/articles/a.md", []byte(src), time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(a.Countries, "|") + "/" + strings.Join(a.People, "|"); got != "South Korea|Chad/Moon Jae-in" {
			t.Errorf("article %d: names = %q, want South Korea|Chad/Moon Jae-in", i+1, got)
		}
	}
}

func TestParseTOMLAndJSON(t *testing.T) {
	for name, src := range map[string]string{
		"toml": "+++\ntitle = \"T\"\ndate = 2021-11-10\ncountries = [\"Iran\"]\n+++\nbody\n",
		"json": ";;;\n{\"title\": \"T\", \"date\": \"2021-11-10\", \"countries\": [\"Iran\"]}\n;;;\nbody\n",
	} {
		t.Run(name, func(t *testing.T) {
			a, err := Parse("content/a.md", []byte(src), time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != "T" || a.Date.Format("2006-01-02") != "2021-11-10" || len(a.Countries) != 1 {
				t.Errorf("got %+v", a.Metadata)
			}
		})
	}
}

// TestParseBad checks that each kind of bad file names the file, the line
// and the column a person must fix.
func TestParseBad(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // each a full error line
	}{
		{"no front matter", "Just text.\n",
			[]string{"content/x.md:1:1: no front matter: an article starts with a --- line, then title: and date:, then ---"}},
		{"unclosed front matter", "\n---\ntitle: T\ndate: 2021-11-10\nbody\n",
			[]string{`content/x.md:2:1: front matter opened with "---" is never closed`}},
		{"yaml syntax", "---\ntitle: T\ndate: 2021-11-10\npeople: [a, b\n---\n",
			[]string{`content/x.md:4:9: YAML syntax: this "[" is never closed`}},
		{"yaml indentation", "---\ntitle: T\n  date: 2021-11-10\n---\n",
			[]string{"content/x.md:3:3: YAML syntax: mapping values are not allowed in this context"}},
		{"tab in the indentation", "---\ntitle: T\n\tdate: 2021-11-10\n---\n",
			[]string{"content/x.md:3:1: YAML syntax: found a tab character that violates indentation"}},
		{"lone carriage return", "---\ntitle: T\rdate: 2021-11-10\n---\n",
			[]string{"content/x.md:2:9: a carriage return with no line feed after it (old Mac line endings), which YAML reads as a line break and these messages do not: save the file with LF or CRLF line endings"}},
		{"quote never closed", "---\ntitle: T\ndate: 2021-11-10\nsummary: \"never closed\n---\n",
			[]string{"content/x.md:4:10: YAML syntax: found unexpected end of stream"}},
		{"second colon on a line", "---\ntitle: T\ndate: 2021-11-10\npeople: a: b\n---\n",
			[]string{"content/x.md:4:10: YAML syntax: mapping values are not allowed in this context"}},
		{"missing title", "---\ndate: 2021-11-10\n---\n",
			[]string{"content/x.md:1:1: front matter: title is missing"}},
		{"missing date", "---\ntitle: T\n---\n",
			[]string{"content/x.md:1:1: front matter: date is missing (want date: YYYY-MM-DD)"}},
		{"impossible date", "---\ntitle: T\ndate: 2021-13-45\n---\n",
			[]string{`content/x.md:3:7: front matter: date "2021-13-45" is not a date (want YYYY-MM-DD or RFC 3339)`}},
		{"list given as number", "---\ntitle: T\ndate: 2021-11-10\ncountries: 42\n---\n",
			[]string{"content/x.md:4:12: front matter: countries must be a list of names, not the number 42"}},
		{"term slugs to nothing", "---\ntitle: T\ndate: 2021-11-10\ntopics:\n  - Security\n  - \"???\"\n---\n",
			[]string{`content/x.md:6:5: front matter: topics: "???" has no letters or digits to make a page name from`}},
		{"slug leaves output", "---\ntitle: T\ndate: 2021-11-10\nslug: ../../x\n---\n",
			[]string{`content/x.md:4:7: front matter: slug "../../x" would put the page outside articles/ (use letters, digits and hyphens)`}},
		{"url leaves output", "---\ntitle: T\ndate: 2021-11-10\nurl: ../../x\n---\n",
			[]string{`content/x.md:4:6: front matter: url "../../x" is not the original article's address (want https://…)`}},
		{"javascript url", "---\ntitle: T\ndate: 2021-11-10\nurl: \"javascript:alert(1)\"\n---\n",
			[]string{`content/x.md:4:6: front matter: url "javascript:alert(1)" is not the original article's address (want https://…)`}},
		{"empty file", "", []string{"content/x.md: file is empty (an article needs front matter with title and date)"}},
		{"blank file", "\n  \n", []string{"content/x.md: file is empty (an article needs front matter with title and date)"}},
		{"not utf-8", "---\ntitle: Caf\xe9\n---\n", []string{"content/x.md:2:11: not UTF-8 text (byte 0xE9); save the file as UTF-8"}},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", []string{"content/x.md:1:1: not UTF-8 text (byte 0x89); save the file as UTF-8"}},
		{"a NUL in UTF-8 text", "---\ntitle: Café\n---\nTalks \x00 resumed.\n", []string{"content/x.md:4:7: binary data (a NUL byte): not a Markdown article"}},
		{"every problem at once", "---\ntitle: [a]\ndate: soon\npeople: 3\ndraft: maybe\n---\n", []string{
			"content/x.md:2:8: front matter: title must be text, not a list",
			`content/x.md:3:7: front matter: date "soon" is not a date (want YYYY-MM-DD or RFC 3339)`,
			"content/x.md:4:9: front matter: people must be a list of names, not the number 3",
			`content/x.md:5:8: front matter: draft must be true or false, not "maybe"`,
		}},
		{"key twice", "---\ntitle: A\ndate: 2021-11-10\ntitle: B\n---\n",
			[]string{`content/x.md:4:1: "title" is given twice (first on line 2)`}},
		// Nesting this deep would take goldmark seconds to minutes.
		{"lists nested too deep", "---\ntitle: T\ndate: 2021-11-10\n---\n\n- a\n" + strings.Repeat(" ", 300) + "- b\n",
			[]string{"content/x.md:7:1: Markdown indented 300 columns deep (at most 256): flatten the nested lists"}},
		{"quotes nested too deep", "---\ntitle: T\ndate: 2021-11-10\n---\n\n" + strings.Repeat(">", 100) + " q\n",
			[]string{"content/x.md:6:1: Markdown quotes nested 100 deep (at most 64): flatten the quotes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("content/x.md", []byte(tc.src), time.UTC)
			var list generator.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("err = %v, want an ErrorList", err)
			}
			got := strings.Split(list.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadReportsEveryBadFile(t *testing.T) {
	dir := t.TempDir()
	good := "---\ntitle: Good\ndate: 2021-11-10\n---\n"
	write(t, dir, map[string]string{
		"content/articles/a.md":         good,
		"content/articles/2021/a.md":    "---\ntitle: Same slug\ndate: 2021-11-11\n---\n",
		"content/articles/bad.md":       "---\ntitle: Bad\ndate: 2021-13-45\n---\n",
		"content/articles/empty.md":     "",
		"content/articles/photo.jpg":    "\xff\xd8\xff\xe0\x00\x10JFIF",
		"content/articles/.a.md.swp":    "editor junk",
		"content/articles/draft.md":     "---\ntitle: Draft\ndate: 2021-11-12\ndraft: true\n---\n",
		"content/articles/b.md~":        "backup",
		"content/articles/newest.md":    "---\ntitle: Newest\ndate: 2021-11-20\n---\n",
		"content/articles/notes/#x.md#": "autosave",
	})
	articles, err := Load(dir, Options{Location: time.UTC})
	want := []string{
		`content/articles/2021/a.md: slug "a" is also the slug of content/articles/a.md: each article needs its own (rename a file or set slug:)`,
		`content/articles/a.md: slug "a" is also the slug of content/articles/2021/a.md: each article needs its own (rename a file or set slug:)`,
		`content/articles/bad.md:3:7: front matter: date "2021-13-45" is not a date (want YYYY-MM-DD or RFC 3339)`,
		"content/articles/empty.md: file is empty (an article needs front matter with title and date)",
		"content/articles/photo.jpg: not a Markdown file: content/ holds articles (.md); put images and other files in static/",
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("errors:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
	var titles []string
	for _, a := range articles {
		titles = append(titles, a.Title)
	}
	if got := strings.Join(titles, "|"); got != "Newest|Same slug|Good" {
		t.Errorf("articles = %q, want newest first and no draft", got)
	}
	withDrafts, _ := Load(dir, Options{Drafts: true, Location: time.UTC})
	if len(withDrafts) != 4 {
		t.Errorf("with drafts: %d articles, want 4", len(withDrafts))
	}
}

func TestLoadMissingContentDir(t *testing.T) {
	articles, err := Load(t.TempDir(), Options{})
	if err != nil || len(articles) != 0 {
		t.Errorf("Load of a site without content/ = %v, %v; want nothing and no error", articles, err)
	}
}
