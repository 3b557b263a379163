package config

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadRefusesAFIFO makes briefing.yaml a FIFO: Load fails at once
// instead of waiting for a writer.
func TestLoadRefusesAFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, FileName), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(dir)
		done <- err
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	select {
	case err := <-done:
		if err == nil || !strings.HasPrefix(err.Error(), "briefing.yaml: not a regular file") {
			t.Errorf("err = %v, want one saying it is not a regular file", err)
		}
	case <-ctx.Done():
		t.Fatal("Load blocks on a FIFO")
	}
}
