package content

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

func TestParseEdition(t *testing.T) {
	ed, err := ParseEdition("content/issues/2021-w45.md", []byte(`---
title: "Afghanistan's neighbours meet in Delhi"   # the page's headline
lead: iran-russia-stress-cooperation
featured: [delhi-dialogue, ankara-talks]
published: false
---
The security chiefs met in **Delhi**.
`))
	if err != nil {
		t.Fatal(err)
	}
	if ed.Week != "2021-w45" || ed.Title != "Afghanistan's neighbours meet in Delhi" {
		t.Errorf("week %q, title %q", ed.Week, ed.Title)
	}
	if ed.Lead.Slug != "iran-russia-stress-cooperation" || ed.Lead.Line != 3 || ed.Lead.Col != 7 {
		t.Errorf("lead = %+v, want the slug at 3:7", ed.Lead)
	}
	if len(ed.Featured) != 2 || ed.Featured[1].Slug != "ankara-talks" || ed.Featured[1].Line != 4 || ed.Featured[1].Col != 28 {
		t.Errorf("featured = %+v, want two slugs, the second at 4:28", ed.Featured)
	}
	if ed.Published == nil || *ed.Published {
		t.Errorf("published = %v, want false", ed.Published)
	}
	if string(ed.Note) != "The security chiefs met in **Delhi**.\n" || ed.NoteLine != 7 {
		t.Errorf("note %q at line %d", ed.Note, ed.NoteLine)
	}
}

func TestParseEditionDefaults(t *testing.T) {
	for name, text := range map[string]string{
		"empty":          "",
		"a note alone":   "Nothing but a note.\n",
		"no keys at all": "---\n---\nA note.\n",
	} {
		t.Run(name, func(t *testing.T) {
			ed, err := ParseEdition("content/issues/2021-w45.md", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if ed.Title != "" || ed.Lead.Slug != "" || ed.Featured != nil || ed.Published != nil {
				t.Errorf("got %+v, want every key unset", ed)
			}
			if name == "a note alone" && string(ed.Note) != text {
				t.Errorf("note = %q, want the whole file", ed.Note)
			}
		})
	}
}

// TestEditionErrors checks that each mistake is reported at its place in
// the file, and all of a file's mistakes at once.
func TestEditionErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		want             []string
	}{
		{"unknown key", "content/issues/2021-w45.md", "---\ntitle: x\ncolour: red\n---\n",
			[]string{`content/issues/2021-w45.md:3:1: issue file: unknown key "colour"`}},
		{"published is not a bool", "content/issues/2021-w45.md", "---\npublished: soon\n---\n",
			[]string{`content/issues/2021-w45.md:2:12: issue file: published must be true or false`}},
		{"featured is not a list", "content/issues/2021-w45.md", "---\nfeatured: {a: b}\n---\n",
			[]string{`content/issues/2021-w45.md:2:11: issue file: featured must be a list of names`}},
		{"lead is a list", "content/issues/2021-w45.md", "---\nlead: [a, b]\n---\n",
			[]string{`content/issues/2021-w45.md:2:7: issue file: lead must be text`}},
		{"file name not a week", "content/issues/week45.md", "---\ntitle: x\n---\n",
			[]string{`content/issues/week45.md:1:1: the file name "week45.md" is not a week`}},
		{"week 54", "content/issues/2021-w54.md", "",
			[]string{`content/issues/2021-w54.md:1:1: the file name "2021-w54.md" is not a week`}},
		{"two mistakes", "content/issues/2021-w45.md", "---\npublished: 1\nteaser: x\n---\n",
			[]string{`content/issues/2021-w45.md:2:12: issue file: published must be true or false`, `content/issues/2021-w45.md:3:1: issue file: unknown key "teaser"`}},
		{"YAML syntax", "content/issues/2021-w45.md", "---\ntitle: \"open\n---\n",
			[]string{`content/issues/2021-w45.md:3:1: YAML syntax`}},
		{"never closed", "content/issues/2021-w45.md", "---\ntitle: x\n",
			[]string{`content/issues/2021-w45.md:1:1: front matter opened with "---" is never closed`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseEdition(tc.file, []byte(tc.text))
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(lines), len(tc.want), err)
			}
			for i, want := range tc.want {
				if !strings.HasPrefix(lines[i], want) {
					t.Errorf("error %d = %q, want it to start %q", i+1, lines[i], want)
				}
			}
		})
	}
}

// TestEditionsAreNotArticles checks that content/issues/ is read as
// editions, never as articles, by a whole walk and by one changed file.
func TestEditionsAreNotArticles(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/articles/a.md", "---\ntitle: A\ndate: 2021-11-10\n---\nText.\n")
	write("content/issues/2021-w45.md", "---\nlead: a\n---\nA note.\n")
	write("content/issues/2021-w44.md", "A note alone.\n")
	write("content/issues/.2021-w45.md.swp", "editor's swap file")

	files, errs := Files(dir)
	if len(errs) != 0 || !slices.Equal(files, []string{"content/articles/a.md"}) {
		t.Errorf("article files = %v (errors %v), want only content/articles/a.md", files, errs)
	}
	if article, err := Classify("content/issues/2021-w45.md"); article || err != nil {
		t.Errorf("Classify(edition) = %v, %v; want no article and no error", article, err)
	}
	eds, err := LoadEditions(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(eds) != 2 || eds[0].Week != "2021-w44" || eds[1].Week != "2021-w45" || eds[1].Lead.Slug != "a" {
		t.Errorf("editions = %+v, want weeks 44 and 45, 45 leading with a", eds)
	}

	write("content/issues/notes.txt", "not an edition")
	if _, err := LoadEditions(dir); err == nil || !strings.Contains(err.Error(), "content/issues/notes.txt") {
		t.Errorf("a text file in content/issues gave %v, want it named", err)
	}
	if eds, err := LoadEditions(t.TempDir()); eds != nil || err != nil {
		t.Errorf("a site without content/issues gave %v, %v; want nothing", eds, err)
	}
}

// FuzzParseEdition feeds ParseEdition any bytes: it must never panic,
// every error must name the file at a line it has, and every slug it
// accepts must be placed on one of the file's lines.
func FuzzParseEdition(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\nlead: a\nfeatured: [b, c]\npublished: false\n---\nNote.\n",
		"Only a note.\n",
		"---\nfeatured: b\n---\n",
		"---\nlead: [\n---\n",
		"+++\nlead = \"a\"\n+++\n",
		"{\"lead\": \"a\", \"featured\": [\"b\"]}\nnote\n",
		"---\nlead: &a [*a]\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ed, err := ParseEdition("content/issues/2021-w45.md", data)
		if err != nil {
			errorsInFile(t, err, "content/issues/2021-w45.md", data)
			return
		}
		lines := 1 + bytes.Count(data, []byte("\n"))
		refs := append([]generator.EditionRef{ed.Lead}, ed.Featured...)
		for i, r := range refs {
			if (i > 0 || r.Slug != "") && (r.Line < 1 || r.Line > lines) {
				t.Fatalf("slug %q placed on line %d of %d", r.Slug, r.Line, lines)
			}
		}
	})
}
