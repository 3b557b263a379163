package main

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestImportRefusesFIFOs gives import a FIFO by name and one inside a
// folder: both are reported as not regular files, and the command ends
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
	for _, want := range []string{"named.txt: not a regular file", "inner.txt: not a regular file"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}
