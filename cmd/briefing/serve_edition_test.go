package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestServePreviewsTheCurrentWeek checks what an editor sees in serve: the
// week holding the newest article on the home page, under the banner that
// says it is not published; writing its issue file (in a folder made
// while serving) publishes it, and the banner goes.
func TestServePreviewsTheCurrentWeek(t *testing.T) {
	dir := copyExample(t)
	s := startServe(t, dir)
	const banner = "this issue is not published"
	_, home := get(t, s.url)
	if !strings.Contains(home, "Week 8 · 20–26 February 2023") || !strings.Contains(home, banner) {
		t.Fatalf("home does not preview week 8 of 2023 under the banner")
	}

	edition := filepath.Join(dir, "content/issues/2023-w08.md")
	if err := os.MkdirAll(filepath.Dir(edition), 0o755); err != nil {
		t.Fatal(err)
	}
	from := s.stdout.len()
	writeFile(t, edition, "---\ntitle: \"Britain speeds up asylum claims\"\n---\nA note from the editor.\n")
	// The new folder and the file may come as one rebuild or two.
	changed := regexp.MustCompile(`^content/issues.* changed: `)
	for range 2 {
		_, from = s.stdout.wait(t, from, changed)
		if _, home = get(t, s.url); strings.Contains(home, "A note from the editor.") {
			break
		}
	}
	if !strings.Contains(home, "Britain speeds up asylum claims") || !strings.Contains(home, "A note from the editor.") {
		t.Errorf("home does not show the issue file's title and note")
	}
	if strings.Contains(home, banner) {
		t.Errorf("the published week still carries the preview banner")
	}
}
