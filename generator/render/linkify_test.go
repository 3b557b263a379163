package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/util"
)

// gfmMarkdown is newMarkdown as it was before the linkify filter: plain
// extension.GFM and footnotes. Every test here holds the filtered
// configuration to its output.
func gfmMarkdown(unsafe bool, basePath string) goldmark.Markdown {
	return markdownWith(unsafe, basePath, extension.GFM, extension.Footnote)
}

// linkifyCases are bodies where a bare URL or address is, nearly is, or
// must not be a link. linked says whether plain GFM's linkify makes a
// link in it, so the cases keep reaching both sides of the filter.
var linkifyCases = []struct {
	name, src string
	linked    bool
}{
	{"http", "See http://example.org for more.", true},
	{"https with query", "See https://example.org/path?q=1&r=2 now.", true},
	{"ftp at line start", "ftp://files.example.org/pub/x.tar.gz is gone", true},
	{"www", "Visit www.example.org today", true},
	{"www at line start", "www.example.org/news has it", true},
	{"second line", "The first line\nwww.example.org starts the second", true},
	{"email", "Write to editor@example.org about it.", true},
	{"email at line start", "editor@example.org answers", true},
	{"email with dots and plus", "a.b-c+d@sub.example.co.uk.", true},
	{"email starting with a digit", "1st@example.org", true},
	{"email without a dot in its domain", "name@localhost is not one", false},
	{"email followed by underscore", "foo_bar@example.org_ and x@example.org-", false},
	{"address before an at sign", "a@b.c@d.example.org", true},
	{"mailto", "mailto:editor@example.org and <mailto:editor@example.org>", false},
	{"mailto only", "Say mailto:editor@example.org please", false},
	{"at sign alone", "word@ and @example.org and  @x.org", false},
	{"local part of 64", strings.Repeat("a", 64) + "@example.org and x " + strings.Repeat("b", 64) + "@example.org", true},
	{"local part of 65", strings.Repeat("a", 65) + "@example.org and x " + strings.Repeat("b", 65) + "@example.org", false},
	{"in parentheses", "(http://example.org/a_(b)) and (www.example.org) and (editor@example.org)", true},
	{"after star", "*http://example.org* and **www.example.org** and *editor@example.org*", true},
	{"after underscore", "_www.example.org_ and __https://example.org__", true},
	{"after tilde", "~~https://example.org~~ and ~www.example.org~", true},
	{"after emphasis", "**bold**www.example.org and *x*editor@example.org", true},
	{"in a link label", "[www.example.org](https://other.example) and [see http://example.org here](x)", false},
	{"after a link", "[x](/y) www.example.org and [a@b.co](/z)a@example.org", true},
	{"in a link label only", "[www.example.org](/x) and [mail a@example.org](/y) and [*a@b.co*](/z)", false},
	{"in a code span", "`http://example.org` and `www.example.org` and `a@example.org`", false},
	{"trailing punctuation", "Try http://example.org/path)., or https://example.org/x?! or www.example.org/a_b_.", true},
	{"entity at the end", "http://example.org/a&amp; and www.example.org/?q=&lt;x&gt;", true},
	{"brackets and quotes", "www.example.org/path?x=(1)&y=[2]'\"> end", true},
	{"non-ASCII", "Café www.exämple.org, http://例え.jp, ünïcode@example.org, user@exämple.org, www.example.org/ü", true},
	{"non-ASCII before", "é www.example.org and «http://example.org»", true},
	{"upper case", "HTTP://EXAMPLE.ORG and Www.example.org and Ftp://x.org", false},
	{"prefixes alone", "http:/x https: www. ftp: http://localhost", false},
	{"no trigger before", "Ende.www.example.org and x:http://example.org", false},
	{"tab before", "a\twww.example.org", false},
	{"escaped", "\\www.example.org and &#42;www.example.org", false},
	{"blockquote and list", "> quoted http://example.org\n\n- item www.example.org\n- mail a@example.org\n", true},
	{"table", "| a | b |\n|---|---|\n| www.example.org | a@b.co |\n| `http://x.org` | *https://y.org* |\n", true},
	{"task list", "- [ ] check www.example.org\n- [x] done http://example.org\n", true},
	{"footnote", "Noted[^1].\n\n[^1]: see https://example.org and editor@example.org\n", true},
	{"raw HTML", "<span>www.example.org</span> <a href=\"http://x.org\">http://x.org</a>", true},
	{"heading", "## www.example.org and a@example.org", true},
	{"autolink beside", "<http://example.org> http://example.org <a@example.org>", true},
	{"hard break", "http://example.org  \nwww.example.org\\\nx@example.org", true},
	{"empty", "", false},
	{"only triggers", " * _ ~ ( ** __ ~~ ((", false},
}

// TestLinkifyFilterKeepsHTML renders each case with plain GFM and with
// the filter, safe and unsafe, and wants the same HTML. It also renders
// it without linkify, to see whether the case is one linkify acts on.
func TestLinkifyFilterKeepsHTML(t *testing.T) {
	for _, mode := range []struct {
		unsafe bool
		base   string
	}{{false, "/"}, {true, "/repo/"}} {
		old, cur := gfmMarkdown(mode.unsafe, mode.base), newMarkdown(mode.unsafe, mode.base)
		unlinked := markdownWith(mode.unsafe, mode.base, extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote)
		for _, tc := range linkifyCases {
			want, got := toHTML(t, old, tc.src), toHTML(t, cur, tc.src)
			if got != want {
				t.Errorf("unsafe=%v %s: %q\nplain GFM:  %s\nfiltered:   %s", mode.unsafe, tc.name, tc.src, want, got)
			}
			if linked := want != toHTML(t, unlinked, tc.src); linked != tc.linked {
				t.Errorf("unsafe=%v %s: linkify acts on it: %v, the case says %v: %s", mode.unsafe, tc.name, linked, tc.linked, want)
			}
		}
	}
}

func toHTML(t testing.TB, md goldmark.Markdown, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	return b.String()
}

// TestLocalPartIsGoldmarks holds localPart to goldmark's email scanner
// byte by byte: a byte it accepts before the '@' and the filter does not
// would lose links, and one the filter adds only costs time, but either
// means the two have drifted apart.
func TestLocalPartIsGoldmarks(t *testing.T) {
	for c := range 256 {
		addr := []byte{'a', byte(c), '@', 'e', 'x', '.', 'o', 'r', 'g'}
		accepts := util.FindEmailIndex(addr) >= 0
		if c == '@' {
			accepts = false // the '@' ends the local part, it is not in it
		}
		if accepts != localPart[c] {
			t.Errorf("byte %#x %q: goldmark accepts it in a local part: %v, localPart: %v", c, rune(c), accepts, localPart[c])
		}
	}
}

// FuzzLinkifySame renders any Markdown with plain GFM and with the
// filter and wants the same HTML. Seeds are linkifyCases.
func FuzzLinkifySame(f *testing.F) {
	for _, tc := range linkifyCases {
		f.Add(tc.src, false)
	}
	f.Add("*www.example.org* (a@b.co) ~x@y.org~", true)
	mds := map[bool][2]goldmark.Markdown{
		false: {gfmMarkdown(false, "/"), newMarkdown(false, "/")},
		true:  {gfmMarkdown(true, "/repo/"), newMarkdown(true, "/repo/")},
	}
	f.Fuzz(func(t *testing.T, src string, unsafe bool) {
		md := mds[unsafe]
		var want, got bytes.Buffer
		errWant := md[0].Convert([]byte(src), &want)
		errGot := md[1].Convert([]byte(src), &got)
		if (errWant == nil) != (errGot == nil) || !bytes.Equal(want.Bytes(), got.Bytes()) {
			t.Fatalf("unsafe=%v %q\nplain GFM (%v):\n%s\nfiltered (%v):\n%s", unsafe, src, errWant, want.Bytes(), errGot, got.Bytes())
		}
	})
}

// TestLinkifyFilterCorpus renders every body of a generated corpus both
// ways, as written and with addresses worked in among its words (the
// corpus writes none of its own), and wants the same bytes.
func TestLinkifyFilterCorpus(t *testing.T) {
	_, articles := corpustest.Load(t, 1500)
	old, cur := gfmMarkdown(false, "/"), newMarkdown(false, "/")
	var want, got bytes.Buffer
	var links int
	for i, a := range articles {
		body, err := a.ReadBody()
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range [][]byte{body, withAddresses(body, i)} {
			want.Reset()
			got.Reset()
			if err := old.Convert(src, &want); err != nil {
				t.Fatal(err)
			}
			if err := cur.Convert(src, &got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(want.Bytes(), got.Bytes()) {
				t.Fatalf("%s differs:\n%s\nplain GFM:\n%s\nfiltered:\n%s", a.File, src, want.Bytes(), got.Bytes())
			}
			links += bytes.Count(want.Bytes(), []byte("<a href"))
		}
	}
	if links < len(articles) {
		t.Errorf("only %d links in %d articles rendered twice: the addresses are not reaching linkify", links, len(articles))
	}
}

// withAddresses puts one of a few addresses, in turn, after every
// seventh space of body, starting from a place set by k.
func withAddresses(body []byte, k int) []byte {
	addrs := []string{"http://example.org/a_(b)?c=1.", "www.example.org/x,", "(editor@example.org)",
		"*https://example.org/y*", "~ftp://files.example.org~", "_a.b@sub.example.co.uk_", "mailto:x@example.org"}
	var out []byte
	spaces := k
	for _, c := range body {
		out = append(out, c)
		if c == ' ' {
			spaces++
			if spaces%7 == 0 {
				out = append(out, addrs[(spaces/7)%len(addrs)]...)
				out = append(out, ' ')
			}
		}
	}
	return out
}

// BenchmarkMarkdownLinkify renders a corpus's bodies through plain GFM
// (old) and through the filtered configuration (new).
func BenchmarkMarkdownLinkify(b *testing.B) {
	const n = 1000
	_, articles := corpustest.Load(b, n)
	var bodies [][]byte
	var size int64
	for _, a := range articles {
		body, err := a.ReadBody()
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, body)
		size += int64(len(body))
	}
	for _, c := range []struct {
		name string
		md   goldmark.Markdown
	}{{"old", gfmMarkdown(false, "/")}, {"new", newMarkdown(false, "/")}} {
		b.Run(c.name, func(b *testing.B) {
			var out bytes.Buffer
			for b.Loop() {
				for _, body := range bodies {
					out.Reset()
					if err := c.md.Convert(body, &out); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.SetBytes(size)
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
