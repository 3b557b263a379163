package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists every page a search engine should know, with the date of
// the newest article it shows.
func (r *Renderer) sitemap(s *generator.Site) job {
	const path = "sitemap.xml"
	return job{path: path, make: func(buf *bytes.Buffer) error {
		set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
		add := func(p string, t time.Time) {
			u := sitemapURL{Loc: r.cfg.AbsURL(p)}
			if !t.IsZero() {
				u.LastMod = t.Format("2006-01-02")
			}
			set.URLs = append(set.URLs, u)
		}
		add("", s.Updated)
		add("issues/", s.Updated)
		for _, is := range s.Issues {
			add(is.Path(), is.Entries[0].Date)
		}
		for _, e := range s.Entries {
			add(e.Path(), e.Date)
		}
		for _, tax := range s.Taxonomies {
			add(tax.Path(), s.Updated)
			for _, t := range tax.Terms {
				add(t.Path(), t.Entries[0].Date)
			}
		}
		buf.WriteString(xml.Header)
		enc := xml.NewEncoder(buf)
		enc.Indent("", "  ")
		if err := enc.Encode(set); err != nil {
			return fmt.Errorf("encoding %s: %w", path, err)
		}
		buf.WriteByte('\n')
		return nil
	}}
}

// searchDoc is one article in the search index; short keys keep the
// file small, since the browser downloads all of it.
type searchDoc struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Date    string `json:"d"`
	Source  string `json:"o,omitempty"`
	Summary string `json:"s,omitempty"`
	Terms   string `json:"k,omitempty"`
}

// searchIndex writes search.json for the search page's script.
func (r *Renderer) searchIndex(s *generator.Site) job {
	const path = "search.json"
	return job{path: path, make: func(buf *bytes.Buffer) error {
		docs := make([]searchDoc, len(s.Entries))
		for i, e := range s.Entries {
			docs[i] = searchDoc{Title: e.Title, URL: r.cfg.RelURL(e.Path()), Date: e.Date.In(r.cfg.Location).Format("2006-01-02"),
				Source: e.Source, Summary: e.Summary, Terms: strings.Join(allTerms(e), " · ")}
		}
		if err := json.NewEncoder(buf).Encode(docs); err != nil {
			return fmt.Errorf("encoding %s: %w", path, err)
		}
		return nil
	}}
}

// sortTermsByNewest orders terms by their newest article, newest first.
func sortTermsByNewest(terms []*generator.Term) {
	slices.SortStableFunc(terms, func(a, b *generator.Term) int {
		return cmp.Or(b.Entries[0].Date.Compare(a.Entries[0].Date), cmp.Compare(a.Slug, b.Slug))
	})
}
