package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

// rssByEncoder writes doc as feeds were written before writeRSS: the
// header, an indenting encoding/xml encoder and a newline.
func rssByEncoder(t testing.TB, doc *rssDoc) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

func rssByHand(doc *rssDoc) []byte {
	var buf bytes.Buffer
	writeRSS(&buf, doc)
	return buf.Bytes()
}

// sameRSS fails t, showing where they part, when the two ways of writing
// doc differ by a byte.
func sameRSS(t *testing.T, name string, doc *rssDoc) {
	t.Helper()
	want := rssByEncoder(t, doc)
	got := rssByHand(doc)
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-60)
	t.Errorf("%s: writeRSS differs from encoding/xml at byte %d:\n got …%q\nwant …%q",
		name, i, got[from:min(len(got), i+60)], want[from:min(len(want), i+60)])
}

// feedDoc is a feed as rss makes one, with the given channel text and
// items.
func feedDoc(title, desc, lang, date string, items ...item) *rssDoc {
	return &rssDoc{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: rssChannel{
		Title: title, Link: "https://example.org/topics/x/", Description: desc, Language: lang, LastBuildDate: date,
		Self:  atomLink{Href: "https://example.org/topics/x/index.xml", Rel: "self", Type: "application/rss+xml"},
		Items: items,
	}}
}

func feedItem(title, desc string, categories ...string) item {
	link := "https://example.org/articles/a/"
	return item{Title: title, Link: link, GUID: guid{link, true}, PubDate: "Thu, 23 Feb 2023 00:00:00 +0000",
		Description: desc, Categories: categories}
}

// rssAwkward is text that encoding/xml escapes or replaces: markup
// characters, both quotes, the whitespace it writes as references, a
// CDATA end, control characters, broken UTF-8, a lone surrogate's bytes,
// the non-characters U+FFFE and U+FFFF, a real U+FFFD, and text it leaves
// as it is (emoji, accents, line and paragraph separators).
var rssAwkward = []string{
	"", " ", "Plain title", "Tom & Jerry", "a<b>c", `say "hi"`, "it's", "]]>", "<![CDATA[x]]>",
	"tab\there", "line\nbreak", "cr\rhere", "crlf\r\n", "\x00nul", "bell\x07", "\x1f\x7f", "esc\x1b[0m",
	"\xff\xfe broken", "half \xe2\x82", "\xed\xa0\x80 surrogate", "non\ufffechar", "\uffff", "real \ufffd",
	"emoji 🗞️👩‍👩‍👧", "café Zürich Ελλάδα 日本", "\u2028\u2029", "\u0085next", "&amp; already", "&#39;",
	"trailing\n", "  spaced  ", strings.Repeat("long & <text> ", 2000),
}

func TestWriteRSSAsEncodingXML(t *testing.T) {
	const date = "Thu, 23 Feb 2023 00:00:00 +0000"
	cases := map[string]*rssDoc{
		"no items":          feedDoc("Digest", "Weekly", "en", date),
		"no language":       feedDoc("Digest", "Weekly", "", date, feedItem("A", "B", "x")),
		"no date":           feedDoc("Digest", "Weekly", "en", "", feedItem("A", "B")),
		"neither":           feedDoc("Digest", "", "", ""),
		"empty description": feedDoc("Digest", "", "en", date, feedItem("", "")),
		"no categories":     feedDoc("Digest", "Weekly", "en", date, feedItem("A", "B"), feedItem("C", "D")),
		"zero doc":          {},
	}
	many := make([]string, 40)
	for i := range many {
		many[i] = fmt.Sprintf("Name %d & co", i)
	}
	cases["many categories"] = feedDoc("Digest", "Weekly", "en", date, feedItem("A", "B", many...))
	notPermalink := feedItem("A", "B", "c")
	notPermalink.GUID.Permalink = false
	cases["guid not a permalink"] = feedDoc("Digest", "Weekly", "en", date, notPermalink)
	twenty := make([]item, 20)
	for i := range twenty {
		twenty[i] = feedItem(fmt.Sprintf("Article %d: it's <new>", i), "Summary & more", many[:i%5]...)
	}
	cases["twenty items"] = feedDoc("Digest", "Weekly", "en", date, twenty...)

	// Every awkward string in every place a string goes, attributes
	// included, as those are escaped by a different path in encoding/xml.
	for i, s := range rssAwkward {
		d := feedDoc(s, s, s, s, feedItem(s, s, s, s), feedItem(s, "", s))
		d.Version, d.Atom = s, s
		d.Channel.Link = s
		d.Channel.Self = atomLink{Href: s, Rel: s, Type: s}
		d.Channel.Items[0].Link, d.Channel.Items[0].GUID.Value, d.Channel.Items[0].PubDate = s, s, s
		cases[fmt.Sprintf("awkward %d %.20q", i, s)] = d
	}
	for name, doc := range cases {
		sameRSS(t, name, doc)
	}
}

// FuzzRSSAsEncodingXML builds feeds from fuzzed text, each string in
// several places, with and without the elements encoding/xml leaves out
// when empty, and holds writeRSS to encoding/xml's bytes.
func FuzzRSSAsEncodingXML(f *testing.F) {
	for i, s := range rssAwkward {
		if len(s) < 200 {
			f.Add(s, "en", "https://a.example/?q=1&r=\"2\"", "Thu, 23 Feb 2023", uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, text, lang, link, date string, shape uint8) {
		// shape picks how many items there are, how many categories
		// each has, and whether their guids are permalinks.
		items := make([]item, shape%4)
		for i := range items {
			it := item{Title: text, Link: link, GUID: guid{link, (int(shape)>>2+i)%2 == 0}, PubDate: date,
				Description: lang + text}
			for j := 0; j < (int(shape)>>3+i)%4; j++ {
				it.Categories = append(it.Categories, text[:len(text)*j/4])
			}
			items[i] = it
		}
		doc := &rssDoc{Version: lang, Atom: text, Channel: rssChannel{
			Title: text, Link: link, Description: date, Language: lang, LastBuildDate: date,
			Self: atomLink{Href: link, Rel: text, Type: date}, Items: items,
		}}
		sameRSS(t, "fuzzed", doc)
	})
}

// BenchmarkRSS writes a 20-item feed, the size of most of a build's
// feeds, by hand and, for comparison, by encoding/xml as before.
func BenchmarkRSS(b *testing.B) {
	items := make([]item, 20)
	for i := range items {
		items[i] = feedItem(fmt.Sprintf("Article %d: Ministers meet in Geneva over the ceasefire's terms", i),
			"The talks, the third this year, turn on who watches the border and what happens to those who crossed it.",
			"Switzerland", "Geneva", "United Nations", "Ceasefire", "Refugees")
	}
	doc := feedDoc("Geneva · Regional Security Digest", "Articles naming Geneva", "en", "Thu, 23 Feb 2023 00:00:00 +0000", items...)
	b.Run("writeRSS", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			writeRSS(&buf, doc)
		}
		b.SetBytes(int64(buf.Len()))
	})
	b.Run("encoding-xml", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			buf.WriteString(xml.Header)
			enc := xml.NewEncoder(&buf)
			enc.Indent("", "  ")
			if err := enc.Encode(doc); err != nil {
				b.Fatal(err)
			}
			buf.WriteByte('\n')
		}
		b.SetBytes(int64(buf.Len()))
	})
}
