//go:build unix

package ingest

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestSpecialFilesAreNotRead(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "clip.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	// With no writer, opening the FIFO would wait for ever: the refusal
	// must come first.
	done := make(chan error, 1)
	go func() { _, err := ReadFile(fifo); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("ReadFile(FIFO) = %v, want a refusal naming the pipe", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadFile blocked on a FIFO")
	}
	if _, err := ReadFile("/dev/null"); err == nil || !strings.Contains(err.Error(), "device") {
		t.Errorf("ReadFile(/dev/null) = %v, want a refusal naming the device", err)
	}
}
