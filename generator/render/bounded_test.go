package render

import (
	"html/template"
	"testing"
)

// TestBounded checks which of a site's own templates keep the built-in
// declarations (bounded) and which make their pages depend on the whole
// site: everything reaching past the page's own subject, its cards and
// the configuration must be unbounded, or serve would keep stale pages.
func TestBounded(t *testing.T) {
	cases := []struct {
		src  string
		want bool
	}{
		// A footer, an article page and a card that read only what the
		// built-in ones are declared to.
		{`{{ define "footer" }}<footer>{{ .Site.Config.Title }} · <a href="{{ rel "issues/" }}">Issues</a></footer>{{ end }}`, true},
		{`{{ template "base" . }}{{ define "main" }}<h1>{{ .Entry.Title }}</h1>{{ if .ShowSummary }}<p>{{ .Entry.Summary }}</p>{{ end }}<time>{{ date .Date }}</time>{{ .Body }}{{ end }}`, true},
		{`{{ define "entry" }}<a href="{{ rel .Entry.Path }}">{{ .Entry.Title }}</a>{{ range .Countries }} {{ .Name }}{{ end }}{{ with .Entry.People }}{{ range . }}{{ . }}{{ end }}{{ end }}{{ end }}`, true},
		{`{{ define "x" }}{{ $e := .Entry }}{{ $e.Title }}{{ template "y" . }}{{ end }}{{ define "y" }}{{ printf "%s" $.Title }}{{ end }}`, true},
		// What the two stale pages came from, and others like them.
		{`{{ define "entry" }}{{ range .Countries }}{{ len .Entries }}{{ end }}{{ end }}`, false},
		{`{{ template "base" . }}{{ define "main" }}{{ len .Entry.Issue.Entries }}{{ end }}`, false},
		{`{{ define "footer" }}{{ len .Site.Entries }}{{ end }}`, false},
		{`{{ define "footer" }}{{ range .Site.Taxonomies }}{{ .Title }}{{ end }}{{ end }}`, false},
		{`{{ define "x" }}{{ .Term.Name }}{{ end }}`, false},
		{`{{ define "x" }}{{ .Entry.Prev.Title }}{{ end }}`, false},
		{`{{ define "x" }}{{ with .Entry }}{{ .Body }}{{ end }}{{ end }}`, false},
		{`{{ define "x" }}{{ $p := . }}{{ $p.Site.Entries }}{{ end }}`, false},
		{`{{ define "x" }}{{ $.Latest.Title }}{{ end }}`, false},
		{`{{ define "x" }}{{ (.Entry).Title }}{{ end }}`, false},
		{`{{ define "x" }}{{ cards $ .Site.Entries nil }}{{ end }}`, false},
		{`{{ define "x" }}{{ partialCached "footer" . }}{{ end }}`, false},
		{`{{ define "x" }}{{ template "pager" . }}{{ end }}`, false},
		{`{{ define "x" }}{{ with .Entry }}{{ template "y" . }}{{ end }}{{ end }}{{ define "y" }}{{ .Body }}{{ end }}`, false},
		{`{{ define "x" }}{{ template "base" .Entry }}{{ end }}`, false},
	}
	funcs := (&Renderer{}).funcs()
	for _, c := range cases {
		tmpl, err := template.New("own.html").Funcs(funcs).Parse(c.src)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		if got := bounded(treesOf(tmpl, "own.html")); got != c.want {
			t.Errorf("bounded = %v, want %v, for %s", got, c.want, c.src)
		}
	}
}
