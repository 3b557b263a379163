package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator/content"
)

// made builds the kinds of the catalogue that git cannot hold (FIFOs,
// links pointing outside the repository, a file of 10 MB) in the copy
// of the kind's folder at dir, whose parent is the test's own.
var made = map[string]func(t *testing.T, dir string){
	"fifo":          func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "content/articles/f.md")) },
	"config-fifo":   func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "briefing.yaml")) },
	"template-fifo": func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "templates/article.html")) },
	"link-to-dev-zero": func(t *testing.T, dir string) {
		symlink(t, "/dev/zero", filepath.Join(dir, "content/articles/zero.md"))
	},
	"link-outside-site": func(t *testing.T, dir string) {
		symlink(t, "../../../outside.md", filepath.Join(dir, "content/articles/out.md"))
	},
	"link-loop": func(t *testing.T, dir string) {
		symlink(t, "b.md", filepath.Join(dir, "content/articles/a.md"))
		symlink(t, "a.md", filepath.Join(dir, "content/articles/b.md"))
	},
	"too-big": func(t *testing.T, dir string) {
		body := "---\ntitle: Big\ndate: 2021-11-10\n---\n" + strings.Repeat("x", content.MaxArticleSize)
		writeTestFile(t, filepath.Join(dir, "content/articles/big.md"), body)
	},
}

// TestInvalidSites builds every site of the catalogue in
// testdata/invalid/<kind>: each must end, well within the timeout, with
// exactly the errors its want.txt lists (empty for hostile inputs that
// must build). Run with -update to rewrite want.txt after a change.
func TestInvalidSites(t *testing.T) {
	kinds, err := filepath.Glob("testdata/invalid/*")
	if err != nil || len(kinds) < 50 {
		t.Fatalf("%d kinds in the catalogue, want at least 50 (%v)", len(kinds), err)
	}
	for _, kind := range kinds {
		name := filepath.Base(kind)
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "site")
			copyTree(t, kind, dir)
			writeTestFile(t, filepath.Join(root, "outside.md"), "---\ntitle: Private\ndate: 2021-11-10\n---\nnot for publishing\n")
			if mk := made[name]; mk != nil {
				mk(t, dir)
			}
			got := strings.ReplaceAll(generateSoon(t, dir), dir, "$SITE") + "\n"
			golden := filepath.Join(kind, "want.txt")
			if *update {
				writeTestFile(t, golden, got)
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// generateSoon generates the site at dir and returns its errors, one a
// line ("" when it builds), failing the test if it does not end.
func generateSoon(t *testing.T, dir string) string {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Generate(context.Background(), Options{Source: dir}, func(string, []byte) error { return nil })
		done <- err
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	select {
	case err := <-done:
		if err == nil {
			return ""
		}
		return err.Error()
	case <-ctx.Done():
		t.Fatal("the build did not end: something in the site blocks it")
		return ""
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "want.txt" && filepath.Dir(p) == from {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		writeTestFile(t, filepath.Join(to, rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeTestFile(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		if errors.Is(err, syscall.ENOSYS) || errors.Is(err, syscall.EPERM) {
			t.Skipf("no FIFOs here: %v", err)
		}
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, p string) {
	t.Helper()
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}
