package build

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBuildLeavesImportOut keeps build and serve from linking what only
// import needs: the gazetteers and the tagger's weights, and
// go-dateparser, whose start-up costs 0.2–0.4 s and 80 MB (see
// docs/performance.md). The briefing program, which runs build and
// serve, leaves them out too: import and extract run in briefing-import.
func TestBuildLeavesImportOut(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/briefing-digest/briefing/generator/build",
		"github.com/briefing-digest/briefing/generator/serve",
		"github.com/briefing-digest/briefing/cmd/briefing").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, kept := range []string{"/generator/extract", "/generator/ingest", "/generator/importer",
			"/internal/importcmd", "markusmobius/go-dateparser", "markusmobius/go-htmldate", "markusmobius/go-trafilatura"} {
			if strings.Contains(pkg, kept) {
				t.Errorf("build, serve or the briefing program links %s", pkg)
			}
		}
	}
}
