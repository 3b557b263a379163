package ingest

import (
	"strings"
	"testing"
)

func TestMarkdownInput(t *testing.T) {
	const body = "Defence ministers met in Riyadh on Sunday.\n\n- radars\n- drones\n"
	for _, tc := range []struct {
		name, file      string
		data            string
		title, wantBody string
		frontMatter     bool
	}{
		{"YAML front matter", "a.md", "---\ntitle: Gulf states meet\ndate: 2021-11-10\n---\n\n" + body, "", body, true},
		{"TOML front matter", "a.md", "+++\ntitle = \"Gulf states meet\"\n+++\n" + body, "", body, true},
		{"JSON front matter", "a.markdown", ";;;\n{\"title\": \"Gulf states meet\"}\n;;;\n" + body, "", body, true},
		{"front matter from standard input", "-", "---\ntitle: Gulf states meet\n---\n" + body, "", body, true},
		{"heading for a title", "a.md", "\n# Gulf states meet in Riyadh\n\n" + body, "Gulf states meet in Riyadh", body, false},
		{"heading with closing hashes", "a.md", "# Gulf states meet #\n" + body, "Gulf states meet", body, false},
		{"no title at all", "a.md", body, "", body, false},
		{"Windows line endings", "a.md", strings.ReplaceAll("---\ntitle: x\n---\n"+body, "\n", "\r\n"), "", body, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.file, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != KindMarkdown || d.Title != tc.title || d.Body != tc.wantBody {
				t.Errorf("Kind, Title, Body = %q, %q, %q\nwant markdown, %q, %q", d.Kind, d.Title, d.Body, tc.title, tc.wantBody)
			}
			switch {
			case tc.frontMatter && string(d.FrontMatter) != strings.ReplaceAll(tc.data, "\r\n", "\n"):
				t.Errorf("FrontMatter = %q, want the whole file", d.FrontMatter)
			case !tc.frontMatter && d.FrontMatter != nil:
				t.Errorf("FrontMatter = %q, want none", d.FrontMatter)
			}
			if (d.Title == "" && !tc.frontMatter) != (len(d.Warnings) == 1) {
				t.Errorf("Warnings = %q; want one exactly when nothing gives a title", d.Warnings)
			}
		})
	}
}

func TestUnclosedFrontMatter(t *testing.T) {
	e := parseError(t, "draft.md", []byte("---\ntitle: Gulf states meet\n\nDefence ministers met in Riyadh.\n"))
	if e.Line != 1 || !strings.Contains(e.Msg, "never closed") {
		t.Errorf("error = %q at line %d, want one at line 1 saying the front matter is never closed", e.Msg, e.Line)
	}
}
