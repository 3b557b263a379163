package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// hostile are values front matter may hold that an escaper must not let
// through as markup or script.
var hostile = []string{
	`"><script>alert(1)</script>`, `' onmouseover='x`, `a&b+c<d>e"f'g`,
	"javascript:alert(1)", " JaVaScRiPt:x", "java\tscript:x", "data:text/html,<b>x</b>", "vbscript:x",
	"https://example.org/a b?q=1&r=<2>#f'g", "mailto:a@b.org", "HTTP://x", "/path:with/colon", "x:y/z",
	"%41%zz%4", "100% sure", "\u2028\u2029", "nul\x00byte", "\u202eevil\u202c", "\xff\xfe bad UTF-8",
	"\ufdd0\uffff", "ü é 日本 👍", "{{ . }}", "</title><script>", "&amp; &#39;", "",
}

// TestEscapersMatchTemplate checks each of htmlw's escapers against
// html/template escaping the same value in the context it stands for.
func TestEscapersMatchTemplate(t *testing.T) {
	for _, s := range hostile {
		checkEscapers(t, s)
	}
}

// FuzzEscapersMatchTemplate is TestEscapersMatchTemplate on any text.
func FuzzEscapersMatchTemplate(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(checkEscapers)
}

// contexts are template snippets with one value, each with the escaper
// of htmlw that writes a value there.
var contexts = []struct {
	tmpl  string
	write func(htmlw, string)
}{
	{`<p>{{ . }}</p>`, htmlw.esc},
	{`<title>{{ . }}</title>`, htmlw.esc},
	{`<p title="{{ . }}">`, htmlw.esc},
	{`<meta content="{{ . }}">`, htmlw.esc},
	{`<a href="{{ . }}">`, htmlw.url},
	{`<a href="/search/?{{ . }}">`, htmlw.query},
	{`<a href="/search/?k={{ . }}">`, htmlw.query},
}

var contextTemplates = func() []*template.Template {
	var ts []*template.Template
	for _, c := range contexts {
		ts = append(ts, template.Must(template.New("").Parse(c.tmpl)))
	}
	return ts
}()

func checkEscapers(t *testing.T, s string) {
	for i, c := range contexts {
		var want bytes.Buffer
		if err := contextTemplates[i].Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		before, after, _ := strings.Cut(c.tmpl, "{{ . }}")
		got.WriteString(before)
		c.write(htmlw{&got}, s)
		got.WriteString(after)
		if got.String() != want.String() {
			t.Errorf("%q in %s:\n  Go:       %q\n  template: %q", s, c.tmpl, got.String(), want.String())
		}
	}
}
