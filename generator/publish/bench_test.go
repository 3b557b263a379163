package publish

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// siteFile is one file of a synthetic built site.
type siteFile struct {
	path string
	size int
}

// builtSite lays out about what briefing writes for 1,000 articles: a
// page per article, a page and feed per weekly issue and per term, and
// the site-wide files; 1,700 files, 34 MB.
func builtSite() []siteFile {
	var files []siteFile
	for i := range 1000 {
		files = append(files, siteFile{fmt.Sprintf("articles/article-%04d/index.html", i), 10_000})
	}
	for i := range 160 {
		dir := fmt.Sprintf("issues/%d-w%02d/", 2021+i/53, 1+i%53)
		files = append(files, siteFile{dir + "index.html", 10_000}, siteFile{dir + "index.xml", 10_000})
	}
	taxonomies := []string{"countries", "people", "organizations", "events", "topics"}
	for i := range 195 {
		dir := fmt.Sprintf("%s/term-%03d/", taxonomies[i%len(taxonomies)], i)
		files = append(files, siteFile{dir + "index.html", 50_000}, siteFile{dir + "index.xml", 50_000})
	}
	for i, size := range []int{10_000, 22_000, 91_000, 212_000, 539_000} {
		files = append(files, siteFile{[]string{"index.html", "index.xml", "feed.json", "sitemap.xml", "search.json"}[i], size})
	}
	return files
}

// BenchmarkPublish stages a built site beside its destination from as
// many goroutines as rendering uses, then swaps it in and removes the
// previous one, as every build after the first does.
func BenchmarkPublish(b *testing.B) {
	files := builtSite()
	var total, largest int
	for _, f := range files {
		total += f.size
		largest = max(largest, f.size)
	}
	line := []byte("<p>The delegation said talks on security would resume next month.</p>\n")
	text := bytes.Repeat(line, 1+largest/len(line))
	dest := filepath.Join(b.TempDir(), "public")
	publish := func() {
		stage, err := Begin(dest)
		if err != nil {
			b.Fatal(err)
		}
		var (
			wg    sync.WaitGroup
			mu    sync.Mutex
			first error
			next  = make(chan siteFile)
		)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for f := range next {
					if err := stage.Write(f.path, text[:f.size]); err != nil {
						mu.Lock()
						first = cmp.Or(first, err)
						mu.Unlock()
					}
				}
			})
		}
		for _, f := range files {
			next <- f
		}
		close(next)
		wg.Wait()
		if first != nil {
			b.Fatal(errors.Join(first, stage.Abort()))
		}
		if err := stage.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	publish() // so each timed run replaces a site, as a rebuild does
	b.SetBytes(int64(total))
	for b.Loop() {
		publish()
	}
	b.ReportMetric(float64(len(files)), "files/op")
}
