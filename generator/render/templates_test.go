package render

import (
	"testing"
	"testing/fstest"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/templates"
)

// TestCardsSharedOnlyWhenDefinedOnce checks that cards are reused across
// page kinds with the built-in templates, and not once a page template
// has its own "entry": its lists must then show its own cards.
func TestCardsSharedOnlyWhenDefinedOnce(t *testing.T) {
	cfg := generator.DefaultConfig()
	r, err := New(cfg, templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	if !r.cards.shared {
		t.Error("the built-in templates define entry once, but cards are not shared")
	}
	own := fstest.MapFS{"term.html": {Data: []byte(`{{ template "base" . }}{{ define "main" }}{{ range .Term.Entries }}{{ card $ . nil }}{{ end }}{{ end }}{{ define "entry" }}<p>own {{ .Entry.Title }}</p>{{ end }}`)}}
	r, err = New(cfg, generator.Overlay{Upper: own, Lower: templates.FS})
	if err != nil {
		t.Fatal(err)
	}
	if r.cards.shared {
		t.Error("term.html defines its own entry, but cards are still shared")
	}
}
