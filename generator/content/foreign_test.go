package content

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// TestTOMLErrorsNameTheFile feeds TOML front matter that the old decoder
// (BurntSushi/toml v0.3.1) panicked on: a build must report it as an error
// at the bad line, never crash.
func TestTOMLErrorsNameTheFile(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"inline table opened by a comment", "+++\n0={#\n+++\n", "content/x.md:2:"},
		{"bad value on the third line", "+++\ntitle = \"T\"\ndate = 2021-11-10\nx = ]\n+++\n", "content/x.md:4:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("content/x.md", []byte(tc.src), time.UTC)
			var list generator.ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("err = %v, want one error", err)
			}
			if got := list[0].Error(); !strings.HasPrefix(got, tc.want) || !strings.Contains(got, "TOML") {
				t.Errorf("error %q, want it to start %q and say TOML", got, tc.want)
			}
		})
	}
}

// TestParserPanicIsAnError checks the guard that turns a panic in any
// front matter decoder into an error naming the file, so one bad article
// cannot take down build or serve.
func TestParserPanicIsAnError(t *testing.T) {
	err := guard("content/x.md", func() error { panic("decoder bug") })
	var e *generator.Error
	if !errors.As(err, &e) || e.File != "content/x.md" || !strings.Contains(e.Msg, "decoder bug") {
		t.Fatalf("err = %v, want an error naming content/x.md and the panic", err)
	}
}

// TestBareJSONFrontMatter reads Hugo's JSON front matter, an object with
// no delimiter lines, and finds the body after its closing brace.
func TestBareJSONFrontMatter(t *testing.T) {
	src := "{\n  \"title\": \"T\",\n  \"date\": \"2021-11-10\",\n  \"countries\": [\"Iran\"]\n}\n\nBody text.\n"
	a, err := Parse("content/x.md", []byte(src), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "T" || len(a.Countries) != 1 || strings.TrimSpace(string(a.Body)) != "Body text." || a.BodyLine != 6 {
		t.Errorf("title %q countries %v body %q at line %d", a.Title, a.Countries, a.Body, a.BodyLine)
	}
}

// TestJSONErrorsAtTheBadLine checks JSON syntax errors name the line and
// column of the mistake, not the opening line.
func TestJSONErrorsAtTheBadLine(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"delimited", ";;;\n{\"title\": \"T\",\n \"date\": 2021-11-10}\n;;;\n", "content/x.md:3:"},
		{"bare", "{\"title\": \"T\",\n \"date\": \"2021-11-10\",\n \"people\": [\"A\",]\n}\nbody\n", "content/x.md:3:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("content/x.md", []byte(tc.src), time.UTC)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || !strings.Contains(err.Error(), "JSON") {
				t.Errorf("err = %v, want it to start %q and say JSON", err, tc.want)
			}
		})
	}
}
