package generator

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// TestOverlayRefusesFIFOs puts a FIFO and a link to /dev/zero in the
// upper layer, as a site's templates/ might hold: reading either fails at
// once, where it used to block or never end.
func TestOverlayRefusesFIFOs(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "article.html"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.css")); err != nil {
		t.Fatal(err)
	}
	o := Overlay{Upper: os.DirFS(dir), Lower: fstest.MapFS{"article.html": {Data: []byte("built in")}}}
	for _, name := range []string{"article.html", "zero.css"} {
		done := make(chan error, 1)
		go func() {
			_, err := fs.ReadFile(o, name)
			done <- err
		}()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegularFile) {
				t.Errorf("%s: err = %v, want ErrNotRegularFile", name, err)
			}
		case <-ctx.Done():
			t.Fatalf("reading %s blocks", name)
		}
		cancel()
	}
}
