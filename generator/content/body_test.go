package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBodiesLeftOnDisk loads a site whose bodies do not fit the memory
// allowed: each body is let go and read back whole from its file, and a
// file edited since it was loaded is an error naming it, not a page with
// old front matter over new text.
func TestBodiesLeftOnDisk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"content/articles/a.md": "---\ntitle: A\ndate: 2021-11-10\n---\nFirst body, with **Markdown**.\n",
		"content/articles/b.md": "+++\ntitle = \"B\"\ndate = 2021-11-11\n+++\nSecond body.\n",
	})
	articles, err := Load(dir, Options{Location: time.UTC, BodyMemory: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"content/articles/a.md": "First body, with **Markdown**.\n", "content/articles/b.md": "Second body.\n"}
	for _, a := range articles {
		if a.Body != nil {
			t.Errorf("%s kept its body in memory with 1 byte allowed", a.File)
		}
		got, err := a.ReadBody()
		if err != nil || string(got) != want[a.File] {
			t.Errorf("%s: ReadBody = %q, %v; want %q", a.File, got, err, want[a.File])
		}
	}
	p := filepath.Join(dir, "content/articles/a.md")
	if err := os.WriteFile(p, []byte("---\ntitle: A\ndate: 2021-11-10\n---\nFirst body, edited.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		_, err := a.ReadBody()
		if a.File == "content/articles/a.md" && (err == nil || !strings.Contains(err.Error(), "content/articles/a.md: the file changed")) {
			t.Errorf("reading an edited body gave %v", err)
		}
		if a.File == "content/articles/b.md" && err != nil {
			t.Errorf("an unedited body: %v", err)
		}
	}

	// Bodies that fit stay in memory.
	articles, err = Load(dir, Options{Location: time.UTC, BodyMemory: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		if a.Body == nil {
			t.Errorf("%s let go of its body with a megabyte allowed", a.File)
		}
	}
}

// TestBodiesLeftWhileReading loads a site whose bodies fit the memory
// allowed only in part: the bodies read after the limit was passed are let
// go at once, while the files are still being read, and the ones read
// before once all are; every body still reads back whole.
func TestBodiesLeftWhileReading(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	want := map[string]string{}
	for i := range 40 {
		name := fmt.Sprintf("content/articles/a%02d.md", i)
		body := fmt.Sprintf("Body of article %d, %s.\n", i, strings.Repeat("words ", 10))
		files[name] = fmt.Sprintf("---\ntitle: A%d\ndate: 2021-11-%02d\n---\n%s", i, 1+i%28, body)
		want[name] = body
	}
	write(t, dir, files)
	// Ten bodies fit, forty do not.
	limit := int64(10 * len(want["content/articles/a00.md"]))

	names, _ := Files(dir)
	b := &bodyBudget{siteDir: dir, limit: limit, left: make([]bool, len(names))}
	read, errs := readAll(dir, names, time.UTC, b)
	var during int
	for i, a := range read {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if b.left[i] {
			during++
			if a.Body != nil {
				t.Errorf("%s is marked left but holds its body", a.File)
			}
		}
	}
	if during < 25 || during > 31 {
		t.Errorf("%d of 40 bodies were let go while reading, want the 30 or so past the limit", during)
	}

	articles, err := Load(dir, Options{Location: time.UTC, BodyMemory: limit})
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 40 {
		t.Fatalf("loaded %d articles, want 40", len(articles))
	}
	for _, a := range articles {
		if a.Body != nil {
			t.Errorf("%s kept its body though the site's bodies do not fit", a.File)
		}
		got, err := a.ReadBody()
		if err != nil || string(got) != want[a.File] {
			t.Errorf("%s: ReadBody = %q, %v; want %q", a.File, got, err, want[a.File])
		}
	}
}

// TestDraftBodiesDoNotCount: a build without drafts drops them, so their
// bodies do not push the site's over the limit.
func TestDraftBodiesDoNotCount(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"content/articles/a.md":     "---\ntitle: A\ndate: 2021-11-10\n---\nShort.\n",
		"content/articles/draft.md": "---\ntitle: D\ndate: 2021-11-11\ndraft: true\n---\n" + strings.Repeat("A long draft. ", 100) + "\n",
	})
	articles, err := Load(dir, Options{Location: time.UTC, BodyMemory: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 1 || articles[0].Body == nil {
		t.Fatalf("without drafts, the published article's body should stay in memory: %+v", articles)
	}
	articles, err = Load(dir, Options{Location: time.UTC, BodyMemory: 100, Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		if a.Body != nil {
			t.Errorf("with drafts, %s kept its body though the bodies do not fit", a.File)
		}
		if got, err := a.ReadBody(); err != nil || len(got) == 0 {
			t.Errorf("%s: ReadBody = %q, %v", a.File, got, err)
		}
	}
}
