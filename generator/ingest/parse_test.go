package ingest

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

func TestRefusedInput(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	for _, tc := range []struct {
		name      string
		data      []byte
		msg       string
		line, col int
	}{
		{"empty.txt", nil, "empty file", 0, 0},
		{"blank.md", []byte(" \n\t\r\n\n"), "empty file", 0, 0},
		{"photo.html", png, "image/png", 0, 0},
		{"stray-nul.txt", []byte("Headline\n\nA paragraph with a\x00 NUL in it.\n"), "binary", 3, 19},
		{"controls.txt", bytes.Repeat([]byte("\x01\x02\x03\x04ab"), 100), "control characters", 0, 0},
		{"report.txt", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "application/pdf", 0, 0},
		{"oversized.txt", make([]byte, MaxSize+1), "too large", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Parse is given the bytes here, as it is for standard
			// input; ReadFile's own refusals are tested with it.
			_, err := Parse(tc.name, tc.data)
			if err == nil {
				t.Fatal("no error")
			}
			e := asPositioned(t, err, tc.name)
			if !strings.Contains(e.Msg, tc.msg) || e.Line != tc.line || e.Col != tc.col {
				t.Errorf("error = %q at %d:%d, want %q at %d:%d", e.Msg, e.Line, e.Col, tc.msg, tc.line, tc.col)
			}
		})
	}
}

func TestKindByNameAndContent(t *testing.T) {
	const (
		text     = "Gulf states meet in Riyadh\n\nDefence ministers met in Riyadh on Sunday to discuss air defence.\n"
		markdown = "---\ntitle: Gulf states meet\n---\nDefence ministers met in Riyadh on Sunday.\n"
		heading  = "# Gulf states meet in Riyadh\n\nDefence ministers met in Riyadh on Sunday.\n"
	)
	htmlPage := string(page("", ""))
	for _, tc := range []struct {
		name, data, kind string
	}{
		{"a.txt", text, KindText},
		{"a.TXT", text, KindText},
		{"a.html", htmlPage, KindHTML},
		{"a.htm", htmlPage, KindHTML},
		{"a.md", markdown, KindMarkdown},
		{"a.markdown", heading, KindMarkdown},
		{"-", text, KindText},
		{"-", htmlPage, KindHTML},
		{"-", "\n  <!doctype HTML>" + htmlPage[len("<!DOCTYPE html>"):], KindHTML},
		{"-", markdown, KindMarkdown},
		{"-", heading, KindMarkdown},
		{"article", "#IStandWithAhmed trended\n\nThe hashtag spread across the region on Monday.\n", KindText},
		{"page.txt", htmlPage, KindText},
	} {
		t.Run(tc.name+" "+tc.kind, func(t *testing.T) {
			d, err := Parse(tc.name, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != tc.kind {
				t.Errorf("Kind = %q, want %q", d.Kind, tc.kind)
			}
		})
	}
}

// The import command parses many files at once.
func TestParseConcurrently(t *testing.T) {
	inputs := map[string][]byte{
		"seed.txt":          testdata(t, "seed-article.txt"),
		"news-jsonld.html":  testdata(t, "html/news-jsonld.html"),
		"graph-jsonld.html": testdata(t, "html/graph-jsonld.html"),
		"hostile.html":      testdata(t, "html/hostile.html"),
	}
	want := map[string]string{}
	for name, data := range inputs {
		d, err := Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = d.Body
	}
	var wg sync.WaitGroup
	for range 4 {
		for name, data := range inputs {
			wg.Go(func() {
				d, err := Parse(name, data)
				if err != nil {
					t.Error(err)
					return
				}
				if d.Body != want[name] {
					t.Errorf("%s parsed concurrently differs from parsed alone", name)
				}
			})
		}
	}
	wg.Wait()
}

func TestNoBreakSpacesBecomeSpaces(t *testing.T) {
	d, err := Parse("a.txt", []byte("Talks\u00a0resume\n\nOfficials\u00a0met in\u202fDoha on Monday to discuss the border and trade.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Talks resume" || !strings.Contains(d.Body, "Officials met in Doha") {
		t.Errorf("title %q body %q", d.Title, d.Body)
	}
}
