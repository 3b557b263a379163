package render

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
	"github.com/yuin/goldmark"
)

// plainCases are bodies at and just past the edge of what plainMarkdown
// takes. plain says which side each is meant to be on, so a change that
// narrows or widens the shape shows here as well as in the bytes.
var plainCases = []struct {
	name, src string
	plain     bool
}{
	{"empty", "", true},
	{"one line", "The talks resumed.", true},
	{"lines and paragraphs", "The talks resumed.\nBoth sides agreed.\n\nA second paragraph.\n", true},
	{"blank lines around", "\n\nText.\n\n\n", true},
	{"quotes escaped", `He said "no" and 'yes'.`, true},
	{"non-ASCII", "Zürich, Kyiv — São Paulo; 東京 ✓", true},
	{"starts with a year", "2024 was hard.", true},
	{"starts with a quote", "\"We will not leave,\" she said.", true},
	{"punctuation inside", "Costs rose 5% (or $3 #2) + tax = 10; why? Yes! a/b {x} ^ ' , .", true},
	{"headings", "# Top\n\nText.\n\n## Below\n\nMore.\n", true},
	{"heading levels shifted", "### Third\n\nText.\n\n#### Fourth\n", true},
	{"heading then text", "## Background\nThe war began.\nIt went on.\n## Now\nPeace.", true},
	{"text then heading", "The war began.\n## Now\nPeace.", true},
	{"repeated headings", "## Notes\n\n## Notes\n\n## Notes-1\n\n## Notes", true},
	{"heading without letters", "## — ✓\n\n## 2024\n\n## A-b c  d", true},
	{"bullets", "Points:\n\n- one\n- two point\n- \"three\"\n\nAfter.", true},
	{"quote", "> A quoted line\n> and its second.\n\nAfter it.\n\n> Another.", true},
	{"mixed", "Lead.\n\n> Quote.\n\n- a\n- b\n\n## Head\n\nEnd.", true},
	{"no final newline", "Text\n\n- item", true},

	{"emphasis", "A *word* here.", false},
	{"underscore", "snake_case", false},
	{"code", "use `x`", false},
	{"brackets", "He said [sic] it was [...] over [KPA] [[x]] ] [ done.", true},
	{"bracket at line end", "An aside [\nacross lines] here.", true},
	{"ampersand", "Science & Medicine, AT&T, Q&A, R&D. &", true},
	{"at a handle", "his @POTUS account, (@x) \"@y\" @", true},
	{"link", "see [this](https://example.org)", false},
	{"reference link", "see [this][ref]", false},
	{"collapsed reference", "see [this][]", false},
	{"image", "an ![image](a.png)", false},
	{"link across lines", "see [this\nthat](https://example.org)", false},
	{"footnote reference", "text[^1] only", false},
	{"named entity", "a &copy; b", false},
	{"unknown entity", "a &nosuch; b", false},
	{"numeric reference", "a &#169; b", false},
	{"hex reference", "a &#xA9; b", false},
	{"address after dot", "mail a.b@example.org", false},
	{"bare url", "see https://example.org now", false},
	{"bare url upper case", "see HTTP://EXAMPLE.ORG now", false},
	{"ftp", "at ftp://files.example.org", false},
	{"www", "at www.example.org", false},
	{"www upper case", "at WWW.example.org", false},
	{"email", "mail a@b.org", false},
	{"entity", "AT&amp;T", false},
	{"html", "a <b>bold</b> move", false},
	{"escape", `a \* star`, false},
	{"strikethrough", "a ~~gone~~ word", false},
	{"table", "a | b\n--- | ---\n1 | 2", false},
	{"trailing space", "hard \nbreak", false},
	{"trailing spaces", "hard  \nbreak", false},
	{"tab", "a\tb", false},
	{"indented", "    code", false},
	{"indented line", "text\n  more", false},
	{"space only line", "a\n \nb", false},
	{"setext", "Title\n===", false},
	{"setext dash", "Title\n---", false},
	{"thematic break", "a\n\n***\n\nb", false},
	{"ordered", "1. one\n2. two", false},
	{"ordered paren", "1) one", false},
	{"ordered mid paragraph", "text\n1. one", false},
	{"bullet after text", "text\n- item", false},
	{"bullet lazy line", "- item\ncontinued", false},
	{"loose list", "- a\n\n- b", false},
	{"loose list two blanks", "- a\n\n\n- b", false},
	{"nested bullet", "- - a", false},
	{"star bullet", "* a", false},
	{"plus bullet", "+ a", false},
	{"quote lazy line", "> quoted\ncontinued", false},
	{"quote after text", "text\n> quote", false},
	{"quote without space", ">quote", false},
	{"nested quote", "> > deep", false},
	{"heading closed", "## Title ##", false},
	{"heading no space", "##Title", false},
	{"heading seven", "####### Seven", false},
	{"heading empty", "##", false},
	{"hashtag", "#news today", false},
	{"heading inline", "## The *big* one", false},
	{"heading in list", "- a\n## H", false},
	{"bullet after heading", "## H\n- a", false},
	{"fence", "```\ncode\n```", false},
	{"tilde fence", "~~~\ncode\n~~~", false},
	{"reference", "[a]: https://example.org", false},
	{"footnote", "text[^1]\n\n[^1]: note", false},
	{"task", "- [ ] task", false},
	{"html block", "<div>\n\ntext\n\n</div>", false},
	{"carriage return", "a\r\nb", false},
	{"nul", "a\x00b", false},
	{"invalid UTF-8", "# \x940", false},
	{"form feed", "a\fb", false},
	{"colon after http", "the http: scheme", false},
}

// mixedCases are bodies where some chunks are plain and some go to
// goldmark; taken says whether plainMarkdown can put them together.
var mixedCases = []struct {
	name, src string
	taken     bool
}{
	{"a link between", "Plain.\n\nWith a [link](/x) and *stress*.\n\nPlain again.", true},
	{"runs and plain", "*a*\n\n_b_\n\nc\n\n**d**\n\n> e\n\n1. f\n2. g\n\nh", true},
	{"table", "Before.\n\na | b\n--- | ---\n1 | 2\n\nAfter.", true},
	{"thematic break", "a\n\n***\n\nb", true},
	{"plain heading after a run", "*a*\n\n## Head\n\nText.", true},
	{"bullets after a run of bullets", "- *a*\n\n- b", true},
	{"indented code", "Text.\n\n    code\n\n    more\n\nText.", true},
	{"bullets go on", "- a\n\n- *b*", false},
	{"item goes on", "- a\n\n  *more*", false},
	{"bullets go on after a carriage return", "- a\n\n\r\n- b", false},
	{"item goes on after a carriage return", "- a\n\n\r\n  b", false},
	{"bullets go on after a line of spaces", "- a\n\n \t\n- b", false},
	{"heading in a run", "Text.\n\n## *Head*", false},
	{"setext heading in a run", "Setext\n---\n\nText", false},
	{"fence across a blank line", "Text\n\n```\ncode\n\nmore\n```", false},
	{"comment across a blank line", "Intro.\n\n<!--\n\nx\n\n-->", false},
	{"reference", "See [a].\n\n[a]: /x", false},
	{"footnote", "Text[^1].\n\n[^1]: n", false},
}

func TestPlainMarkdownMixed(t *testing.T) {
	mds := goldmarks()
	for _, tc := range mixedCases {
		t.Run(tc.name, func(t *testing.T) {
			if _, taken := samePlain(t, mds, []byte(tc.src)); taken != tc.taken {
				t.Errorf("%q taken with runs for goldmark: %v, want %v", tc.src, taken, tc.taken)
			}
		})
	}
}

// goldmarks are the configurations a site can have: safe or not, at the
// root or under a path.
func goldmarks() []goldmark.Markdown {
	return []goldmark.Markdown{newMarkdown(false, "/"), newMarkdown(true, "/repo/")}
}

// samePlain fails when plainMarkdown takes src and writes other bytes than
// goldmark, or refuses it and touches dst. It tries src alone (no run of
// it for goldmark) and mixed (runs handed to the configuration compared
// with), and reports whether each took it.
func samePlain(t testing.TB, mds []goldmark.Markdown, src []byte) (alone, mixed bool) {
	t.Helper()
	for i, md := range mds {
		var want bytes.Buffer
		if err := md.Convert(src, &want); err != nil {
			t.Fatal(err)
		}
		rest := func(w io.Writer, run []byte) error { return md.Convert(run, w) }
		for _, r := range []func(io.Writer, []byte) error{nil, rest} {
			var got bytes.Buffer
			got.WriteString("kept")
			taken, err := plainMarkdown(&got, src, r)
			if err != nil {
				t.Fatal(err)
			}
			out := got.Bytes()[len("kept"):]
			switch {
			case !taken && len(out) > 0:
				t.Fatalf("%q refused, but the buffer became %q", src, got.String())
			case taken && !bytes.Equal(want.Bytes(), out):
				t.Fatalf("%q (runs for goldmark: %v):\ngoldmark: %q\nplain:    %q", src, r != nil, want.Bytes(), out)
			}
			if i == 0 {
				if r == nil {
					alone = taken
				} else {
					mixed = taken
				}
			}
		}
	}
	return alone, mixed
}

func TestPlainMarkdownSame(t *testing.T) {
	mds := goldmarks()
	for _, tc := range plainCases {
		t.Run(tc.name, func(t *testing.T) {
			if taken, _ := samePlain(t, mds, []byte(tc.src)); taken != tc.plain {
				t.Errorf("%q taken as plain: %v, want %v", tc.src, taken, tc.plain)
			}
		})
	}
}

// TestPlainMarkdownArticles holds the generated corpus and the example
// digest, real Wikinews text, to goldmark's bytes, and wants most of both
// taken: prose like theirs is what the fast path is for.
func TestPlainMarkdownArticles(t *testing.T) {
	mds := goldmarks()
	_, generated := corpustest.Load(t, 1500)
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	cfg, err := config.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	examples, err := content.Load(root, content.Options{Location: cfg.Location})
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		name     string
		articles []*generator.Article
	}{{"generated", generated}, {"example", examples}} {
		taken := 0
		for _, a := range set.articles {
			body, err := a.ReadBody()
			if err != nil {
				t.Fatal(err)
			}
			if alone, _ := samePlain(t, mds, body); alone {
				taken++
			}
		}
		if taken*2 < len(set.articles) {
			t.Errorf("%s: %d of %d articles taken as plain, want at least half", set.name, taken, len(set.articles))
		}
		t.Logf("%s: %d of %d articles taken as plain", set.name, taken, len(set.articles))
	}
}

// FuzzPlainMarkdownSame wants goldmark's bytes for whatever plainMarkdown
// takes, and an untouched buffer for whatever it refuses.
func FuzzPlainMarkdownSame(f *testing.F) {
	for _, tc := range plainCases {
		f.Add(tc.src)
	}
	for _, tc := range mixedCases {
		f.Add(tc.src)
	}
	mds := goldmarks()
	f.Fuzz(func(t *testing.T, src string) {
		samePlain(t, mds, []byte(src))
	})
}

// TestPlainMarkdownPieces puts documents together from the pieces the
// rules are about (markers, digits, spaces of every kind, the letters of
// "http" and "www"), many of which plainMarkdown takes, and holds each
// one taken to goldmark's bytes. Random bytes, as the fuzzer starts with,
// are nearly always refused at the first rule.
func TestPlainMarkdownPieces(t *testing.T) {
	pieces := []string{
		"a", "Z", "word", "0", "12", ".", ")", "(", "-", "- ", "#", "## ", "> ", ">", " ", "  ",
		"\"", "'", ",", ":", "[", "]", "](", "[^", "&", "&a;", "&#", "@", "x@", "a.", ";", "w", "W", "h", "t", "p", "f", "s", "www", "http", "ftp",
		"\u00a0", "\u3000", "\u2028", "é", "—", "!", "?", "%", "=", "+", "{", "}", "$", "^",
		"\n", "\n", "\n\n", "\n\n", "\n- ", "\n> ", "\n## ", "\n1", "\n\n- ", "\n\n> ", "\n\n# ",
		// What sends a chunk, or the document, to goldmark.
		"*", "**", "_", "`", "[a](/b)", "<i>", "|", "\t", "  \n", "\n\n    ", "\n\n  ", "\n\n* ",
		"\n\n1. ", "\n---", "\n===", "\n```\n", "\n\n- *", "\n\n- [x] ", "\r", "\n\n\r\n", "\n\n \n",
	}
	mds := goldmarks()
	rng := rand.New(rand.NewPCG(1, 2))
	taken, mixedOnly := 0, 0
	const docs = 40000
	for range docs {
		var b bytes.Buffer
		for range 1 + rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if alone, mixed := samePlain(t, mds, b.Bytes()); alone {
			taken++
		} else if mixed {
			mixedOnly++
		}
	}
	if taken < docs/50 {
		t.Errorf("only %d of %d documents taken as plain: the pieces no longer reach the fast path", taken, docs)
	}
	if mixedOnly < docs/10 {
		t.Errorf("only %d of %d documents taken with runs for goldmark", mixedOnly, docs)
	}
	t.Logf("%d of %d documents taken as plain, %d more with runs for goldmark", taken, docs, mixedOnly)
}

// BenchmarkBodies renders 1,000 generated bodies as a build does, and
// with goldmark alone. BRIEFING_BENCH_SITE names another site to read
// the bodies from, such as one imported from saved pages.
func BenchmarkBodies(b *testing.B) {
	var articles []*generator.Article
	if dir := os.Getenv("BRIEFING_BENCH_SITE"); dir != "" {
		var err error
		if articles, err = content.Load(dir, content.Options{}); err != nil {
			b.Fatal(err)
		}
	} else {
		_, articles = corpustest.Load(b, 1000)
	}
	bodies := make([][]byte, len(articles))
	for i, a := range articles {
		body, err := a.ReadBody()
		if err != nil {
			b.Fatal(err)
		}
		bodies[i] = body
	}
	r := &Renderer{md: newMarkdown(false, "/")}
	e := &generator.Entry{}
	for _, mode := range []string{"build", "goldmark"} {
		b.Run(mode, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				for _, body := range bodies {
					buf.Reset()
					var err error
					if mode == "build" {
						err = r.markdownTo(&buf, e, body)
					} else {
						err = r.goldmarkTo(&buf, body)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
