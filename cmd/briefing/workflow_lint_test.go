package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/rhysd/actionlint"
)

// TestWorkflowPassesActionlint lints the Pages workflow a new site gets
// with actionlint, which knows GitHub's workflow schema, each action's
// inputs and outputs, and the expression syntax: a typo in a key or a
// step's output would otherwise show only when the site is first pushed.
func TestWorkflowPassesActionlint(t *testing.T) {
	saved := version
	version = "v1.4.2"
	t.Cleanup(func() { version = saved })
	dir := filepath.Join(t.TempDir(), "digest")
	if code, _, stderr := briefing(t, "new", "site", dir); code != 0 {
		t.Fatalf("new site: %s", stderr)
	}
	file := filepath.Join(dir, ".github/workflows/pages.yml")
	wf, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	linter, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	problems, err := linter.Lint(file, wf, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("pages.yml:%d:%d: %s [%s]", p.Line, p.Column, p.Message, p.Kind)
	}
	// Every action is pinned to a major release, never a branch that
	// moves under the site.
	uses := regexp.MustCompile(`(?m)uses: (\S+)`).FindAllStringSubmatch(string(wf), -1)
	if len(uses) == 0 {
		t.Fatal("the workflow uses no actions")
	}
	for _, u := range uses {
		if !regexp.MustCompile(`^actions/[a-z-]+@v\d+$`).MatchString(u[1]) {
			t.Errorf("%s is not an actions/ action pinned to a major version", u[1])
		}
	}
}
