package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/generator/search"
	"github.com/briefing-digest/briefing/internal/corpus"
)

// TestFragmentsHoldTheirOwnText builds 120 generated articles and checks
// that what search shows of each article, in its file of search/d/, is
// the start of that article's own text: a group's texts share a buffer,
// and an article showing its neighbour's words, or theirs run into its
// own, is a wrong snippet under every result.
func TestFragmentsHoldTheirOwnText(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, 120, 7); err != nil {
		t.Fatal(err)
	}
	out, _ := buildTo(t, dir, Options{})
	articles, err := content.Load(dir, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // title → plain text
	for _, a := range articles {
		body, err := a.ReadBody()
		if err != nil {
			t.Fatal(err)
		}
		want[a.Title] = search.PlainText(body)
	}
	files, err := filepath.Glob(filepath.Join(out, "search/d/*.json"))
	if err != nil || len(files) < 2 {
		t.Fatalf("search/d/ holds %d files (%v): want a group per eight articles", len(files), err)
	}
	seen := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var group []fragment
		if err := json.Unmarshal(data, &group); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, fr := range group {
			text, ok := want[fr.Title]
			if !ok {
				t.Fatalf("%s: a fragment titled %q, which is no article's title", f, fr.Title)
			}
			if fr.Body == "" || !strings.HasPrefix(text, fr.Body) || len(fr.Body) < min(len(text), 3000) {
				t.Errorf("%s: %q shows %.80q…, want the start of its own text %.80q…", f, fr.Title, fr.Body, text)
			}
			seen++
		}
	}
	if seen != len(want) {
		t.Errorf("search/d/ shows %d articles, want %d", seen, len(want))
	}
}
