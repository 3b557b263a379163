package build

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator/publish"
)

// TestSizesMatchFilesWritten builds the example site with Sizes and
// checks the table against the folder it wrote: the same files and
// bytes in all, every kind an editor looks for, and each kind's largest
// file really there at its size.
func TestSizesMatchFilesWritten(t *testing.T) {
	out, res := buildTo(t, exampleSite, Options{Sizes: true})
	if res.Sizes == nil {
		t.Fatal("a build with Sizes has no Result.Sizes")
	}
	disk := map[string]int64{}
	var diskBytes, biggest int64
	var biggestArticle int64
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == publish.Marker {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		disk[rel] = info.Size()
		diskBytes += info.Size()
		biggest = max(biggest, info.Size())
		if strings.HasPrefix(rel, "articles/") && strings.HasSuffix(rel, "/index.html") {
			biggestArticle = max(biggestArticle, info.Size())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var files int
	var bytes int64
	byKind := map[string]Size{}
	for _, s := range res.Sizes.List() {
		files += s.Files
		bytes += s.Bytes
		byKind[s.Kind] = s
		if got, ok := disk[s.Largest]; !ok || got != int64(s.Max) {
			t.Errorf("%s: largest %s of %d bytes; on disk it is %d bytes (there: %v)", s.Kind, s.Largest, s.Max, got, ok)
		}
		if int64(s.Max) == biggest {
			biggest = -1 // some kind's largest is the biggest file written
		}
	}
	if files != len(disk) || files != res.Files {
		t.Errorf("sizes count %d files; %d are on disk and the build reports %d", files, len(disk), res.Files)
	}
	if bytes != diskBytes {
		t.Errorf("sizes count %d bytes; the files on disk hold %d", bytes, diskBytes)
	}
	if biggest != -1 {
		t.Errorf("no kind's largest file is the biggest written, %d bytes", biggest)
	}
	for _, kind := range []string{"article", "term", "issue", "home", "taxonomy", "feed", "search-data", "email", "sitemap", "assets"} {
		if byKind[kind].Files == 0 {
			t.Errorf("no %s files counted", kind)
		}
	}
	if a := byKind["article"]; a.Files != res.Articles || int64(a.Max) != biggestArticle {
		t.Errorf("article pages: %d files, largest %d bytes; want %d, %d", a.Files, a.Max, res.Articles, biggestArticle)
	}
}

// TestNoSizesUnlessAsked keeps the counting out of ordinary builds.
func TestNoSizesUnlessAsked(t *testing.T) {
	if _, res := buildTo(t, digest, Options{}); res.Sizes != nil {
		t.Error("a build without Sizes counted sizes")
	}
}
