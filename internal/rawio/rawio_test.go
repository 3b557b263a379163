package rawio

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestRoundTrip writes files of several sizes, empty and bigger than any
// single read, and reads each back as os does.
func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 1 << 20, 3<<20 + 7} {
		data := bytes.Repeat([]byte("briefing "), size/9+1)[:size]
		p := filepath.Join(dir, fmt.Sprint("f", size))
		if err := CreateFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(p); err != nil || !bytes.Equal(got, data) {
			t.Fatalf("size %d: os read back %d bytes (%v)", size, len(got), err)
		}
		got, err := ReadFile(p)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("size %d: read back %d bytes (%v)", size, len(got), err)
		}
		info, err := os.Stat(p)
		if err != nil || info.Mode().Perm() != 0o644&^umask(t) {
			t.Errorf("size %d: mode %v (%v)", size, info.Mode(), err)
		}
	}
}

// TestErrorsNameThePath checks errors read as os's do: the path, and an
// error errors.Is recognises.
func TestErrorsNameThePath(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none", "f")
	_, err := ReadFile(missing)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != missing || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("reading a missing file: %v", err)
	}
	if err := CreateFile(missing, []byte("x"), 0o644); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("writing into a missing folder: %v", err)
	}
}

// umask returns the process's file creation mask, which os.WriteFile's
// modes are subject to as well.
func umask(t *testing.T) fs.FileMode {
	t.Helper()
	p := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(p, nil, 0o777); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return 0o777 &^ info.Mode().Perm()
}

// TestCreateFileLeavesAnExistingFile: a staged site's file may be a hard
// link to the published one, so CreateFile must refuse to open it, not
// truncate it.
func TestCreateFileLeavesAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	if err := CreateFile(p, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CreateFile(p, []byte("second"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Errorf("creating over a file: %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "first" {
		t.Errorf("the file now holds %q", got)
	}
}
