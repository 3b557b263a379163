package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	t.Run("missing path", func(t *testing.T) {
		path := filepath.Join(dir, "no-such-article.txt")
		_, err := ReadFile(path)
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("error = %v, want one that errors.Is fs.ErrNotExist", err)
		}
		e := asPositioned(t, err, path)
		if !strings.Contains(e.Msg, "no such file") || strings.Count(e.Error(), path) != 1 {
			t.Errorf("error = %q, want the path once and \"no such file\"", e)
		}
	})
	t.Run("directory", func(t *testing.T) {
		_, err := ReadFile(dir)
		if e := asPositioned(t, err, dir); !strings.Contains(e.Msg, "directory") {
			t.Errorf("error = %q", e)
		}
	})
	t.Run("over MaxSize", func(t *testing.T) {
		// A sparse file: its size is checked before anything is read.
		path := filepath.Join(dir, "huge.html")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(MaxSize + 1); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, err = ReadFile(path)
		if e := asPositioned(t, err, path); !strings.Contains(e.Msg, "too large") || !strings.Contains(e.Msg, "10 MB") {
			t.Errorf("error = %q, want it to say the file is over the 10 MB limit", e)
		}
	})
	t.Run("exactly MaxSize", func(t *testing.T) {
		path := filepath.Join(dir, "big.txt")
		if err := os.WriteFile(path, []byte(strings.Repeat("x", MaxSize)), 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := ReadFile(path)
		if err != nil || len(data) != MaxSize {
			t.Errorf("ReadFile = %d bytes, %v; want all %d", len(data), err, MaxSize)
		}
	})
}
