package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
)

// parseFile writes data to a file called name, reads it back with
// ReadFile and parses it, as the import command does.
func parseFile(t *testing.T, name string, data []byte) *Document {
	t.Helper()
	d, err := Parse(name, readBack(t, name, data))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return d
}

// parseError is parseFile for input that must be refused; it returns the
// positioned error.
func parseError(t *testing.T, name string, data []byte) *generator.Error {
	t.Helper()
	d, err := Parse(name, readBack(t, name, data))
	if err == nil {
		t.Fatalf("Parse(%s) = %+v, want an error", name, d)
	}
	return asPositioned(t, err, name)
}

func readBack(t *testing.T, name string, data []byte) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := ReadFile(path)
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", name, err)
	}
	return back
}

func asPositioned(t *testing.T, err error, file string) *generator.Error {
	t.Helper()
	var e *generator.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %q is a %T, want a *generator.Error", err, err)
	}
	if e.File != file {
		t.Errorf("error names file %q, want %q", e.File, file)
	}
	return e
}

func testdata(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// paragraphs are the blocks of a Markdown body.
func paragraphs(body string) []string {
	body = strings.TrimSpace(body)
	if body == "" {
		return nil
	}
	return strings.Split(body, "\n\n")
}

// rendered is what a reader sees of Markdown as the site renders it: its
// HTML, through the same Markdown dialect (GitHub's, with footnotes).
func rendered(t *testing.T, md string) string {
	t.Helper()
	var out bytes.Buffer
	conv := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	if err := conv.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// renderedText is the text a reader sees of Markdown, without the markup.
func renderedText(t *testing.T, md string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(rendered(t, md)))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(textOf(doc)), " ")
}

func assertAbsent(t *testing.T, body string, unwanted ...string) {
	t.Helper()
	for _, u := range unwanted {
		if strings.Contains(strings.ToLower(body), strings.ToLower(u)) {
			t.Errorf("body contains %q:\n%s", u, body)
		}
	}
}

func assertPresent(t *testing.T, body string, wanted ...string) {
	t.Helper()
	for _, w := range wanted {
		if !strings.Contains(body, w) {
			t.Errorf("body lacks %q:\n%s", w, body)
		}
	}
}
