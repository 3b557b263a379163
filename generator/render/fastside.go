package render

import (
	"github.com/briefing-digest/briefing/generator"
)

// writeTermSide writes term.html's "term-side" for p; first is whether
// p is the term's first page.
func (r *Renderer) writeTermSide(w htmlw, p *Page, first bool) {
	t := p.Term
	w.WriteString("<aside class=\"side-column\" aria-label=\"Named alongside ")
	w.esc(t.Name)
	w.WriteString("\">")
	if pg := p.Paginator; pg != nil && len(pg.Years) > 0 {
		w.WriteString("\n      <section class=\"panel\">\n        <h2>By year</h2>\n        <ol class=\"counts\" aria-label=\"Articles naming ")
		w.esc(t.Name)
		w.WriteString(", by year\">")
		for _, y := range pg.Years {
			w.WriteString("\n          <li><a href=\"")
			w.url(r.cfg.RelURL(y.Path))
			w.WriteString("\">")
			w.num(y.Year)
			w.WriteString("</a> ")
			w.count(y.Count)
			w.WriteString("</li>")
		}
		w.WriteString("\n        </ol>\n      </section>")
	}
	if first {
		for _, rel := range t.Related {
			w.WriteString("\n      <section class=\"panel\">\n        <h2>")
			w.esc(rel.Taxonomy.Title)
			w.WriteString(" named alongside</h2>\n        ")
			r.writeCounts(w, rel.Terms, rel.Taxonomy.Title+" named in the same articles as "+t.Name)
			w.WriteString("\n      </section>")
		}
	}
	w.WriteString("\n      <p class=\"search-link\"><a href=\"")
	w.url(r.cfg.RelURL("search/"))
	w.WriteString("?")
	w.query(p.Taxonomy.Name)
	w.WriteString("=")
	w.query(t.Slug)
	w.WriteString("\">Search the articles naming ")
	w.esc(t.Name)
	w.WriteString("</a></p>\n      <p class=\"feed-link\"><a href=\"")
	w.url(r.cfg.RelURL(p.Feed))
	w.WriteString("\">RSS feed for ")
	w.esc(t.Name)
	w.WriteString("</a></p>\n    </aside>")
}

// writeCounts writes the built-in "counts" partial.
func (r *Renderer) writeCounts(w htmlw, list []generator.TermCount, label string) {
	w.WriteString("<ol class=\"counts\" aria-label=\"")
	w.esc(label)
	w.WriteString("\">")
	for _, tc := range list {
		w.WriteString("\n  <li><a href=\"")
		w.url(r.cfg.RelURL(tc.Term.Path()))
		w.WriteString("\">")
		w.esc(tc.Term.Name)
		w.WriteString("</a> ")
		w.count(tc.Count)
		w.WriteString("</li>")
	}
	w.WriteString("\n</ol>")
}
