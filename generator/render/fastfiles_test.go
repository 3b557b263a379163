package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/templates"
)

// TestFastPagesHostileFrontMatterFiles writes articles whose front matter
// holds markup, quotes, U+2028, NUL-like escapes and bidi marks, reads
// them as a build does, and requires the same escaped pages both ways.
// (A url: that is not http or https is refused on reading; the fuzz test
// gives one to the renderer directly.)
func TestFastPagesHostileFrontMatterFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"briefing.yaml": "title: \"Digest <b>&</b> 'co'\"\ndescription: \"A \\\"quoted\\\" <i>site</i> + more\"\nbase_url: \"https://example.org/a+b/\"\n" +
			"taxonomies: [countries, people, sections, places, topics]\n",
		"content/articles/one.md": "---\ntitle: \"\\\"><script>alert(1)</script> \\u2028 line\"\ndate: 2026-11-02\n" +
			"source: \"O'Brien & Sons <Ltd>\"\nurl: \"https://example.org/a b?q=<1>&r='2'\"\n" +
			"summary: \"Summary with \\u202eevil\\u202c and +plus+ and \\u0000nul\"\n" +
			"sections: [\"<em>World</em>\", \"A&B\"]\ncountries: [\"Côte d'Ivoire\", \"Chile\"]\n" +
			"people: [\"\\\"Quoted\\\" Person\"]\nplaces: [\"<script>x</script>\"]\ntopics: [\"{{ .Title }} x\"]\nlicense: \"CC <by> 'x'\"\n---\n\nBody <b>not</b> raw.\n",
		"content/articles/two.md": "---\ntitle: \"Two & </title><script>\"\ndate: 2026-11-03\nsource: \"javascript:alert(1)\"\n" +
			"countries: [\"Chile\"]\npeople: [\"\\\"Quoted\\\" Person\"]\nsections: [\"A&B\"]\n---\n\nText.\n",
	}
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, s := loadSite(t, dir)
	out := sameBothWays(t, cfg, templates.FS, s)
	page := string(out["articles/one/index.html"])
	if !strings.Contains(page, "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the article's title is not shown escaped:\n%s", page)
	}
	for path, data := range out {
		if strings.HasSuffix(path, ".html") {
			if bad := markupIn(string(data)); bad != "" {
				t.Errorf("%s: %s", path, bad)
			}
		}
	}
}
