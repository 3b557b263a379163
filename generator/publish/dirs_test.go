package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// manyPages is n article pages, each in a folder of its own under
// articles/, as a site of n articles has.
func manyPages(n int) []string {
	pages := make([]string, n)
	for i := range pages {
		pages[i] = fmt.Sprintf("articles/a-%05d/index.html", i)
	}
	return pages
}

// TestWritersWaitForFolders writes pages from several goroutines while
// their folders are still being made, the last folders first, along with
// files in folders the maker was never given: every file lands.
func TestWritersWaitForFolders(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	pages := manyPages(3000)
	wait, err := s.MakeDirs(pages)
	if err != nil {
		t.Fatal(err)
	}
	extra := []string{"static/img/logo.svg", "articles/a-02999/note.txt", "index.html"}
	var wg sync.WaitGroup
	errs := make(chan error, len(pages)+len(extra))
	for w := range 4 {
		wg.Go(func() {
			for i := len(pages) - 1 - w; i >= 0; i -= 4 {
				errs <- s.Write(pages[i], []byte(pages[i]))
			}
		})
	}
	for _, p := range extra {
		errs <- s.Write(p, []byte(p))
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := wait(); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, p := range append(pages, extra...) {
		if got := mustRead(t, filepath.Join(dest, filepath.FromSlash(p))); got != p {
			t.Fatalf("%s holds %q", p, got)
		}
	}
}

// TestAbortWhileMakingFolders aborts a build whose folders are still
// being made: nothing of the staging folder is left beside the
// destination, and the destination is as it was.
func TestAbortWhileMakingFolders(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := publishSite(t, dest, "before"); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		s, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MakeDirs(manyPages(20000)); err != nil {
			t.Fatal(err)
		}
		if err := s.Abort(); err != nil {
			t.Fatal(err)
		}
		entries, err := os.ReadDir(parent)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() != "public" {
				t.Fatalf("left beside the destination after Abort: %s", e.Name())
			}
		}
	}
	if got := mustRead(t, filepath.Join(dest, "index.html")); got != "before" {
		t.Errorf("the published site changed: %q", got)
	}
}

// TestFlushesWhileStaging stages more than flushAfter: the staging folder
// is flushed before Commit, and not after Commit returns.
func TestFlushesWhileStaging(t *testing.T) {
	if !flushWhole {
		t.Skip("files are flushed at Commit only where there is no syncfs")
	}
	var mu sync.Mutex
	flushed := map[string]int{}
	old := flushTree
	flushTree = func(dir string) error {
		mu.Lock()
		flushed[dir]++
		mu.Unlock()
		return old(dir)
	}
	t.Cleanup(func() { flushTree = old })
	count := func() int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for dir, k := range flushed {
			if strings.Contains(filepath.Base(dir), "public") {
				n += k
			}
		}
		return n
	}

	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	page := []byte(strings.Repeat("<p>Talks resume.</p>\n", 1<<12))
	for i := 0; i*len(page) < 2*flushAfter; i++ {
		if err := s.Write(fmt.Sprintf("articles/a-%d/index.html", i), page); err != nil {
			t.Fatal(err)
		}
	}
	for try := 0; count() == 0 && try < 100; try++ {
		if try > 50 {
			t.Fatal("nothing was flushed while the site was staged")
		}
		sleepTick()
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	after := count()
	sleepTick()
	sleepTick()
	if n := count(); n != after {
		t.Errorf("flushed %d times after Commit returned", n-after)
	}
}

// sleepTick waits one flusher tick.
func sleepTick() { time.Sleep(flushEvery) }
