package render

import "strconv"

// writeTerm writes a term's page as term.html does.
func writeTerm(r *Renderer, w htmlw, set templateSet, p *Page) error {
	return writeBase(r, w, set, p, func() error { return writeTermMain(r, w, set, p) })
}

// writeTermMain writes term.html's "main".
func writeTermMain(r *Renderer, w htmlw, set templateSet, p *Page) error {
	t, pg := p.Term, p.Paginator
	w.WriteString("<div class=\"wrap\">\n  <header class=\"page-head\">\n    <p class=\"kicker\"><a href=\"")
	w.url(r.cfg.RelURL(p.Taxonomy.Path()))
	w.WriteString("\">")
	w.esc(p.Taxonomy.Title)
	w.WriteString("</a></p>\n    <h1>")
	w.esc(t.Name)
	w.WriteString("</h1>\n    <p class=\"lede\">")
	w.esc(plural(len(t.Entries), "article", "articles"))
	if len(t.Entries) > 0 {
		w.WriteString(", the latest on ")
		w.esc(r.date(t.Entries[0].Date))
	}
	w.WriteString(".")
	if pg != nil && pg.Total > 1 {
		w.WriteString(" Page ")
		w.num(pg.Number)
		w.WriteString(" of ")
		w.num(pg.Total)
		w.WriteString(".")
	}
	w.WriteString("</p>\n  </header>")
	first := pg == nil || pg.Number == 1
	if first {
		w.WriteString(string(r.partials.written(r.partials.key(p.Kind, "timeline", t), func(w htmlw) { r.writeTimeline(w, p) })))
	}
	w.WriteString("\n  <div class=\"columns\">\n    <div class=\"main-column\">")
	entries := t.Entries
	if pg != nil {
		entries = pg.Entries
	}
	for _, g := range byWeek(entries) {
		w.WriteString("\n      <section class=\"group\">\n        <h2 class=\"group-head\"><a href=\"")
		w.url(r.cfg.RelURL(g.Issue.Path()))
		w.WriteString("\">")
		w.esc(g.Issue.Title)
		w.WriteString("</a></h2>\n        ")
		if err := w.cards(r, set, p, g.Entries, t); err != nil {
			return err
		}
		w.WriteString("\n      </section>")
	}
	if pg != nil && pg.Total > 1 {
		w.WriteString("\n      ")
		var newer, older link
		if pg.Newer != nil {
			newer = link{true, pg.Newer.Path, pg.Newer.Title}
		}
		if pg.Older != nil {
			older = link{true, pg.Older.Path, pg.Older.Title}
		}
		writePager(r, w, newer, older, "Newer articles", "Older articles")
	}
	w.WriteString("\n    </div>\n    ")
	w.WriteString(string(r.partials.written(r.partials.key(p.Kind, "term-side", t, first), func(w htmlw) { r.writeTermSide(w, p, first) })))
	w.WriteString("\n  </div>\n</div>")
	return nil
}

// plural is the template function of that name: "1 article", "2 articles".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
