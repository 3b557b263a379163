package render

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"slices"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// sitemap lists every page a search engine should know, with the date of
// the newest article it shows. It is written by hand rather than through
// encoding/xml: it has a line for every page, and serve writes it again
// whenever an article's front matter changes.
func (r *Renderer) sitemap(s *generator.Site) job {
	const path = "sitemap.xml"
	return job{path: path, make: func(buf *bytes.Buffer, _ templateSet) error {
		buf.WriteString(xml.Header)
		buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		var date [10]byte
		add := func(p string, t time.Time) {
			buf.WriteString("\n  <url>\n    <loc>")
			if err := xml.EscapeText(buf, []byte(r.cfg.AbsURL(p))); err != nil {
				panic(err) // a bytes.Buffer does not fail
			}
			buf.WriteString("</loc>")
			if !t.IsZero() {
				buf.WriteString("\n    <lastmod>")
				buf.Write(t.AppendFormat(date[:0], "2006-01-02"))
				buf.WriteString("</lastmod>")
			}
			buf.WriteString("\n  </url>")
		}
		add("", s.Updated)
		add("issues/", s.Updated)
		for _, is := range s.Listed() {
			add(is.Path(), is.Entries[0].Date)
		}
		for _, e := range s.Entries {
			add(e.Path(), e.Date)
		}
		for _, tax := range s.Taxonomies {
			add(tax.Path(), s.Updated)
			for _, t := range tax.Terms {
				// Every page of a term, each dated by its newest article,
				// so a crawler finds the older ones too.
				size := pageSize(&r.cfg, len(t.Entries))
				for i := 0; i < len(t.Entries); i += size {
					add(pagePath(t.Path(), i/size+1), t.Entries[i].Date)
				}
			}
		}
		buf.WriteString("\n</urlset>\n")
		return nil
	}}
}

// sortTermsByNewest orders terms by their newest article, newest first.
func sortTermsByNewest(terms []*generator.Term) {
	slices.SortStableFunc(terms, func(a, b *generator.Term) int {
		return cmp.Or(b.Entries[0].Date.Compare(a.Entries[0].Date), cmp.Compare(a.Slug, b.Slug))
	})
}
