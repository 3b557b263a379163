package render

import (
	"bytes"
	"strconv"
	"strings"
)

// htmlw writes a page in Go, escaping each value as html/template escapes
// it in the context the built-in template puts it: the Go renderers of
// the built-in pages (fast.go) must give the template's bytes, so these
// follow html/template's own escapers, not its exported helpers, which
// differ (HTMLEscapeString leaves "+" alone; the template does not).
// fastesc_test.go checks each against html/template on hostile values.
type htmlw struct{ *bytes.Buffer }

// escapes are what html/template replaces in text, in <title>'s RCDATA
// and in a quoted attribute's value; every other byte, invalid UTF-8
// included, is written as it is.
var escapes = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// esc writes s as text, or as a quoted attribute's value.
func (w htmlw) esc(s string) {
	done := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if int(c) < len(escapes) && escapes[c] != "" {
			w.WriteString(s[done:i])
			w.WriteString(escapes[c])
			done = i + 1
		}
	}
	w.WriteString(s[done:])
}

// num writes n as text.
func (w htmlw) num(n int) {
	var b [20]byte
	w.Write(strconv.AppendInt(b[:0], int64(n), 10))
}

// url writes s as the whole of an href: a scheme other than http,
// https or mailto ("javascript:") becomes html/template's "#ZgotmplZ";
// the rest is percent-encoded where a URL may not hold a byte as it is,
// keeping what already is an escape, and then escaped as an attribute.
func (w htmlw) url(s string) {
	if !safeScheme(s) {
		w.WriteString("#ZgotmplZ")
		return
	}
	w.esc(percent(s, true))
}

// query writes s after the "?" of an href: every byte but letters,
// digits and "-._~" percent-encoded, which leaves nothing an attribute
// must escape.
func (w htmlw) query(s string) {
	w.WriteString(percent(s, false))
}

// safeScheme says whether s has no scheme, or one of the three
// html/template lets through into a link.
func safeScheme(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// percent returns s with the bytes a URL must not hold as they are
// percent-encoded; keep leaves the reserved characters and existing
// escapes, as for a whole address, rather than encoding them, as for a
// value in its query. Most addresses need nothing encoded and are
// returned as they are, so a page's links cost no allocation each.
func percent(s string, keep bool) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			continue
		case keep && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			continue
		case keep && c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		b.WriteString(s[done:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		done = i + 1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
