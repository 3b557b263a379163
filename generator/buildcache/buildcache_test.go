package buildcache

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/internal/filestat"
)

// published makes a destination with two files and saves a record of it.
func published(t *testing.T) (*Record, string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	for p, body := range map[string]string{"index.html": "home", "a/b/index.html": "page b"} {
		full := filepath.Join(dest, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := &Record{Key: 0xfeed, Dest: dest, Files: map[string]File{
		"index.html":     {Sig: 1, Size: 4},
		"a/b/index.html": {Sig: 0xffffffffffffffff, Size: 6},
		"odd\nname":      {Sig: 3, Size: 1},
	}}
	if err := r.Save(For(dest)); err != nil {
		t.Fatal(err)
	}
	got, err := Load(For(dest))
	if err != nil {
		t.Fatal(err)
	}
	return got, dest
}

func TestRoundTrip(t *testing.T) {
	r, dest := published(t)
	if r.Key != 0xfeed || r.Dest != dest || len(r.Files) != 2 || r.Files["a/b/index.html"] != (File{0xffffffffffffffff, 6}) {
		t.Errorf("read back %+v", r)
	}
	if For(dest) != dest+".cache" || filepath.Dir(For(dest)) != filepath.Dir(dest) {
		t.Errorf("the cache of %s is at %s, not beside it", dest, For(dest))
	}
	if !r.Reusable("index.html", 1) || !r.Reusable("a/b/index.html", 0xffffffffffffffff) {
		t.Error("unchanged files are not reusable")
	}
	if r.Reusable("index.html", 2) || r.Reusable("missing.html", 1) {
		t.Error("a file of another fingerprint, or none, is reusable")
	}
}

func TestMissingOrDamaged(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "none.cache")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	p := filepath.Join(dir, "bad.cache")
	for _, text := range []string{"", "\n", "briefing build cache 1\nkey 1\ndest /x\nend 0 0\n", "end 0 ef46db3751d8e999\n"} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p); !errors.Is(err, ErrUnusable) {
			t.Errorf("%q: %v, want ErrUnusable", text, err)
		}
	}
	if _, err := Load(dir); err == nil {
		t.Error("a folder was read as a record")
	}
}

// TestChangedFilesAreNotReusable: a published file edited, even to the
// same size and with its old times put back, or replaced by a link, is
// no longer the file the build made.
func TestChangedFilesAreNotReusable(t *testing.T) {
	r, dest := published(t)
	time.Sleep(20 * time.Millisecond) // past the clock's granularity
	p := filepath.Join(dest, "index.html")
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("HOME"), 0o644); err != nil {
		t.Fatal(err)
	}
	if filestat.HasChangeTime {
		// Only the status change time, read where the system has one,
		// cannot be put back.
		if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
	if r.Reusable("index.html", 1) {
		t.Error("a file edited by hand is reusable")
	}
	b := filepath.Join(dest, "a/b/index.html")
	if err := os.Rename(b, b+".x"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("123456", b); err != nil { // six bytes, the recorded size
		t.Fatal(err)
	}
	if r.Reusable("a/b/index.html", 0xffffffffffffffff) {
		t.Error("a symbolic link is reusable")
	}
}
