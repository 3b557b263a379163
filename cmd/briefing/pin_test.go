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
		want             string // the pinned version, or "" for a refusal
		says             string // what a refusal says
	}{
		{"a release", "v1.4.2", "", "v1.4.2", ""},
		{"asked for", "v1.4.2", "v1.5.0-rc.1", "v1.5.0-rc.1", ""},
		{"development build", "", "", "", "--briefing-version vX.Y.Z"},
		{"untagged commit", "v0.0.0-20261201101500-1a2b3c4d5e6f", "", "", "not a release tag"},
		{"local changes", "v1.4.2+dirty", "", "", "not a release tag"},
		{"latest", "", "latest", "", `version "latest"`},
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
			if tc.want == "" {
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
			wf, err := os.ReadFile(filepath.Join(dir, ".github/workflows/pages.yml"))
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
