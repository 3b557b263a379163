package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"weak"
)

// TestPagesBeingReadKeepTheirBytes holds a page as a response being
// written would, while saves re-render it again and again: its bytes must
// stay exactly as they were, though the memory of versions nobody holds is
// reused for later ones. Once released, the page's memory is reused.
func TestPagesBeingReadKeepTheirBytes(t *testing.T) {
	dir := copyExample(t)
	l := startLive(t, dir)
	article := filepath.Join(dir, "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md")
	page := "articles/at-least-107-killed-in-mecca-crane-collapse/index.html"
	original, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	save := func(n int) {
		t.Helper()
		writeFile(t, article, string(original)+fmt.Sprintf("\nParagraph %d, added while the page was being read.\n", n))
		if _, err := l.Rebuild(context.Background(), []string{article}); err != nil {
			t.Fatal(err)
		}
	}

	// A long paragraph first, so the held version's memory is big enough
	// for every later one: it is the memory a careless reuse would take.
	writeFile(t, article, string(original)+"\n"+strings.Repeat("A long paragraph. ", 200)+"\n")
	if _, err := l.Rebuild(context.Background(), []string{article}); err != nil {
		t.Fatal(err)
	}
	held, ok := l.File(page)
	if !ok {
		t.Fatalf("no %s", page)
	}
	want := bytes.Clone(held)
	for n := range 4 {
		save(n)
		if !bytes.Equal(held, want) {
			t.Fatalf("after save %d the page being read changed under its reader", n)
		}
	}
	now, _ := l.File(page)
	if bytes.Equal(now, want) || !bytes.Contains(now, []byte("Paragraph 3, added")) {
		t.Fatalf("the live page does not show the last save")
	}
	l.Release(page, now)

	// Released, the held version's memory may hold the next one.
	l.Release(page, held)
	save(4)
	save(5)
	latest, _ := l.File(page)
	defer l.Release(page, latest)
	if &latest[0] != &held[0] && &latest[0] != &now[0] {
		t.Errorf("two saves after its versions were released, the page is still copied into new memory")
	}
	if !bytes.Contains(latest, []byte("Paragraph 5, added")) {
		t.Errorf("the page does not show the last save")
	}
}

// TestUnreleasedPagesAreFreed hands a page out and never releases it, as
// a reader that forgets Release would: once nothing else holds the bytes
// and the page has been replaced, the collector must be able to free them,
// rather than the server keeping every such version for its whole life.
func TestUnreleasedPagesAreFreed(t *testing.T) {
	dir := copyExample(t)
	l := startLive(t, dir)
	article := filepath.Join(dir, "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md")
	page := "articles/at-least-107-killed-in-mecca-crane-collapse/index.html"
	original, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	held, ok := l.File(page)
	if !ok {
		t.Fatalf("no %s", page)
	}
	gone := weak.Make(&held[0])
	held = nil
	for n := range 3 {
		writeFile(t, article, string(original)+fmt.Sprintf("\nParagraph %d.\n", n))
		if _, err := l.Rebuild(context.Background(), []string{article}); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	if gone.Value() != nil {
		t.Fatal("a replaced version handed out and never released is still in memory")
	}
	if _, err := l.Rebuild(context.Background(), []string{article}); err != nil {
		t.Fatal(err)
	}
	l.reuse.mu.Lock()
	defer l.reuse.mu.Unlock()
	if n := len(l.reuse.readers) + len(l.reuse.retired); n != 0 {
		t.Errorf("%d freed versions are still counted as being read", n)
	}
}
