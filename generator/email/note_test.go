package email_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/email"
	"github.com/briefing-digest/briefing/generator/render"
	"github.com/briefing-digest/briefing/templates"
)

// noteRenderer is a Renderer with the built-in template and the site's
// Markdown, raw HTML allowed or not.
func noteRenderer(t testing.TB, unsafe bool) *email.Renderer {
	t.Helper()
	cfg := generator.DefaultConfig()
	cfg.BaseURL = baseURL
	cfg.UnsafeHTML = unsafe
	r, err := email.Load(cfg, templates.FS, render.Markdown(&cfg))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// noteIssue is a week with nothing but an edition file holding note.
func noteIssue(note string) *generator.Issue {
	return &generator.Issue{Slug: "2021-w45", Title: "Week 45", Headline: "Week 45", Number: 1,
		Edition: &generator.Edition{File: "content/issues/2021-w45.md", Note: []byte(note), NoteLine: 5}}
}

// plainNote is the note as the text part has it.
func plainNote(t *testing.T, r *email.Renderer, note string) string {
	t.Helper()
	m, err := r.Render(noteIssue(note))
	if err != nil {
		t.Fatal(err)
	}
	text := m.Text
	_, rest, ok := bytes.Cut(text, []byte("FROM THE EDITOR\n---------------\n\n"))
	if !ok {
		t.Fatalf("no note in %s", text)
	}
	note, _, _ = strings.Cut(string(rest), "\n-- \n")
	return note
}

// What editors write besides paragraphs reads as plain text: numbered
// and nested lists, code as written, tables, footnotes, images, entities
// and escapes; raw HTML is dropped unless the site allows it.
func TestPlainNote(t *testing.T) {
	const src = "Intro with a\nhard break.  \nAfter it.\n\n" +
		"3. third\n4. fourth\n   - inner\n\nThen code:\n\n" +
		"    code  kept  as is\n\n" +
		"| Country | Articles |\n|---|---|\n| Iran | 2 |\n\n" +
		"> Quoted, and [linked](https://example.com/q).\n\n" +
		"A note[^n] and <b>bold</b> and a ![map](/img/map.png).\n\n[^n]: The footnote.\n\n" +
		"End &amp; done \\*not emphasis\\*, [again](https://example.com/q).\n"
	got := plainNote(t, noteRenderer(t, false), src)
	want := `Intro with a hard break. After it.

3. third
4. fourth
   * inner

Then code:

    code  kept  as is

Country | Articles
Iran | 2

> Quoted, and linked [1].

A note(1) and bold and a map [2].

End & done *not emphasis*, again [1].

(1) The footnote.

[1] https://example.com/q
[2] ` + baseURL + `img/map.png
`
	if got != want {
		t.Errorf("plain note:\n%s\nwant:\n%s", got, want)
	}
}

// No note makes the email fail, panic or hang, and the same note makes
// the same email.
func FuzzNote(f *testing.F) {
	for _, s := range []string{
		"", "plain", "*a* [b](/c) <https://d.example/> <x@example.org>", "> q\n> > qq\n\n- a\n  - b\n    1. c",
		"```go\nx := 1\n```", "| a | b |\n|---|---|\n| 1 | 2 |", "x[^1]\n\n[^1]: y\n\n    z",
		"<script>alert(1)</script>\n\n[x](javascript:alert(1))", "- [ ] task\n- [x] done", "***\n---\n# H\n## H2\nSetext\n===",
		"[a](%zz) [b](<p q>) ![](<>) [c](//other.example/x) [d](#frag) [e](mailto:a@b.example)",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	safe, unsafe := noteRenderer(f, false), noteRenderer(f, true)
	f.Fuzz(func(t *testing.T, src string, allowHTML bool) {
		r := safe
		if allowHTML {
			r = unsafe
		}
		is := noteIssue(src)
		m, err := r.Render(is)
		if err != nil {
			t.Fatal(err)
		}
		text, page := m.Text, m.HTML
		again, err := r.Render(is)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(text, again.Text) || len(page) == 0 {
			t.Error("the same note made different text")
		}
	})
}
