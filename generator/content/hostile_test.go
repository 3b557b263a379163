package content

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// loadSoon runs Load, failing the test instead of hanging CI when it
// blocks (as reading a FIFO with no writer did).
func loadSoon(t *testing.T, dir string) ([]*generator.Article, error) {
	t.Helper()
	type result struct {
		articles []*generator.Article
		err      error
	}
	done := make(chan result, 1)
	go func() {
		a, err := Load(dir, Options{Location: time.UTC})
		done <- result{a, err}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	select {
	case r := <-done:
		return r.articles, r.err
	case <-ctx.Done():
		t.Fatal("Load did not return: something in content/ blocks it")
		return nil, nil
	}
}

// TestLoadReadsOnlyArticlesInTheSite puts in content/ what a hostile or
// careless user might: a FIFO, a link to /dev/zero, a link to a file
// outside the site, a huge file. Each is refused by name, quickly, and
// the good articles (one reached by a link inside the site) still load.
func TestLoadReadsOnlyArticlesInTheSite(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	outside := filepath.Join(root, "secret.md")
	good := "---\ntitle: Good\ndate: 2021-11-10\n---\nbody\n"
	big := good + strings.Repeat("long line of text\n", MaxArticleSize/18+1)
	write(t, root, map[string]string{"secret.md": "---\ntitle: Private notes\ndate: 2021-11-10\n---\nnot for publishing\n"})
	write(t, site, map[string]string{
		"content/articles/good.md": good,
		"shared/linked.md":         "---\ntitle: Linked\ndate: 2021-11-11\n---\nbody\n",
		"content/articles/big.md":  big,
	})
	dir := filepath.Join(site, "content", "articles")
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for name, target := range map[string]string{
		"zero.md":    "/dev/zero",
		"outside.md": outside,
		"linked.md":  filepath.Join(site, "shared", "linked.md"),
		"up.md":      "../../../secret.md",
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	articles, err := loadSoon(t, site)
	want := []string{
		fmt.Sprintf("content/articles/big.md: is %d bytes; an article may be at most 10485760 (10 MB): split it or cut what is not the article", len(big)),
		"content/articles/fifo.md: not a regular file (a FIFO, device or socket): content/ holds article files only",
		"content/articles/outside.md: a symbolic link to a file outside the site, so it is not read: copy the file into content/ instead",
		"content/articles/up.md: a symbolic link to a file outside the site, so it is not read: copy the file into content/ instead",
		"content/articles/zero.md: a symbolic link to a file outside the site, so it is not read: copy the file into content/ instead",
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("errors:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
	var titles []string
	for _, a := range articles {
		titles = append(titles, a.Title)
	}
	if got := strings.Join(titles, "|"); got != "Linked|Good" {
		t.Errorf("articles = %q, want Linked|Good and nothing from outside the site", got)
	}
}

// TestDuplicateSlugAtItsLine checks a slug: two articles share is
// reported where it is written; a slug from a file name has no line.
func TestDuplicateSlugAtItsLine(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"content/articles/a.md": "---\ntitle: A\ndate: 2021-11-10\n---\n",
		"content/articles/b.md": "---\ntitle: B\ndate: 2021-11-10\nslug: a\n---\n",
	})
	_, err := Load(dir, Options{Location: time.UTC})
	want := `content/articles/a.md: slug "a" is also the slug of content/articles/b.md: each article needs its own (rename a file or set slug:)` + "\n" +
		`content/articles/b.md:4:7: slug "a" is also the slug of content/articles/a.md: each article needs its own (rename a file or set slug:)`
	if err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
}
