package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exampleSite is the repository's root: the example digest a newcomer
// builds first.
const exampleSite = "../.."

// TestExampleSiteUnderSubPath builds the example content as GitHub Pages
// would publish a project site, and walks every page's links.
func TestExampleSiteUnderSubPath(t *testing.T) {
	const base = "https://analyst.github.io/briefing/"
	out, res := buildTo(t, exampleSite, Options{BaseURL: base})
	if res.Articles < 5 {
		t.Fatalf("the example site has %d articles; want the seed and several Wikinews reports", res.Articles)
	}
	for _, b := range brokenLinks(t, out, base) {
		t.Error(b)
	}
	page, err := os.ReadFile(filepath.Join(out, "articles/iran-russia-stress-cooperation-to-achieve-regional-security/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Iran, Russia stress cooperation to achieve regional security", "Delhi Regional Security Dialogue on Afghanistan",
		`href="/briefing/people/ali-shamkhani/"`, `href="/briefing/countries/united-states/"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the seed's page lacks %s", want)
		}
	}
	for _, furniture := range []string{"Back to top button", "IranMiddle East"} {
		if strings.Contains(string(page), furniture) {
			t.Errorf("the seed's page shows page furniture %q", furniture)
		}
	}
}
