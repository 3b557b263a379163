package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/internal/importcmd"
)

// goBuild builds the program in folder pkg into dir/name and returns its
// path.
func goBuild(t *testing.T, dir, name, pkg string, flags ...string) string {
	t.Helper()
	out := filepath.Join(dir, name)
	args := append([]string{"build", "-o", out}, flags...)
	if b, err := exec.Command("go", append(args, pkg)...).CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
	return out
}

// runProgram runs a built program with env added to this process's and
// returns its exit status and what it printed.
func runProgram(t *testing.T, env []string, prog string, args ...string) (int, string, string) {
	t.Helper()
	c := exec.Command(prog, args...)
	c.Env = append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	c.Stdout, c.Stderr = &out, &errOut
	err := c.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String(), errOut.String()
	case err != nil:
		t.Fatalf("%s: %v", prog, err)
	}
	return 0, out.String(), errOut.String()
}

// seedFromAnywhere is the seed article's absolute path, for programs run
// in other folders.
func seedFromAnywhere(t *testing.T) string {
	t.Helper()
	seed, err := filepath.Abs(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return seed
}

func TestImportRunsInBriefingImport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds both programs")
	}
	seed := seedFromAnywhere(t)
	// Installed together, as go install ./cmd/... puts them.
	both := t.TempDir()
	briefing := goBuild(t, both, "briefing", ".")
	// Stamped with its commit, as go build stamps it by default.
	importer := goBuild(t, both, companionName, "../briefing-import", "-buildvcs=true")
	site := t.TempDir()
	code, stdout, stderr := runProgram(t, nil, briefing, "import", "-s", site, "--date", "2021-11-10", seed)
	if code != 0 || !strings.HasSuffix(stdout, "imported 1, updated 0, unchanged 0, skipped as duplicates 0, warnings 0, errors 0\n") {
		t.Fatalf("import: %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "content/articles/2021/iran-russia-stress-cooperation-to-achieve-regional-security.md")); err != nil {
		t.Errorf("the article was not written: %v", err)
	}
	code, stdout, _ = runProgram(t, nil, briefing, "extract", seed)
	if code != 0 || !strings.Contains(stdout, "people: [Ali Shamkhani, Nikolay Patrushev]") {
		t.Errorf("extract: %d\n%s", code, stdout)
	}
	// Its failures read as briefing's own, once, with its exit status.
	code, _, stderr = runProgram(t, nil, briefing, "import", "--sorce", site, seed)
	if want := "error: briefing import has no flag --sorce; did you mean --source? (briefing help import lists its flags)\n"; code != 1 || stderr != want {
		t.Errorf("a misspelt flag: %d %q, want 1 %q", code, stderr, want)
	}
	code, _, stderr = runProgram(t, nil, briefing, "import", "-s", site, filepath.Join(site, "nope.txt"))
	if code != 1 || !strings.Contains(stderr, "nope.txt: no such file") || strings.Contains(stderr, "exit status") {
		t.Errorf("a missing file: %d\n%s", code, stderr)
	}
	// Run for a briefing built from other source, it refuses.
	code, _, stderr = runProgram(t, []string{"BRIEFING_IMPORT_FOR=v0.0.1"}, importer, "import", "-s", site, seed)
	if code != 1 || !strings.Contains(stderr, "but the briefing that ran it from v0.0.1; install both again") {
		t.Errorf("briefing-import of another build: %d\n%s", code, stderr)
	}
	// Help is import's own, flags and all.
	for _, args := range [][]string{{"help", "import"}, {"import", "--help"}} {
		if code, stdout, _ := runProgram(t, nil, briefing, args...); code != 0 || !strings.Contains(stdout, "--outlet string") {
			t.Errorf("briefing %s: %d\n%s", strings.Join(args, " "), code, stdout)
		}
	}
}

func TestImportBuildsBriefingImportFromItsSource(t *testing.T) {
	if testing.Short() {
		t.Skip("builds both programs")
	}
	seed := seedFromAnywhere(t)
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	// As go run leaves it: briefing alone, in a folder of its own.
	briefing := goBuild(t, t.TempDir(), "briefing", ".")
	env := []string{"XDG_CACHE_HOME=" + t.TempDir(), "GOCACHE=" + strings.TrimSpace(string(gocache))}
	site := t.TempDir()
	code, stdout, stderr := runProgram(t, env, briefing, "import", "-s", site, "--date", "2021-11-10", seed)
	if code != 0 || !strings.Contains(stdout, "imported 1,") || !strings.Contains(stderr, "building briefing-import from ") {
		t.Fatalf("first import: %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runProgram(t, env, briefing, "import", "-s", site, seed)
	if code != 0 || !strings.Contains(stdout, "unchanged 1,") || stderr != "" {
		t.Errorf("second import, with briefing-import built: %d\n%s%s", code, stdout, stderr)
	}

	// Built without its source's whereabouts and alone, it says what to install.
	trimmed := goBuild(t, t.TempDir(), "briefing", ".", "-trimpath")
	code, _, stderr = runProgram(t, []string{"PATH=" + t.TempDir()}, trimmed, "import", "-s", site, seed)
	if code != 1 || !strings.Contains(stderr, "run by briefing-import, which is neither beside briefing") ||
		!strings.Contains(stderr, "go install github.com/briefing-digest/briefing/cmd/...@latest") {
		t.Errorf("without briefing-import: %d\n%s", code, stderr)
	}
}

// The commands briefing lists are the ones briefing-import runs.
func TestDelegatedCommandsSayWhatTheyRun(t *testing.T) {
	for i, real := range []func() *cobra.Command{importcmd.Import, importcmd.Extract} {
		want, got := real(), delegatedCommands[i]()
		if got.Use != want.Use || got.Short != want.Short {
			t.Errorf("briefing lists %q %q for %q %q", got.Use, got.Short, want.Use, want.Short)
		}
	}
}
