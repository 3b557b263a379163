package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewSitePinsVersion checks which briefing the GitHub Pages workflow
// of a new site installs: the release that scaffolded it, or the one
// asked for; never @latest, a development build or an untagged commit,
// which no proxy can be trusted to serve. A refusal writes nothing.
func TestNewSitePinsVersion(t *testing.T) {
	for _, tc := range []struct {
		name, own, asked string
		want             string // the pinned version; "" for a site made without its workflow
		says             string // what stderr says: the warning, or a refusal when refused is set
		refused          bool
	}{
		{"a release", "v1.4.2", "", "v1.4.2", "", false},
		{"asked for", "v1.4.2", "v1.5.0-rc.1", "v1.5.0-rc.1", "", false},
		{"development build", "", "", "", "briefing new workflow --briefing-version vX.Y.Z", false},
		{"untagged commit", "v0.0.0-20261201101500-1a2b3c4d5e6f", "", "", "not a release tag", false},
		{"local changes", "v1.4.2+dirty", "", "", "not a release tag", false},
		{"latest", "", "latest", "", `version "latest"`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saved := version
			version = tc.own
			t.Cleanup(func() { version = saved })
			dir := filepath.Join(t.TempDir(), "digest")
			args := []string{"new", "site", dir}
			if tc.asked != "" {
				args = []string{"new", "site", "--briefing-version", tc.asked, dir}
			}
			code, _, stderr := briefing(t, args...)
			if tc.refused {
				if code == 0 || !strings.Contains(stderr, tc.says) {
					t.Errorf("exit %d, stderr %q; want a refusal saying %q", code, stderr, tc.says)
				}
				if _, err := os.Stat(dir); err == nil {
					t.Error("a refused new site still wrote files")
				}
				return
			}
			if code != 0 {
				t.Fatalf("new site: %s", stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "briefing.yaml")); err != nil {
				t.Fatal("no site was made:", err)
			}
			wf, err := os.ReadFile(filepath.Join(dir, ".github/workflows/pages.yml"))
			if tc.want == "" {
				if err == nil {
					t.Errorf("a workflow was written with no release to pin:\n%s", wf)
				}
				if !strings.Contains(stderr, tc.says) {
					t.Errorf("stderr %q; want a warning saying %q", stderr, tc.says)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(wf), "run: go install github.com/briefing-digest/briefing/cmd/briefing@"+tc.want+"\n") ||
				strings.Contains(string(wf), "@latest") || strings.Contains(string(wf), installPlaceholder) {
				t.Errorf("workflow does not install %s alone:\n%s", tc.want, wf)
			}
		})
	}
}

func TestNewWorkflowAddsOnePinned(t *testing.T) {
	saved := version
	version = ""
	t.Cleanup(func() { version = saved })
	dir := filepath.Join(t.TempDir(), "digest")
	if code, _, stderr := briefing(t, "new", "site", dir); code != 0 {
		t.Fatalf("new site: %s", stderr)
	}
	if code, _, stderr := briefing(t, "new", "workflow", "-s", dir); code == 0 || !strings.Contains(stderr, "--briefing-version") {
		t.Errorf("a workflow with no release: exit %d, %q; want a refusal naming --briefing-version", code, stderr)
	}
	if code, _, stderr := briefing(t, "new", "workflow", "-s", dir, "--briefing-version", "v0.3.0"); code != 0 {
		t.Fatalf("new workflow: %s", stderr)
	}
	wf := mustRead(t, filepath.Join(dir, ".github/workflows/pages.yml"))
	if !strings.Contains(wf, "go install github.com/briefing-digest/briefing/cmd/briefing@v0.3.0\n") {
		t.Errorf("workflow does not pin v0.3.0:\n%s", wf)
	}
	if code, _, stderr := briefing(t, "new", "workflow", "-s", dir, "--briefing-version", "v0.3.1"); code == 0 || !strings.Contains(stderr, "already exists") {
		t.Errorf("a second workflow: exit %d, %q; want a refusal", code, stderr)
	}
}
