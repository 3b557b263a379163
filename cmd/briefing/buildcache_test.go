package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestBuildSaysWhatItReused builds a site, edits one article's text and
// builds again: the summary line counts the pages rendered and reused,
// only when a cache was used.
func TestBuildSaysWhatItReused(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: Test digest\nbase_url: https://example.org/\n")
	for i, day := range []string{"03", "10", "17"} {
		writeFile(t, filepath.Join(dir, "content/articles/a"+strconv.Itoa(i)+".md"),
			"---\ntitle: \"Article "+strconv.Itoa(i)+"\"\ndate: 2021-11-"+day+"\ncountries: [Iran]\nsummary: \"S.\"\n---\nText "+strconv.Itoa(i)+".\n")
	}
	build := func(args ...string) string {
		t.Helper()
		code, stdout, stderr := briefing(t, append([]string{"build", "-s", dir}, args...)...)
		if code != 0 || stderr != "" {
			t.Fatalf("build: exit %d: %s", code, stderr)
		}
		return stdout
	}
	if out := build(); strings.Contains(out, "reused") {
		t.Errorf("the first build speaks of reuse: %s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public.cache")); err != nil {
		t.Fatalf("no cache beside public/: %v", err)
	}
	writeFile(t, filepath.Join(dir, "content/articles/a0.md"),
		"---\ntitle: \"Article 0\"\ndate: 2021-11-03\ncountries: [Iran]\nsummary: \"S.\"\n---\nText 0, revised.\n")
	out := build()
	m := regexp.MustCompile(`: (\d+) pages, \d+ files in .* \(\d+ ms\); (\d+) pages? rendered, (\d+) reused\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("summary line: %q", out)
	}
	pages, _ := strconv.Atoi(m[1])
	rendered, _ := strconv.Atoi(m[2])
	reused, _ := strconv.Atoi(m[3])
	if rendered != 1 || reused != pages-1 || !strings.Contains(out, "; 1 page rendered, ") {
		t.Errorf("one article's text edited: %d pages rendered, %d reused of %d", rendered, reused, pages)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public/articles/a0/index.html"))
	if err != nil || !strings.Contains(string(page), "Text 0, revised.") {
		t.Errorf("the edit is not on the page (%v)", err)
	}
	if out := build("--no-cache"); strings.Contains(out, "reused") {
		t.Errorf("--no-cache speaks of reuse: %s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public.cache")); err == nil {
		t.Error("--no-cache left a cache that no longer describes public/")
	}
}
