package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seedPath = "../../examples/inbox/seed-article.txt"

func TestImportBatchWithAFailure(t *testing.T) {
	site := t.TempDir()
	empty := filepath.Join(t.TempDir(), "empty.txt")
	writeFile(t, empty, "")
	code, stdout, stderr := briefing(t, "import", "-s", site, "--date", "2021-11-10", seedPath, empty, filepath.Join(site, "nope.txt"))
	if code == 0 {
		t.Error("a batch with failures exited 0")
	}
	if !strings.Contains(stdout, "imported content/articles/2021/iran-russia-stress-cooperation-to-achieve-regional-security.md ← "+seedPath) {
		t.Errorf("stdout:\n%s", stdout)
	}
	if !strings.HasSuffix(stdout, "imported 1, updated 0, unchanged 0, skipped as duplicates 0, warnings 0, errors 2\n") {
		t.Errorf("summary:\n%s", stdout)
	}
	for _, want := range []string{"empty.txt", "nope.txt: no such file", "error: 2 inputs could not be imported; the others were"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// The imported file builds.
	if code, _, stderr := briefing(t, "build", "-s", site); code != 0 {
		t.Errorf("the imported site does not build: %s", stderr)
	}
	// Again: nothing changes, and the exit status is clean.
	code, stdout, _ = briefing(t, "import", "-s", site, seedPath)
	if code != 0 || !strings.Contains(stdout, "unchanged 1") {
		t.Errorf("re-import: %d %s", code, stdout)
	}
}

func TestImportFromStdinDryRun(t *testing.T) {
	site := t.TempDir()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := briefingIn(t, string(data), "import", "-s", site, "-n", "-")
	if code != 0 {
		t.Fatalf("%s", stderr)
	}
	for _, want := range []string{"would write content/articles/", "← standard input", "people: [Ali Shamkhani, Nikolay Patrushev]", "would import 1"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "warning: standard input: no date") {
		t.Errorf("no date warning: %q", stderr)
	}
	if entries, _ := os.ReadDir(site); len(entries) != 0 {
		t.Error("a dry run wrote files")
	}
}

func TestExtractCommand(t *testing.T) {
	code, stdout, stderr := briefing(t, "extract", seedPath)
	if code != 0 {
		t.Fatal(stderr)
	}
	for _, want := range []string{`title: "Iran, Russia stress cooperation to achieve regional security"`, "sections: [Iran, Middle East, World News]",
		"countries: [Iran, Russia, India, Afghanistan, United States]", `event: "Delhi Regional Security Dialogue on Afghanistan"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("extract output lacks %s:\n%s", want, stdout)
		}
	}
	in := `{"id":"b","title":"","text":"Talks in Paris between Iran and France."}` + "\n" + `{"id":"a","title":"T","text":"Nothing here."}` + "\n"
	code, stdout, stderr = briefingIn(t, in, "extract", "--jsonl")
	if code != 0 {
		t.Fatal(stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %q", stdout)
	}
	var first, second map[string]any
	if json.Unmarshal([]byte(lines[0]), &first) != nil || json.Unmarshal([]byte(lines[1]), &second) != nil {
		t.Fatalf("not JSON: %q", stdout)
	}
	if first["id"] != "b" || second["id"] != "a" {
		t.Errorf("order: %v %v", first["id"], second["id"])
	}
	for _, key := range []string{"people", "countries", "organizations", "places", "event", "topics", "summary"} {
		if _, ok := second[key]; !ok {
			t.Errorf("line lacks %q: %s", key, lines[1])
		}
	}
}
