package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// publishSite publishes one page saying body to dest.
func publishSite(t *testing.T, dest, body string) error {
	t.Helper()
	s, err := Begin(dest)
	if err != nil {
		return err
	}
	if err := s.Write("index.html", []byte(body)); err != nil {
		return errors.Join(err, s.Abort())
	}
	return s.Commit()
}

// TestRefusesAFolderItDidNotMake gives publish a folder of the user's
// that happens to hold an index.html: it is left alone, notes and all.
func TestRefusesAFolderItDidNotMake(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "d")
	writeFile(t, filepath.Join(dest, "index.html"), "my own page")
	writeFile(t, filepath.Join(dest, "notes.txt"), "my notes")
	err := publishSite(t, dest, "built")
	if err == nil || !strings.Contains(err.Error(), "briefing did not make it") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if mustRead(t, filepath.Join(dest, "notes.txt")) != "my notes" || mustRead(t, filepath.Join(dest, "index.html")) != "my own page" {
		t.Error("the user's folder was changed")
	}
}

// TestReplacesItsOwnSite publishes twice: the second build replaces the
// first because the first left its marker.
func TestReplacesItsOwnSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	for _, body := range []string{"first", "second"} {
		if err := publishSite(t, dest, body); err != nil {
			t.Fatal(err)
		}
		if got := mustRead(t, filepath.Join(dest, "index.html")); got != body {
			t.Errorf("index.html = %q, want %q", got, body)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		t.Errorf("no marker: %v", err)
	}
}

// TestClearsWhatKilledRunsLeft lays out what runs killed at each moment
// leave beside public/ and checks the next run removes it all, putting
// back the .git a killed run had carried away.
func TestClearsWhatKilledRunsLeft(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	if err := publishSite(t, dest, "old"); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, ".public.tmp-111", "index.html"), "half a site")
	writeFile(t, filepath.Join(root, ".public.tmp-222", ".git", "HEAD"), "ref: refs/heads/gh-pages\n")
	writeFile(t, filepath.Join(root, ".public.tmp-333.old", "index.html"), "an older site")
	writeFile(t, filepath.Join(root, ".other.tmp-1", "keep"), "not ours")
	if err := publishSite(t, dest, "new"); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != ".other.tmp-1 public" {
		t.Errorf("beside public/: %s", got)
	}
	if got := mustRead(t, filepath.Join(dest, ".git", "HEAD")); !strings.Contains(got, "gh-pages") {
		t.Errorf("the carried .git was not put back: %q", got)
	}
	if got := mustRead(t, filepath.Join(dest, "index.html")); got != "new" {
		t.Errorf("index.html = %q", got)
	}
}

// TestRestoresASiteMovedAside covers a kill between the two renames of
// the fallback swap: public/ is missing and the old site is beside it.
func TestRestoresASiteMovedAside(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	writeFile(t, filepath.Join(root, ".public.tmp-9.old", Marker), markerText)
	writeFile(t, filepath.Join(root, ".public.tmp-9.old", ".git", "HEAD"), "ref\n")
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if mustRead(t, filepath.Join(dest, ".git", "HEAD")) != "ref\n" {
		t.Error("the site moved aside was not put back")
	}
}

// TestGitSurvivesAFailedSwap makes the swap fail: public/.git must be
// where it was, and the old site untouched.
func TestGitSurvivesAFailedSwap(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := publishSite(t, dest, "old"); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dest, ".git", "HEAD"), "ref: refs/heads/gh-pages\n")
	swapSites = func(string, string) (string, error) { return "", errors.New("disk on fire") }
	defer func() { swapSites = swap }()
	if err := publishSite(t, dest, "new"); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("err = %v, want the swap's failure", err)
	}
	if got := mustRead(t, filepath.Join(dest, ".git", "HEAD")); !strings.Contains(got, "gh-pages") {
		t.Errorf(".git after a failed swap: %q", got)
	}
	if got := mustRead(t, filepath.Join(dest, "index.html")); got != "old" {
		t.Errorf("index.html = %q, want the old site", got)
	}
}

// TestOneRunAtATime checks a second run cannot publish to a folder while
// the first is writing it, so neither clears the other's staging folder.
func TestOneRunAtATime(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Begin(dest); err == nil || !strings.Contains(err.Error(), "another briefing is publishing") {
		t.Errorf("second Begin: %v", err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := publishSite(t, dest, "after"); err != nil {
		t.Errorf("after the first finished: %v", err)
	}
}

// TestMakeDirsBeforeWriting makes a site's folders first, as build does,
// and then writes its pages: the pages land where they belong, and a path
// leaving the site is refused before anything is made for it.
func TestMakeDirsBeforeWriting(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"index.html", "articles/a/index.html", "articles/b/index.html", "countries/iran/page/2/index.html"}
	if err := s.MakeDirs(pages); err != nil {
		t.Fatal(err)
	}
	if err := s.MakeDirs([]string{"articles/c/index.html", "../outside/index.html"}); err == nil || !strings.Contains(err.Error(), "outside the site") {
		t.Errorf("MakeDirs of a path leaving the site: %v", err)
	}
	for _, p := range pages {
		if err := s.Write(p, []byte(p)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if got := mustRead(t, filepath.Join(dest, filepath.FromSlash(p))); got != p {
			t.Errorf("%s holds %q", p, got)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "outside")); err == nil {
		t.Error("a folder outside the site was made")
	}
}

// TestFlushingEndsWithTheRun writes a site across several flushes and
// ends the run both ways: the flushing stops with it (a goroutine left
// syncing a removed folder would outlive the build), and the site that
// was flushed while it was made is published whole.
func TestFlushingEndsWithTheRun(t *testing.T) {
	for _, commit := range []bool{true, false} {
		dest := filepath.Join(t.TempDir(), "public")
		s, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 5 {
			if err := s.Write(fmt.Sprintf("p%d/index.html", i), []byte("page")); err != nil {
				t.Fatal(err)
			}
			time.Sleep(flushEvery)
		}
		if commit {
			err = s.Commit()
		} else {
			err = s.Abort()
		}
		if err != nil {
			t.Fatal(err)
		}
		select {
		case <-s.flush.done:
		default:
			t.Fatalf("commit %v: the staging folder is still being flushed after the run ended", commit)
		}
		_, err = os.Stat(filepath.Join(dest, "p4", "index.html"))
		if commit && err != nil {
			t.Errorf("the last page written is not published: %v", err)
		}
		if !commit && err == nil {
			t.Error("an aborted run published its pages")
		}
	}
}
