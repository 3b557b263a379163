package main

import (
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBuildSizes runs build --sizes on a new site and checks the total
// line against the files it wrote (less publish's marker), and that the
// kinds a new site, with no articles yet, writes each have a line.
func TestBuildSizes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "digest")
	if code, _, stderr := briefing(t, "new", "site", "--briefing-version", "v0.3.0", dir); code != 0 {
		t.Fatalf("new site: %s", stderr)
	}
	code, stdout, stderr := briefing(t, "build", "-s", dir, "--sizes")
	if code != 0 {
		t.Fatalf("build --sizes: %s", stderr)
	}
	var files, bytes int64
	err := filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".briefing-site" {
			return err
		}
		info, err := d.Info()
		files++
		bytes += info.Size()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	total := ""
	for _, line := range strings.Split(stdout, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && f[0] == "total" {
			total = line
			if f[1] != strconv.FormatInt(files, 10) || f[2] != strconv.FormatInt(bytes, 10) {
				t.Errorf("total line %q; the folder holds %d files of %d bytes", line, files, bytes)
			}
		} else if len(f) > 0 {
			kinds[f[0]] = true
		}
	}
	if total == "" {
		t.Fatalf("build --sizes printed no total line:\n%s", stdout)
	}
	for _, k := range []string{"home", "taxonomy", "feed", "search-data", "sitemap", "assets"} {
		if !kinds[k] {
			t.Errorf("build --sizes has no %s line:\n%s", k, stdout)
		}
	}
}
