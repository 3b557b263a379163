package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// TestServeSurvivesAFIFO makes a FIFO in content/ while serving: it is
// reported as not a regular file, and once removed the site builds again
// and later saves show (a FIFO used to wedge serve for good).
func TestServeSurvivesAFIFO(t *testing.T) {
	dir := copyExample(t)
	s := startServe(t, dir)
	fifo := filepath.Join(dir, "content", "articles", "2021", "f.md")
	errFrom := s.stderr.len()
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	s.stderr.wait(t, errFrom, regexp.MustCompile(`^content/articles/2021/f\.md: not a regular file`))
	from := s.stdout.len()
	if err := os.Remove(fifo); err != nil {
		t.Fatal(err)
	}
	s.stdout.wait(t, from, regexp.MustCompile(`^fixed: the site builds again$`))
	article := filepath.Join(dir, craneFile)
	writeFile(t, article, mustRead(t, article)+"\nSaved after the FIFO went.\n")
	s.stdout.wait(t, from, regexp.MustCompile(`at-least-107-killed-in-mecca-crane-collapse\.md changed`))
	if _, body := get(t, s.url+cranePage); !strings.Contains(body, "Saved after the FIFO went.") {
		t.Error("the page does not show a save made after the FIFO was removed")
	}
}
