package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

// TestBuildLongNames builds a site whose article has a slug and a person
// whose names are far over the 255 bytes a file name may have: the build
// succeeds, and the pages are at shortened addresses.
func TestBuildLongNames(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("very-long-slug-", 30)
	person := strings.Repeat("Maria Example ", 30)
	writeFile(t, filepath.Join(dir, "content/articles/a.md"),
		"---\ntitle: A\ndate: 2021-11-10\nslug: "+long+"\npeople: ["+person+"]\n---\nBody.\n")
	code, _, stderr := briefing(t, "build", "-s", dir)
	if code != 0 {
		t.Fatalf("build failed:\n%s", stderr)
	}
	for _, p := range []string{
		filepath.Join(dir, "public", "articles", generator.Slugify(long), "index.html"),
		filepath.Join(dir, "public", "people", generator.Slugify(person), "index.html"),
	} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("no page: %v", err)
		}
	}
}
