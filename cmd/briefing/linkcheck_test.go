package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckReportsBrokenLinks writes a site published under a path whose
// article links to a page and an anchor that do not exist, and checks
// that check fails naming the article's file, line and link.
func TestCheckReportsBrokenLinks(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: T\nbase_url: https://example.org/digest/\n")
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), "---\ntitle: A\ndate: 2021-11-10\n---\n"+
		"See [the other report](/articles/b/), [its second part](/articles/b/#part-two) and [its third](../b/#part-three).\n\n"+
		"Also [a report never written](/articles/nope/), [a missing anchor](#nowhere)\n"+
		"and [a page of another site](//elsewhere.org/articles/nope/).\n")
	writeFile(t, filepath.Join(dir, "content/articles/b.md"), "---\ntitle: B\ndate: 2021-11-11\n---\n"+
		"## Part two\n\nBack to [the first](https://example.org/digest/articles/a/).\n")
	code, stdout, stderr := briefing(t, "check", "-s", dir)
	if code == 0 {
		t.Fatalf("check passed a site with broken links:\n%s", stdout)
	}
	want := `content/articles/a.md:5:96: link "../b/#part-three": articles/b/index.html has no anchor #part-three
content/articles/a.md:7:31: link "/articles/nope/": no file articles/nope/index.html in the site
content/articles/a.md:7:68: link "#nowhere": articles/a/index.html has no anchor #nowhere
error: check found 3 broken links
`
	if stderr != want {
		t.Errorf("check said:\n%s\nwant:\n%s", stderr, want)
	}
	if strings.Contains(stdout, "ok:") {
		t.Errorf("check said ok to a site with broken links:\n%s", stdout)
	}
}

// TestCheckExternal points articles' url: at a server on 127.0.0.1 that
// answers 200, 404 and not at all, and checks that only --external asks
// it and that it reports the dead ones by file.
func TestCheckExternal(t *testing.T) {
	stop := make(chan struct{})
	asked := make(chan string, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked <- r.URL.Path
		switch r.URL.Path {
		case "/gone":
			http.NotFound(w, r)
		case "/hang":
			select {
			case <-r.Context().Done():
			case <-stop:
			}
		}
	}))
	defer srv.Close()
	defer close(stop)
	dir := t.TempDir()
	for name, path := range map[string]string{"live": "/live", "gone": "/gone", "hang": "/hang"} {
		writeFile(t, filepath.Join(dir, "content/articles", name+".md"), "---\ntitle: "+name+"\ndate: 2021-11-10\nurl: "+srv.URL+path+"\n---\nText.\n")
	}
	if code, _, stderr := briefing(t, "check", "-s", dir); code != 0 {
		t.Fatalf("check without --external failed: %s", stderr)
	}
	if len(asked) != 0 {
		t.Fatalf("check without --external asked the sources")
	}
	code, stdout, stderr := briefing(t, "check", "-s", dir, "--external", "--timeout", "300ms")
	if code == 0 {
		t.Fatalf("check --external passed dead sources:\n%s", stdout)
	}
	want := "content/articles/gone.md: source " + srv.URL + "/gone: answers 404 Not Found\n" +
		"content/articles/hang.md: source " + srv.URL + "/hang: no answer within 300ms\n" +
		"error: check found 2 dead sources\n"
	if stderr != want {
		t.Errorf("check --external said:\n%s\nwant:\n%s", stderr, want)
	}
	if !strings.Contains(stdout, "checking the sources of 3 articles\n") {
		t.Errorf("check --external did not say what it was doing:\n%s", stdout)
	}
}

// TestExampleSiteChecksClean checks the repository's example digest, as
// served locally and as published under a project path.
func TestExampleSiteChecksClean(t *testing.T) {
	for _, base := range []string{"", "https://analyst.github.io/briefing/"} {
		args := []string{"check", "-s", "../.."}
		if base != "" {
			args = append(args, "--base-url", base)
		}
		code, stdout, stderr := briefing(t, args...)
		if code != 0 || !strings.Contains(stdout, "ok: ") {
			t.Errorf("check %s: exit %d\n%s%s", base, code, stdout, stderr)
		}
	}
}

// TestCheckReportsANoteLinkOnce: an editor's note with a broken link is
// on the issue page, on the home page (the latest issue) and in the
// email; check reports it once, at its line in the issue file.
func TestCheckReportsANoteLinkOnce(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: T\nbase_url: https://example.org/\n")
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), "---\ntitle: A\ndate: 2021-11-10\n---\nText.\n")
	writeFile(t, filepath.Join(dir, "content/issues/2021-w45.markdown"), "---\ntitle: The week\n---\nRead [the other one](/articles/nope/).\n")
	code, _, stderr := briefing(t, "check", "-s", dir)
	want := `content/issues/2021-w45.markdown:4:22: link "/articles/nope/": no file articles/nope/index.html in the site
error: check found 1 broken link
`
	if code == 0 || stderr != want {
		t.Errorf("check said (exit %d):\n%s\nwant:\n%s", code, stderr, want)
	}
}
