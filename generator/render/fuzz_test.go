package render

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzMarkdownSafe renders any Markdown as an imported article is
// rendered (no raw HTML) and parses the result as a browser would: no
// script element, no event handler attribute and no link or source that
// runs script may come out. Seeds are below and in
// testdata/fuzz/FuzzMarkdownSafe.
func FuzzMarkdownSafe(f *testing.F) {
	for _, s := range []string{
		"[a](javascript:alert(1)) ![i](JaVaScRiPt:x) <script>x</script>",
		"<img src=x onerror=alert(1)> <a href=\"javascript:x\">y</a>",
		"[a](java\tscript:x) [b](data:text/html,<script>) [c]( vbscript:x)",
		"[ref]\n\n[ref]: javascript:alert(1)\n",
		"<https://example.org/> <javascript:alert(1)>",
		"Footnote[^1].\n\n[^1]: <b onclick=x>n</b>\n",
		"| a | b |\n|---|---|\n| <svg onload=x> | `code` |\n",
		"# Heading {onclick=x}\n\n```html\n<script>\n```\n",
	} {
		f.Add(s)
	}
	md := newMarkdown(false, "/base/")
	f.Fuzz(func(t *testing.T, src string) {
		var out bytes.Buffer
		if err := md.Convert([]byte(src), &out); err != nil {
			return // goldmark refusing input is not a safety problem
		}
		if bad := scriptIn(out.String()); bad != "" {
			t.Fatalf("rendering %q let through %s:\n%s", src, bad, out.String())
		}
	})
}

// scriptIn returns what in page would run script, or "".
func scriptIn(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "script" || tok.Data == "iframe" || tok.Data == "object" || tok.Data == "embed" {
				return "a <" + tok.Data + "> element"
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					return "the handler " + a.Key
				}
				if (a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "formaction") && scripted([]byte(a.Val)) {
					return a.Key + "=" + a.Val
				}
			}
		}
	}
}
