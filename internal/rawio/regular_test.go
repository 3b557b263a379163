package rawio

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readSoon runs ReadRegular, failing the test rather than hanging CI
// when the read blocks (as reading a FIFO with no writer does).
func readSoon(t *testing.T, path string, limit int64) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := ReadRegular(path, limit)
		done <- result{data, err}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	select {
	case r := <-done:
		return r.data, r.err
	case <-ctx.Done():
		t.Fatalf("reading %s did not return: it blocks", path)
		return nil, nil
	}
}

func TestReadRegularRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, p := range []string{fifo, "/dev/zero", dir} {
		if _, err := readSoon(t, p, 1<<20); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: err = %v, want one naming it and saying it is not a regular file", p, err)
		}
	}
}

func TestReadRegularLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(p, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := readSoon(t, p, 10); err != nil || string(data) != "0123456789" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
	if _, err := readSoon(t, p, 9); !errors.Is(err, ErrTooBig) || !strings.Contains(err.Error(), p) {
		t.Errorf("over the limit: err = %v, want one naming the file and saying it is too big", err)
	}
}

func TestReadRegularStopsAtSymlinks(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	if err := os.WriteFile(target, []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, err := readSoon(t, link, 100); !errors.Is(err, ErrSymlink) {
		t.Errorf("err = %v, want ErrSymlink", err)
	}
}
