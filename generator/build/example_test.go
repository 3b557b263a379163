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
	// The seed and every Wikinews report examples/inbox/wikinews.tsv lists.
	tsv, err := os.ReadFile(filepath.Join(exampleSite, "examples/inbox/wikinews.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + strings.Count(string(tsv), "\n"); res.Articles != want {
		t.Fatalf("the example site has %d articles; want %d, the seed and the reports in wikinews.tsv", res.Articles, want)
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

// TestReadmeFrontMatterIsReal checks that the front matter README shows
// under "The article file" is, byte for byte, that of the file it names.
func TestReadmeFrontMatterIsReal(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(exampleSite, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## The article file\n")
	if !ok {
		t.Fatal("README has no section \"The article file\"")
	}
	name, rest, ok := strings.Cut(section, "```yaml\n")
	block, _, ok2 := strings.Cut(rest, "```\n")
	if !ok || !ok2 {
		t.Fatal("the article file section has no yaml block")
	}
	file := ""
	for _, f := range strings.Fields(name) {
		if f := strings.Trim(f, "`:,."); strings.HasPrefix(f, "content/") {
			file = f
		}
	}
	if file == "" {
		t.Fatalf("the section does not name the file it shows:\n%s", name)
	}
	data, err := os.ReadFile(filepath.Join(exampleSite, file))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), block) {
		t.Errorf("README shows:\n%s\nbut %s begins:\n%s", block, file, data[:min(len(data), len(block))])
	}
}
