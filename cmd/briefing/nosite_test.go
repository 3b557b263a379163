package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoSiteHere runs build and check in an empty folder: both fail,
// say there is no site and how to make one, and write nothing.
func TestNoSiteHere(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range []string{"build", "check"} {
		code, stdout, stderr := briefing(t, cmd, "-s", dir)
		if code == 0 {
			t.Errorf("%s in an empty folder exited 0: %s", cmd, stdout)
		}
		for _, want := range []string{"no site here", "briefing new site"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd, want, stderr)
			}
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the empty folder now holds %d entries", len(entries))
	}
}

// TestBuildKeepsAUsersFolder builds into a folder of the user's that
// holds an index.html and notes: the build fails and the notes stay.
func TestBuildKeepsAUsersFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), "---\ntitle: A\ndate: 2021-11-10\n---\nBody.\n")
	writeFile(t, filepath.Join(dir, "d", "index.html"), "mine")
	writeFile(t, filepath.Join(dir, "d", "notes.txt"), "my notes")
	code, _, stderr := briefing(t, "build", "-s", dir, "-d", "d")
	if code == 0 || !strings.Contains(stderr, "briefing did not make it") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if got := mustRead(t, filepath.Join(dir, "d", "notes.txt")); got != "my notes" {
		t.Errorf("notes.txt = %q", got)
	}
}
