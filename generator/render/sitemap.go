package render

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefing-digest/briefing/generator"
)

// sitemap lists every page a search engine should know, with the date of
// the newest article it shows. It is written by hand rather than through
// encoding/xml: it has a line for every page, and serve writes it again
// whenever an article's front matter changes, so on a big site its cost
// is felt on every such save.
//
// The sitemaps protocol allows 50,000 addresses in a file. A site with
// more (at 100,000 articles it has 150,000) gets sitemap.xml as an index
// of sitemap-1.xml, sitemap-2.xml and so on, each holding its share in
// the same order, as Zola splits its sitemap; robots.txt names
// sitemap.xml either way.
//
// Serve renders a plan again after edits that add articles to a week or
// give a term another page, so the addresses are counted when each file
// is written; how many parts there are is the plan's, and the last takes
// whatever is past the others.
func (r *Renderer) sitemap(s *generator.Site) []job {
	n := r.sitemapCount(s)
	if n <= sitemapLimit {
		return []job{{path: sitemapPath, make: func(buf *bytes.Buffer, _ templateSet) error {
			r.writeURLSet(buf, s, 0, math.MaxInt)
			return nil
		}}}
	}
	parts := (n + sitemapLimit - 1) / sitemapLimit
	jobs := []job{{path: sitemapPath, make: func(buf *bytes.Buffer, _ templateSet) error {
		r.writeSitemapIndex(buf, s, parts)
		return nil
	}}}
	for k := range parts {
		hi := (k + 1) * sitemapLimit
		if k == parts-1 {
			hi = math.MaxInt
		}
		jobs = append(jobs, job{path: sitemapPart(k), make: func(buf *bytes.Buffer, _ templateSet) error {
			r.writeURLSet(buf, s, k*sitemapLimit, hi)
			return nil
		}})
	}
	return jobs
}

// sitemapLimit is how many addresses a sitemap file may hold: the
// protocol's 50,000. Tests lower it.
var sitemapLimit = 50000

const sitemapPath = "sitemap.xml"

// sitemapPart is the path of the kth file of a split sitemap.
func sitemapPart(k int) string { return "sitemap-" + strconv.Itoa(k+1) + ".xml" }

// isSitemap says whether path is the sitemap or a part of one.
func isSitemap(path string) bool {
	return path == sitemapPath || strings.HasPrefix(path, "sitemap-") && strings.HasSuffix(path, ".xml") && !strings.Contains(path, "/")
}

// eachURL calls visit with every address of the sitemap, in order: its
// path and the date of the newest article its page shows.
func (r *Renderer) eachURL(s *generator.Site, visit func(t time.Time, path string)) {
	visit(s.Updated, "")
	visit(s.Updated, "issues/")
	for _, is := range s.Listed() {
		visit(is.Entries[0].Date, is.Path())
	}
	for _, e := range s.Entries {
		visit(e.Date, e.Path())
	}
	for _, tax := range s.Taxonomies {
		visit(s.Updated, tax.Path())
		for _, t := range tax.Terms {
			// Every page of a term, each dated by its newest article,
			// so a crawler finds the older ones too.
			size := pageSize(&r.cfg, len(t.Entries))
			for i := 0; i < len(t.Entries); i += size {
				visit(t.Entries[i].Date, pagePath(t.Path(), i/size+1))
			}
		}
	}
}

// dayOf is t's date as a number that orders days: 20211110.
func dayOf(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// sitemapCount is how many addresses eachURL gives, counted without
// making the paths.
func (r *Renderer) sitemapCount(s *generator.Site) int {
	n := 2 + len(s.Listed()) + len(s.Entries)
	for _, tax := range s.Taxonomies {
		n++
		for _, t := range tax.Terms {
			size := pageSize(&r.cfg, len(t.Entries))
			n += (len(t.Entries) + size - 1) / size
		}
	}
	return n
}

// writeURLSet writes a sitemap of the addresses from the loth to before
// the hith.
func (r *Renderer) writeURLSet(buf *bytes.Buffer, s *generator.Site, lo, hi int) {
	var base bytes.Buffer
	escapeXML(&base, r.cfg.AbsURL(""))
	// Grown once to about its size, counted from the paths: a part of
	// 50,000 addresses is 8 to 9 MB, and a guess short of it by a few
	// bytes an address doubled the buffer, at 100,000 articles 23 MB in
	// the render's first seconds, when its memory peaks.
	const markup = len("\n  <url>\n    <loc></loc>\n    <lastmod>2006-01-02</lastmod>\n  </url>")
	size, i := 256, 0
	r.eachURL(s, func(_ time.Time, path string) {
		if i++; i > lo && i <= hi {
			size += markup + base.Len() + len(path)
		}
	})
	buf.Grow(size + size/64) // and room for a few escapes
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	i = 0
	r.eachURL(s, func(t time.Time, path string) {
		if i++; i <= lo || i > hi {
			return
		}
		// The address is base, escaped once, followed by its path.
		buf.WriteString("\n  <url>\n    <loc>")
		buf.Write(base.Bytes())
		escapeXML(buf, path)
		if t.IsZero() {
			buf.WriteString("</loc>\n  </url>")
			return
		}
		buf.WriteString("</loc>\n    <lastmod>")
		appendDay(buf, t)
		buf.WriteString("</lastmod>\n  </url>")
	})
	buf.WriteString("\n</urlset>\n")
}

// writeSitemapIndex writes the index of a sitemap split in parts, each
// dated by the newest of its addresses.
func (r *Renderer) writeSitemapIndex(buf *bytes.Buffer, s *generator.Site, parts int) {
	// Each address is dated by its day where its article was written
	// (appendDay), so the newest is the latest day, not the latest
	// instant: 01:00 at +03:00 is an earlier instant than 23:30 at
	// -05:00 the day before, and a later day.
	newest := make([]time.Time, parts)
	i := 0
	r.eachURL(s, func(t time.Time, _ string) {
		if k := min(i/sitemapLimit, parts-1); !t.IsZero() && (newest[k].IsZero() || dayOf(t) > dayOf(newest[k])) {
			newest[k] = t
		}
		i++
	})
	buf.WriteString(xml.Header)
	buf.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for k, t := range newest {
		buf.WriteString("\n  <sitemap>\n    <loc>")
		escapeXML(buf, r.cfg.AbsURL(sitemapPart(k)))
		buf.WriteString("</loc>")
		if !t.IsZero() {
			buf.WriteString("\n    <lastmod>")
			appendDay(buf, t)
			buf.WriteString("</lastmod>")
		}
		buf.WriteString("\n  </sitemap>")
	}
	buf.WriteString("\n</sitemapindex>\n")
}

// escapeXML writes s as XML character data, as xml.EscapeText does, and
// as encoding/xml writes attribute values too. It works on the string
// itself: handing xml.EscapeText a []byte copied each string that needed
// escaping, and feed titles often do ("the UK's"). Plain text is written
// in runs between the bytes that need a reference.
func escapeXML(buf *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plainXML[c] {
			i++
			continue
		}
		esc, width := asciiXML[c&0x7f], 1
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(s[i:])
			width = w
			// A well-formed character XML allows is kept; a broken
			// sequence (the decoder's one-byte U+FFFD) or one XML
			// forbids (U+FFFE, U+FFFF) becomes U+FFFD, as in encoding/xml.
			if w > 1 && xmlChar(r) {
				i += w
				continue
			}
			esc = "\uFFFD"
		} else if esc == "" {
			i++ // DEL: not printable, but XML allows it
			continue
		}
		buf.WriteString(s[last:i])
		buf.WriteString(esc)
		i += width
		last = i
	}
	buf.WriteString(s[last:])
}

// xmlChar reports whether XML 1.0 allows r above ASCII: all but the
// surrogates (which well-formed UTF-8 cannot hold anyway) and U+FFFE and
// U+FFFF.
func xmlChar(r rune) bool {
	return r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}

// plainXML marks the bytes xml.EscapeText writes as they are: printable
// ASCII other than the five it escapes.
var plainXML = func() (plain [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		plain[c] = !strings.ContainsRune(`&<>"'`, rune(c))
	}
	return plain
}()

// asciiXML is what encoding/xml writes for each ASCII byte plainXML does
// not pass: a reference for the markup characters, both quotes and the
// three whitespace controls it keeps (so that a parser does not fold
// them), U+FFFD for the other controls, which XML 1.0 forbids, and
// nothing for DEL, which it allows as it is.
var asciiXML = func() (esc [128]string) {
	for c := range 0x20 {
		esc[c] = "\uFFFD"
	}
	esc['\t'], esc['\n'], esc['\r'] = "&#x9;", "&#xA;", "&#xD;"
	esc['&'], esc['<'], esc['>'] = "&amp;", "&lt;", "&gt;"
	esc['"'], esc['\''] = "&#34;", "&#39;"
	return esc
}()

// appendDay writes t's date as 2006-01-02, in t's own location, as
// t.Format would, without parsing the layout for every page.
func appendDay(buf *bytes.Buffer, t time.Time) {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		buf.WriteString(t.Format("2006-01-02"))
		return
	}
	var b [10]byte
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4], b[7] = '-', '-'
	b[5], b[6] = byte('0'+int(m)/10), byte('0'+int(m)%10)
	b[8], b[9] = byte('0'+d/10), byte('0'+d%10)
	buf.Write(b[:])
}

// sortTermsByNewest orders terms by their newest article, newest first.
func sortTermsByNewest(terms []*generator.Term) {
	slices.SortStableFunc(terms, func(a, b *generator.Term) int {
		return cmp.Or(b.Entries[0].Date.Compare(a.Entries[0].Date), cmp.Compare(a.Slug, b.Slug))
	})
}
