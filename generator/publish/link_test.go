package publish

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteNeverWritesIntoALinkedFile stages a page as a hard link to the
// published one, then writes the same path again (as a static file over
// a rendered one is): the published page must keep its bytes until the
// swap, and a failed build must leave it as it was.
func TestWriteNeverWritesIntoALinkedFile(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := publishSite(t, dest, "the good site"); err != nil {
		t.Fatal(err)
	}
	live := filepath.Join(dest, "index.html")

	for _, commit := range []bool{false, true} {
		s, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Link("index.html"); err != nil {
			t.Fatal(err)
		}
		if err := s.Write("index.html", []byte("a new version")); err != nil {
			t.Fatal(err)
		}
		if got := mustRead(t, live); got != "the good site" {
			t.Fatalf("writing the staged file changed the published one to %q", got)
		}
		if !commit {
			if err := s.Abort(); err != nil {
				t.Fatal(err)
			}
			if got := mustRead(t, live); got != "the good site" {
				t.Fatalf("after a failed build the site reads %q", got)
			}
			continue
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := mustRead(t, live); got != "a new version" {
			t.Errorf("after the swap the site reads %q", got)
		}
	}
}

// TestLinkedFileSurvivesTheOldSite: a page carried over by Link is the
// same bytes after the old site is deleted, and shares nothing a later
// Write could reach.
func TestLinkedFileSurvivesTheOldSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write("a/b/index.html", []byte("kept page")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(dest, "a/b/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s, err = Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Link("a/b/index.html"); err != nil {
		t.Fatal(err)
	}
	if err := s.Link("gone.html"); err == nil {
		t.Error("linking a file the published site lacks did not fail")
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(filepath.Join(dest, "a/b/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, filepath.Join(dest, "a/b/index.html")); got != "kept page" {
		t.Errorf("the linked page reads %q", got)
	}
	if !os.SameFile(before, after) {
		t.Error("the page was copied, not linked, on a file system with hard links")
	}
	if _, err := os.Stat(filepath.Join(dest, "gone.html")); err == nil {
		t.Error("a failed link left a file")
	}
}

// TestLinkCopiesWithoutHardLinks: where the file system refuses hard
// links, Link stages a copy, and the published page is untouched.
func TestLinkCopiesWithoutHardLinks(t *testing.T) {
	defer func(l func(string, string) error) { hardLink = l }(hardLink)
	hardLink = func(string, string) error { return &os.LinkError{Op: "link", Err: errors.ErrUnsupported} }
	dest := filepath.Join(t.TempDir(), "public")
	if err := publishSite(t, dest, "the page"); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Link("index.html"); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, filepath.Join(dest, "index.html")); got != "the page" {
		t.Errorf("the copied page reads %q", got)
	}
	if os.SameFile(before, after) {
		t.Error("the page was linked although links were refused")
	}
}
