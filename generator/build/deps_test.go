package build

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBuildLeavesImportOut keeps build and serve from linking what only
// import needs: the gazetteers and the tagger's weights, and
// go-dateparser, whose start-up costs about 0.2 s and 80 MB (see
// docs/performance.md). Should the import command ever move to a binary
// of its own, build and serve must not pull them back in.
func TestBuildLeavesImportOut(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/briefing-digest/briefing/generator/build",
		"github.com/briefing-digest/briefing/generator/serve").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, kept := range []string{"/generator/extract", "/generator/ingest", "/generator/importer",
			"markusmobius/go-dateparser", "markusmobius/go-htmldate", "markusmobius/go-trafilatura"} {
			if strings.Contains(pkg, kept) {
				t.Errorf("build or serve links %s", pkg)
			}
		}
	}
}
