package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// briefing runs the command line in-process and returns its exit status
// and what it printed.
func briefing(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return briefingIn(t, "", args...)
}

// briefingIn is briefing with stdin.
func briefingIn(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestNewSiteBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "digest")
	if code, _, stderr := briefing(t, "new", "site", "--briefing-version", "v0.3.0", dir); code != 0 {
		t.Fatalf("new site: %s", stderr)
	}
	for _, f := range []string{"briefing.yaml", "content/articles/.gitkeep", ".github/workflows/pages.yml", ".gitignore"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("scaffold lacks %s", f)
		}
	}
	wf, _ := os.ReadFile(filepath.Join(dir, ".github/workflows/pages.yml"))
	for _, want := range []string{"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages", "--base-url \"${{ steps.pages.outputs.base_url }}/\"",
		"go install github.com/briefing-digest/briefing/cmd/briefing@v0.3.0\n"} {
		if !strings.Contains(string(wf), want) {
			t.Errorf("workflow lacks %s", want)
		}
	}
	if code, _, stderr := briefing(t, "new", "site", "--briefing-version", "v0.3.0", dir); code == 0 || !strings.Contains(stderr, "not empty") {
		t.Errorf("new site over an existing site should refuse; got %d %q", code, stderr)
	}
	code, stdout, stderr := briefing(t, "new", "article", "-s", dir, "Talks in Doha")
	if code != 0 {
		t.Fatalf("new article: %s", stderr)
	}
	writeFile(t, strings.TrimSpace(stdout), strings.Replace(mustRead(t, strings.TrimSpace(stdout)), "draft: true", "draft: false", 1))
	code, stdout, stderr = briefing(t, "build", "-s", dir, "-b", "https://user.github.io/digest/")
	if code != 0 {
		t.Fatalf("build of a new site failed: %s", stderr)
	}
	if !strings.HasPrefix(stdout, "built 1 articles") {
		t.Errorf("build said %q", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "articles", "talks-in-doha", "index.html")); err != nil {
		t.Error(err)
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBuildFailsWithPositions(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), "---\ntitle: A\ndate: 2021-11-10\ncountries: 7\n---\n")
	writeFile(t, filepath.Join(dir, "content/articles/b.md"), "---\ntitle: B\n")
	code, _, stderr := briefing(t, "build", "-s", dir)
	if code == 0 {
		t.Fatal("build with errors exited 0")
	}
	want := "content/articles/a.md:4:12: front matter: countries must be a list of names, not the number 7\n" +
		"content/articles/b.md:1:1: front matter opened with \"---\" is never closed\n" +
		"error: build failed; public was left as it was\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("a failed first build created public/")
	}
}

func TestCheckReportsClashes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), "---\ntitle: A\ndate: 2021-11-10\ncountries: [Türkiye]\n---\n")
	writeFile(t, filepath.Join(dir, "content/articles/b.md"), "---\ntitle: B\ndate: 2021-11-11\ncountries: [Turkiye]\n---\n")
	writeFile(t, filepath.Join(dir, "content/articles/c.md"), "---\ntitle: C\ndate: 2021-11-12\ncountries: [Turkiye]\ncontries: [Iran]\ntags: [x]\n---\n")
	code, stdout, stderr := briefing(t, "check", "-s", dir)
	if code != 0 {
		t.Fatalf("check: %s", stderr)
	}
	want := "warning: content/articles/c.md:5:1: front matter: unknown key \"contries\" is ignored\n" +
		"warning: countries: \"Turkiye\" and \"Türkiye\" are one term (countries/turkiye/); shown as \"Turkiye\". Used in: content/articles/a.md\n"
	if !strings.HasPrefix(stdout, want) {
		t.Errorf("check said:\n%s\nwant it to start with:\n%s", stdout, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("check wrote public/")
	}
}

func TestCheckReportsDoubtfulNames(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), "---\ntitle: A\ndate: 2021-11-10\npeople: [Kent]\n---\n")
	writeFile(t, filepath.Join(dir, "content/articles/b.md"), "---\ntitle: B\ndate: 2021-11-11\nplaces: [Kent]\n---\n")
	code, stdout, stderr := briefing(t, "check", "-s", dir)
	if code != 0 {
		t.Fatalf("check: %s", stderr)
	}
	want := "warning: name looks wrong: people \"Kent\" (content/articles/a.md): also given as one of the places in 1 article(s)\n"
	if !strings.Contains(stdout, want) {
		t.Errorf("check said:\n%s\nwant a line:\n%s", stdout, want)
	}
}

func TestUnknownCommand(t *testing.T) {
	code, _, stderr := briefing(t, "bild")
	if code == 0 || !strings.Contains(stderr, `unknown command "bild"`) {
		t.Errorf("got %d %q", code, stderr)
	}
}

// TestProfileFlags checks that --cpuprofile and --memprofile leave
// profiles go tool pprof reads: gzip-compressed protocol buffers.
func TestProfileFlags(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "digest")
	if code, _, stderr := briefing(t, "new", "site", "--briefing-version", "v0.3.0", dir); code != 0 {
		t.Fatalf("new site: %s", stderr)
	}
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	if code, _, stderr := briefing(t, "build", "-s", dir, "--cpuprofile", cpu, "--memprofile", mem); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	for _, p := range []string{cpu, mem} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
			t.Errorf("%s is not a pprof profile (%d bytes)", filepath.Base(p), len(data))
		}
	}
}
