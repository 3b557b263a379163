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

var update = flag.Bool("update", false, "rewrite the golden output in testdata/sites/*/want and files.txt")

// TestGoldenSites builds every site in testdata/sites/<name>/site and
// checks it two ways. files.txt lists every file the build makes, so a
// page gained or lost shows as one line. want/ holds, byte for byte, only
// the files golden.txt names: one page of each kind (home, article, issue,
// archive, taxonomy, term, search, 404, feeds, sitemap), so a template
// tweak rewrites a handful of files a reviewer can read, not every page.
// Theme assets are left out of both: they are files copied as they are.
func TestGoldenSites(t *testing.T) {
	sites, err := filepath.Glob("testdata/sites/*/site")
	if err != nil || len(sites) == 0 {
		t.Fatalf("no golden sites: %v", err)
	}
	for _, src := range sites {
		dir := filepath.Dir(src)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(context.Background(), Options{Source: src, Destination: out}); err != nil {
				t.Fatal(err)
			}
			got := outputFiles(t, out)
			golden := readList(t, filepath.Join(dir, "golden.txt"))
			for _, f := range golden {
				if !slices.Contains(got, f) {
					t.Errorf("golden.txt names %s, which the build did not make", f)
				}
			}
			want, manifest := filepath.Join(dir, "want"), filepath.Join(dir, "files.txt")
			if *update {
				if err := os.RemoveAll(want); err != nil {
					t.Fatal(err)
				}
				for _, f := range golden {
					copyFile(t, filepath.Join(out, f), filepath.Join(want, f))
				}
				if err := os.WriteFile(manifest, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if exp := readList(t, manifest); !slices.Equal(got, exp) {
				t.Errorf("the build made other files than files.txt lists (run go test ./generator/build -update to accept):\n%s", listDiff(exp, got))
			}
			if kept := outputFiles(t, want); !slices.Equal(kept, sorted(golden)) {
				t.Errorf("want/ holds other files than golden.txt names (run with -update to accept):\n%s", listDiff(sorted(golden), kept))
			}
			for _, f := range golden {
				a, _ := os.ReadFile(filepath.Join(want, f))
				b, _ := os.ReadFile(filepath.Join(out, f))
				if !bytes.Equal(a, b) {
					t.Errorf("%s differs from the golden file (run with -update to accept):\n%s", f, lineDiff(string(a), string(b)))
				}
			}
		})
	}
}

// readList reads a list of paths, one a line; # starts a comment.
func readList(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for line := range strings.Lines(string(data)) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			list = append(list, line)
		}
	}
	return list
}

func sorted(list []string) []string {
	s := slices.Clone(list)
	slices.Sort(s)
	return s
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
