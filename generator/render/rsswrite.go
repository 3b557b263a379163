package render

import (
	"bytes"
	"encoding/xml"
)

// writeRSS writes doc as a whole feed file: the XML declaration, the
// feed indented by two spaces a level, and a final newline, byte for byte
// what xml.Header, an indenting xml.Encoder and a newline made before.
// A build writes a feed beside every list, term and issue page, and
// encoding/xml finds its way through the structs by reflection for each
// of them: that walk, not the text, was most of the feeds' cost. The
// shape never changes, so it is spelt out here once.
//
// Attribute values and character data are escaped alike: encoding/xml
// escapes quotes, tabs, newlines and carriage returns in both, and
// writes U+FFFD for broken UTF-8 and characters XML does not allow, so
// escapeXML serves for both. FuzzRSSAsEncodingXML holds the two equal.
func writeRSS(buf *bytes.Buffer, doc *rssDoc) {
	ch := &doc.Channel
	// Most of a feed is its items' text; the tags and indents are about
	// 200 bytes an item. Growing once spares the copies of doubling.
	n := len(xml.Header) + 400 + len(ch.Title) + len(ch.Link) + len(ch.Description) + len(ch.Self.Href)
	for i := range ch.Items {
		it := &ch.Items[i]
		n += 200 + len(it.Title) + 2*len(it.Link) + len(it.PubDate) + len(it.Description)
		for _, c := range it.Categories {
			n += 28 + len(c)
		}
	}
	buf.Grow(n)

	buf.WriteString(xml.Header)
	buf.WriteString(`<rss version="`)
	escapeXML(buf, doc.Version)
	buf.WriteString(`" xmlns:atom="`)
	escapeXML(buf, doc.Atom)
	buf.WriteString("\">\n  <channel>")
	rssElement(buf, "\n    <title>", ch.Title, "</title>")
	rssElement(buf, "\n    <link>", ch.Link, "</link>")
	rssElement(buf, "\n    <description>", ch.Description, "</description>")
	// omitempty: an empty language or date leaves out the element, not
	// just its text.
	if ch.Language != "" {
		rssElement(buf, "\n    <language>", ch.Language, "</language>")
	}
	if ch.LastBuildDate != "" {
		rssElement(buf, "\n    <lastBuildDate>", ch.LastBuildDate, "</lastBuildDate>")
	}
	buf.WriteString("\n    <atom:link href=\"")
	escapeXML(buf, ch.Self.Href)
	buf.WriteString(`" rel="`)
	escapeXML(buf, ch.Self.Rel)
	buf.WriteString(`" type="`)
	escapeXML(buf, ch.Self.Type)
	// encoding/xml never closes an element with />, even an empty one.
	buf.WriteString(`"></atom:link>`)
	for i := range ch.Items {
		it := &ch.Items[i]
		buf.WriteString("\n    <item>")
		rssElement(buf, "\n      <title>", it.Title, "</title>")
		rssElement(buf, "\n      <link>", it.Link, "</link>")
		if it.GUID.Permalink {
			buf.WriteString("\n      <guid isPermaLink=\"true\">")
		} else {
			buf.WriteString("\n      <guid isPermaLink=\"false\">")
		}
		escapeXML(buf, it.GUID.Value)
		buf.WriteString("</guid>")
		rssElement(buf, "\n      <pubDate>", it.PubDate, "</pubDate>")
		rssElement(buf, "\n      <description>", it.Description, "</description>")
		for _, c := range it.Categories {
			rssElement(buf, "\n      <category>", c, "</category>")
		}
		buf.WriteString("\n    </item>")
	}
	buf.WriteString("\n  </channel>\n</rss>\n")
}

// rssElement writes one text element: open, which carries the newline
// and indent before the tag, s escaped, and close. A text element's end
// tag stays on its line, as the indenting encoder leaves it.
func rssElement(buf *bytes.Buffer, open, s, close string) {
	buf.WriteString(open)
	escapeXML(buf, s)
	buf.WriteString(close)
}
