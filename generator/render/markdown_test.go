package render

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

func convert(t *testing.T, unsafe bool, base, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := newMarkdown(unsafe, base).Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestMarkdownSafety(t *testing.T) {
	src := "[click](javascript:alert(1)) [case](JaVaScRiPt:alert(1)) [tab](java\tscript:x) [ok](https://example.org/)\n\n" +
		"<script>alert(1)</script><b>bold</b>\n\n![img](javascript:alert(1))"
	safe := convert(t, false, "/", src)
	for _, bad := range []string{"javascript", "JaVaScRiPt", "<script>", "<b>"} {
		if strings.Contains(safe, bad) {
			t.Errorf("default rendering lets %q through:\n%s", bad, safe)
		}
	}
	for _, want := range []string{"click", "case", `<a href="https://example.org/">ok</a>`} {
		if !strings.Contains(safe, want) {
			t.Errorf("default rendering lost %q:\n%s", want, safe)
		}
	}
	unsafe := convert(t, true, "/", src)
	if !strings.Contains(unsafe, "<b>bold</b>") {
		t.Errorf("unsafe_html should keep raw HTML:\n%s", unsafe)
	}
	if strings.Contains(strings.ToLower(unsafe), `href="javascript`) {
		t.Errorf("javascript: links must go even with unsafe_html:\n%s", unsafe)
	}
}

func TestMarkdownRootLinksFollowBasePath(t *testing.T) {
	got := convert(t, false, "/repo/", "[a](/countries/iran/) [b](//cdn.example/x) [c](/repo/already/) [d](relative/) ![e](/img/map.png)")
	for _, want := range []string{`href="/repo/countries/iran/"`, `href="//cdn.example/x"`, `href="/repo/already/"`, `href="relative/"`, `src="/repo/img/map.png"`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
}

func TestTemplateErrorPositions(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`template: article.html:12: function "foo" not defined`, `templates/article.html:12: function "foo" not defined`},
		{`template: partials/entry.html:3:14: executing "entry" at <.Entry.Nope>: can't evaluate field Nope in type *generator.Entry`,
			`templates/partials/entry.html:3:14: at <.Entry.Nope>: can't evaluate field Nope in type *generator.Entry`},
		{`html/template:home.html:5:9: {{.}} appears in an ambiguous context within a URL`, `templates/home.html:5:9: {{.}} appears in an ambiguous context within a URL`},
	} {
		if got := templateError(errString(tc.in)).Error(); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestBodyHeadingsStartAtH2(t *testing.T) {
	for src, want := range map[string][]string{
		"# Top\n\n## Sub\n":         {"<h2 id=\"top\">Top</h2>", "<h3 id=\"sub\">Sub</h3>"},
		"#### Deep\n\n##### Deeper": {"<h2 id=\"deep\">Deep</h2>", "<h3 id=\"deeper\">Deeper</h3>"},
		"## Already\n":              {"<h2 id=\"already\">Already</h2>"},
		// Headings inside quotes, lists and footnotes are moved too.
		"> # Quoted\n\n- #### Listed\n\nA note[^1].\n\n[^1]: Noted.\n\n    still the note\n\n## Last\n": {
			"<h2 id=\"quoted\">Quoted</h2>", "<h5 id=\"listed\">Listed</h5>", "<h3 id=\"last\">Last</h3>"},
		"1. item\n\n   # In a loose list\n\n   text\n": {"<h2 id=\"in-a-loose-list\">In a loose list</h2>"},
	} {
		got := convert(t, false, "/", src)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%q gave\n%s\nwant %s", src, got, w)
			}
		}
	}
}

// TestRenderSurvivesPanics checks that a file whose making panics is
// reported as an error naming it, and the other files are still made.
func TestRenderSurvivesPanics(t *testing.T) {
	r := &Renderer{cards: newCards(), partials: newPartials(nil), sets: make([]templateSet, 2), bufs: []*bytes.Buffer{{}, {}}}
	p := &Plan{site: &generator.Site{}, jobs: []job{
		{path: "bad.html", make: func(*bytes.Buffer, templateSet) error { panic("boom") }},
		{path: "good.txt", make: func(b *bytes.Buffer, _ templateSet) error { b.WriteString("ok"); return nil }},
	}}
	var mu sync.Mutex
	made := map[string]string{}
	_, err := r.RenderPlan(context.Background(), p, nil, func(path string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		made[path] = string(data)
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "bad.html") || !strings.Contains(err.Error(), "boom") {
		t.Errorf("error %v does not name the file and the panic", err)
	}
	if made["good.txt"] != "ok" {
		t.Errorf("the other file was not made: %v", made)
	}
}

func TestStartsWithWords(t *testing.T) {
	for _, tc := range []struct {
		text, prefix string
		want         bool
	}{
		{"The minister said\nthat talks would go on.", "The minister said that", true},
		{"**The minister**  said that", "The minister said", true},
		{"> The minister said", "The minister said", true},
		{"The minister said", "The minister said that talks", false},
		{"The minister said", "The minister spoke", false},
		{"Security talks", "Secur", true}, // a prefix may end inside a word
		{"Security talks", "Sec talks", false},
		{"Anything", "", true},
		{"", "Words", false},
	} {
		if got := startsWithWords([]byte(tc.text), tc.prefix); got != tc.want {
			t.Errorf("startsWithWords(%q, %q) = %v, want %v", tc.text, tc.prefix, got, tc.want)
		}
	}
}
