package email_test

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// editionFiles give week 45 of siteFiles an issue file, and two more
// articles on one country, so the week has every part an edition
// arranges: a note, a lead, a featured story, a country with several
// articles and one alone in brief.
var editionFiles = map[string]string{
	"content/articles/baku.md": `---
title: "Baku opens a metro line"
date: 2021-11-09
countries: [Azerbaijan]
---
Body.
`,
	"content/articles/ganja.md": `---
title: "Ganja holds a book fair"
date: 2021-11-08
countries: [Azerbaijan]
---
Body.
`,
	"content/issues/2021-w45.md": `---
title: "A storm, a port and a pipeline"
lead: izmir
featured: [caspian]
---
The storm that shut *Izmir* for three days was the week's story; see
[Türkiye's page](/countries/turkiye/) and [the accord](../../articles/ankara/),
and not [this](javascript:alert(1)).

- shipping resumed on Wednesday
- the ferries on Thursday
`,
}

// An issue with an edition file mails as its page shows it: the number
// and headline, the editor's note, the lead story, the featured one, the
// rest by country, then the week in brief, in both parts.
func TestEdition(t *testing.T) {
	out := buildSite(t, editionFiles)
	m := parseEML(t, readFile(t, out, "issues/2021-w45/2021-w45.eml"))
	subject, err := new(mime.WordDecoder).DecodeHeader(m.header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "A storm, a port and a pipeline · Straits & Steppe Weekly"; subject != want {
		t.Errorf("Subject %q, want %q", subject, want)
	}
	if len(m.parts) != 2 {
		t.Fatalf("%d parts", len(m.parts))
	}
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }
	text := string(crlf(m.parts[0].body))
	if text != string(readFile(t, out, "issues/2021-w45/email.txt")) {
		t.Error("the text part differs from email.txt")
	}
	doc, err := html.Parse(bytes.NewReader(m.parts[1].body))
	if err != nil {
		t.Fatal(err)
	}
	// What a reader of the HTML sees, as one line of words.
	page := strings.Join(strings.Fields(strings.ReplaceAll(textOf(doc), "\u00a0", " ")), " ")

	// In reading order; the note's words in the text part are wrapped.
	order := []string{
		"No. 2 · Week 45 · 8–14 November 2021",
		"A storm, a port and a pipeline",
		"The storm that shut Izmir for three days",
		"Izmir port reopens after storm",
		"A quiet week on the Caspian",
		"Baku opens a metro line",
		"In brief",
		"Ankara and Baku sign a <b>gas</b> accord",
	}
	words := strings.Join(strings.Fields(text), " ")
	for part, s := range map[string]string{"text": words, "HTML": page} {
		// Each after the one before (the HTML's <title> comes first).
		rest := strings.ToLower(s)
		for _, want := range order {
			w := strings.ToLower(want)
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("the %s part lacks %q after what precedes it in the issue", part, want)
				continue
			}
			rest = rest[i+len(w):]
		}
	}
	for _, want := range []string{"LEAD STORY", "FEATURED", "AZERBAIJAN (2 articles)", "IN BRIEF", "* Türkiye: Ankara and Baku sign a <b>gas</b> accord · Anadolu"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text part lacks %q", want)
		}
	}

	// The note is Markdown: rendered in the HTML, its links absolute; in
	// the text, plain words with each address listed after the note.
	html := string(m.parts[1].body)
	for _, want := range []string{
		`<em>Izmir</em>`,
		`<a href="` + regexp.QuoteMeta(baseURL+"countries/turkiye/") + `"[^>]*>Türkiye's page</a>`,
		`<a href="` + regexp.QuoteMeta(baseURL+"articles/ankara/") + `"[^>]*>the accord</a>`,
		`<li[^>]*>shipping resumed on Wednesday</li>`,
	} {
		if !regexp.MustCompile(want).MatchString(html) {
			t.Errorf("the HTML note lacks %s", want)
		}
	}
	for _, want := range []string{
		"Türkiye's page [1] and the accord [2], and not this.",
		"\n[1] " + baseURL + "countries/turkiye/\n[2] " + baseURL + "articles/ankara/\n",
		"\n* shipping resumed on Wednesday\n* the ferries on Thursday\n",
	} {
		if !strings.Contains(text, want) && !strings.Contains(words, want) {
			t.Errorf("the text note lacks %q", want)
		}
	}
	for part, s := range map[string]string{"text": text, "HTML": html} {
		if strings.Contains(s, "javascript:") || strings.Contains(s, "*Izmir*") {
			t.Errorf("the %s part keeps the note's markup or its script link", part)
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		if len([]rune(line)) > 72 && !strings.Contains(line, "https://") {
			t.Errorf("text line of %d characters, want at most 72: %q", len([]rune(line)), line)
		}
	}

	// The week before has no issue file: no note, no lead, only its number.
	prev := string(readFile(t, out, "issues/2021-w44/email.txt"))
	if !strings.HasPrefix(prev, "Straits & Steppe Weekly · No. 1\nWeek 44 · 1–7 November 2021\n") {
		t.Errorf("the week without an edition begins %q", prev[:min(len(prev), 80)])
	}
	for _, s := range []string{"FROM THE EDITOR", "LEAD STORY", "IN BRIEF"} {
		if strings.Contains(prev, s) {
			t.Errorf("the week without an edition has %s", s)
		}
	}
}
