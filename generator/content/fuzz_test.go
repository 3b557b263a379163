package content

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// FuzzParse feeds Parse any bytes, front matter of every kind included:
// it must never panic, every error must name the file at a line the file
// has, and an article it accepts must have what a page needs. Seeds are
// below and in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\ndate: 2021-11-10\npeople: [A B, C D]\n---\nBody.\n",
		"---\ntitle: T\n\tdate: x\n---\n",
		"+++\ntitle = \"T\"\ndate = 2021-11-10\ncountries = [\"Iran\"]\n+++\nbody\n",
		"+++\n0={#\n+++\n",
		";;;\n{\"title\": \"T\", \"date\": \"2021-11-10\"}\n;;;\nbody\n",
		"{\"title\": \"T\", \"date\": \"2021-11-10\"}\nbody\n",
		"{\"title\": [{\"a\": {\"b\": [1, 2, {}]}}]}\n",
		"---toml\ntitle = 'T'\n---\n",
		"---\ntitle: &a [*a]\n---\n",
		"\n\n---\ntitle: T\r\ndate: 2021-11-10\r\n---\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("content/f.md", data, time.UTC)
		if err != nil {
			errorsInFile(t, err, "content/f.md", data)
			return
		}
		if a.Title == "" || a.Date.IsZero() || a.Slug == "" || len(a.Slug) > generator.MaxSlugLen {
			t.Fatalf("accepted an article without title, date or a fitting slug: %+v", a.Metadata)
		}
	})
}

// errorsInFile fails t unless err is a list of errors each naming file
// and a line and column that data, the file's bytes, has.
func errorsInFile(t *testing.T, err error, file string, data []byte) {
	t.Helper()
	var list generator.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error is no ErrorList: %v", err)
	}
	lines := 1 + bytes.Count(data, []byte("\n"))
	for _, e := range list {
		if e.File != file || e.Line < 0 || e.Line > lines+1 || e.Col < 0 {
			t.Fatalf("error %q names no place in the file (%d lines)", e, lines)
		}
	}
}
