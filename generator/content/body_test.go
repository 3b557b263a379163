package content

import (
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
