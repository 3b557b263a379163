package render

import (
	"bytes"
	"encoding/xml"
	"testing"
	"time"
)

// FuzzSitemapEscape checks the sitemap's own escaping against
// encoding/xml's: an address with an ampersand, a quote, a control
// character or broken UTF-8 must come out as xml.EscapeText writes it,
// and a date as time.Format writes it, whatever the year.
func FuzzSitemapEscape(f *testing.F) {
	for _, s := range []string{"", "https://a.example/b/", "q?a=1&b=2", `"'<>`, "caf\u00e9/", "\xff\xfe", "tab\there\n", "\u2028"} {
		f.Add(s, int64(1700000000))
	}
	f.Add("x", int64(-70000000000))
	f.Add("x", int64(300000000000))
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		var got, want bytes.Buffer
		escapeXML(&got, s)
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("escapeXML(%q) = %q, want %q", s, got.String(), want.String())
		}
		day := time.Unix(sec, 0).In(time.FixedZone("x", -11*3600))
		got.Reset()
		appendDay(&got, day)
		if w := day.Format("2006-01-02"); got.String() != w {
			t.Errorf("appendDay(%v) = %q, want %q", day, got.String(), w)
		}
	})
}
