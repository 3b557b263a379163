package content

import (
	"strings"
	"testing"
	"time"
)

// TestDelimiterPlaces checks where front matter and body are found when
// the delimiters are not at the file's very start, are indented, end in
// CRLF, close on the last line, or come after more than a read buffer
// (4 KB) of front matter: the body must be the file's text after the
// closing line, at its own line, and an error must name the line and
// column the user sees in an editor.
func TestDelimiterPlaces(t *testing.T) {
	long := "custom: |\n" + strings.Repeat("  a long value that pads the front matter out\n", 100) // 4.6 KB
	for _, tc := range []struct {
		name, src string
		body      string
		bodyLine  int
		err       string
	}{
		{name: "blank lines first", src: "\n \n---\ntitle: T\ndate: 2021-11-10\n---\nBody.\n",
			body: "Body.\n", bodyLine: 7},
		{name: "indented CRLF delimiters", src: "\r\n  ---  \r\ntitle: T\r\ndate: 2021-11-10\r\n ---\r\nBody.\r\n",
			body: "Body.\r\n", bodyLine: 6},
		{name: "closed on the last line", src: "+++\ntitle = 'T'\ndate = 2021-11-10\n+++",
			body: "", bodyLine: 4},
		{name: "a --- in the body", src: "---yaml\ntitle: T\ndate: 2021-11-10\n---\nOne.\n---\nTwo.\n",
			body: "One.\n---\nTwo.\n", bodyLine: 5},
		{name: "long front matter", src: "\n---\n" + long + "title: T\ndate: 2021-11-10\n---\nBody.\n",
			body: "Body.\n", bodyLine: 107},
		{name: "YAML error after blank lines", src: "\n\n ---\ntitle: T\ndate: 2021-11-10\npeople: [A\n---\n",
			err: `content/x.md:6:9: YAML syntax: this "[" is never closed`},
		{name: "YAML error past 4 KB", src: "---\n" + long + "title: T\ndate: 2021-11-10\npeople: [A\n---\n",
			err: `content/x.md:105:9: YAML syntax: this "[" is never closed`},
		{name: "TOML error after a blank line", src: "\n+++\ntitle = 'T'\nx = ]\n+++\n",
			err: "content/x.md:4:"},
		{name: "opener on the last line", src: "\n\n---toml",
			err: `content/x.md:3:1: front matter opened with "---toml" is never closed`},
		{name: "closer of another format", src: ";;;\n{}\n---\n",
			err: `content/x.md:1:1: front matter opened with ";;;" is never closed`},
		{name: "text before the delimiter", src: "Title\n---\ntitle: T\n---\n",
			err: "content/x.md:1:1: no front matter: an article starts with a --- line, then title: and date:, then ---"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("content/x.md", []byte(tc.src), time.UTC)
			if tc.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
					t.Fatalf("error %v, want %s…", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(a.Body) != tc.body || a.BodyLine != tc.bodyLine {
				t.Errorf("body %q at line %d, want %q at line %d", a.Body, a.BodyLine, tc.body, tc.bodyLine)
			}
		})
	}
}
