package build

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden output in testdata/sites/*/want")

// TestGoldenSites builds every site in testdata/sites/<name>/site and
// compares its pages, feeds and indexes with testdata/sites/<name>/want.
// Theme assets are left out: they are files copied as they are, and the
// golden pages would otherwise change with every stylesheet edit.
func TestGoldenSites(t *testing.T) {
	sites, err := filepath.Glob("testdata/sites/*/site")
	if err != nil || len(sites) == 0 {
		t.Fatalf("no golden sites: %v", err)
	}
	for _, src := range sites {
		name := filepath.Base(filepath.Dir(src))
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(context.Background(), Options{Source: src, Destination: out}); err != nil {
				t.Fatal(err)
			}
			want := filepath.Join(filepath.Dir(src), "want")
			if *update {
				if err := os.RemoveAll(want); err != nil {
					t.Fatal(err)
				}
				for _, f := range outputFiles(t, out) {
					copyFile(t, filepath.Join(out, f), filepath.Join(want, f))
				}
				return
			}
			got, exp := outputFiles(t, out), outputFiles(t, want)
			if !slices.Equal(got, exp) {
				t.Errorf("files differ (run go test ./generator/build -update to accept):\n%s", listDiff(exp, got))
			}
			for _, f := range got {
				if !slices.Contains(exp, f) {
					continue
				}
				a, _ := os.ReadFile(filepath.Join(want, f))
				b, _ := os.ReadFile(filepath.Join(out, f))
				if !bytes.Equal(a, b) {
					t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", f, lineDiff(string(a), string(b)))
				}
			}
		})
	}
}

// outputFiles lists the generated files of a built site, without theme assets.
func outputFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "css" || rel == "js" || rel == "img" {
				return fs.SkipDir
			}
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func listDiff(want, got []string) string {
	var b strings.Builder
	for _, f := range want {
		if !slices.Contains(got, f) {
			fmt.Fprintf(&b, "- %s (missing)\n", f)
		}
	}
	for _, f := range got {
		if !slices.Contains(want, f) {
			fmt.Fprintf(&b, "+ %s (new)\n", f)
		}
	}
	return b.String()
}

// lineDiff shows the first lines where two texts part, with context.
func lineDiff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	var out strings.Builder
	from := max(0, i-2)
	for j := from; j < min(len(a), i+4); j++ {
		fmt.Fprintf(&out, "want %4d: %s\n", j+1, a[j])
	}
	for j := from; j < min(len(b), i+4); j++ {
		fmt.Fprintf(&out, "got  %4d: %s\n", j+1, b[j])
	}
	return out.String()
}
