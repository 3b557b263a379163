package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestImportRefusesFIFOs gives import a FIFO by name and one inside a
// folder: both are reported as FIFOs, and the command ends
// (it used to wait forever for a writer), importing the good file.
func TestImportRefusesFIFOs(t *testing.T) {
	site, inbox := t.TempDir(), t.TempDir()
	named := filepath.Join(t.TempDir(), "named.txt")
	for _, p := range []string{named, filepath.Join(inbox, "inner.txt")} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("no FIFOs here: %v", err)
		}
	}
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, stdout, stderr := briefing(t, "import", "-s", site, "--date", "2021-11-10", seedPath, named, inbox)
		done <- result{code, stdout, stderr}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		t.Fatal("import did not return: a FIFO blocks it")
	}
	if r.code == 0 || !strings.Contains(r.stdout, "imported 1,") {
		t.Errorf("exit %d, stdout:\n%s", r.code, r.stdout)
	}
	for _, want := range []string{"named.txt: is a named pipe (FIFO)", "inner.txt: is a named pipe (FIFO)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

// TestImportClearsStaleTempFiles leaves the temporary files an import
// killed mid-write would, and checks the next import removes them and
// nothing else.
func TestImportClearsStaleTempFiles(t *testing.T) {
	site := t.TempDir()
	stale := filepath.Join(site, "content/articles/2021/.x.md.tmp-123456")
	mine := filepath.Join(site, "content/articles/2021/.notes.tmp-draft")
	writeFile(t, stale, "half an article")
	writeFile(t, mine, "someone's own hidden file")
	if code, _, stderr := briefing(t, "import", "-s", site, "--date", "2021-11-10", seedPath); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temporary file is still there (%v)", err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a hidden file that is not import's was removed: %v", err)
	}
}
