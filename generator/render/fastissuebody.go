package render

// writeIssueBody writes the "issue-body" partial for p's issue.
func (r *Renderer) writeIssueBody(w htmlw, set templateSet, p *Page) error {
	is := p.Issue
	note, err := r.note(is)
	if err != nil {
		return err
	}
	if note != "" {
		w.WriteString("\n<section class=\"editors-note\" aria-label=\"Editor's note\">\n  ")
		w.WriteString(string(note))
		w.WriteString("\n</section>")
	}
	if e := is.Lead; e != nil {
		w.WriteString("\n<section class=\"group lead-story\" aria-labelledby=\"lead-heading\">\n  <h2 id=\"lead-heading\" class=\"group-head\">Lead story</h2>\n  ")
		card, err := r.card(set[p.Kind], p.Kind, p, e, nil)
		if err != nil {
			return err
		}
		w.WriteString(string(card))
		w.WriteString("\n</section>")
	}
	if len(is.Featured) > 0 {
		w.WriteString("\n<section class=\"group featured\" aria-labelledby=\"featured-heading\">\n  <h2 id=\"featured-heading\" class=\"group-head\">Featured</h2>\n  ")
		if err := w.cards(r, set, p, is.Featured, nil); err != nil {
			return err
		}
		w.WriteString("\n</section>")
	}
	for _, g := range is.Rest {
		w.WriteString("\n<section class=\"group\">\n  <h2 class=\"group-head\">")
		if g.Term != nil {
			w.WriteString("<a href=\"")
			w.url(r.cfg.RelURL(g.Term.Path()))
			w.WriteString("\">")
			w.esc(g.Term.Name)
			w.WriteString("</a>")
		} else {
			w.WriteString("Elsewhere")
		}
		w.WriteString(" <span class=\"count\">")
		w.esc(plural(len(g.Entries), "article", "articles"))
		w.WriteString("</span></h2>\n  ")
		if err := w.cards(r, set, p, g.Entries, g.Term); err != nil {
			return err
		}
		w.WriteString("\n</section>")
	}
	if len(is.Brief) > 0 {
		w.WriteString("\n<section class=\"group in-brief\" aria-labelledby=\"brief-heading\">\n  <h2 id=\"brief-heading\" class=\"group-head\">In brief</h2>\n  <ul class=\"brief-list\">")
		for _, g := range is.Brief {
			w.WriteString("\n    <li>")
			if t := g.Term; t != nil {
				w.WriteString("<a class=\"brief-country\" href=\"")
				w.url(r.cfg.RelURL(t.Path()))
				w.WriteString("\">")
				w.esc(t.Name)
				w.WriteString("</a><span class=\"sep\" aria-hidden=\"true\">: </span>")
			}
			for _, e := range g.Entries {
				w.WriteString("<a href=\"")
				w.url(r.cfg.RelURL(e.Path()))
				w.WriteString("\">")
				w.esc(e.Title)
				w.WriteString("</a>")
				if e.Source != "" {
					w.WriteString("<span class=\"sep\" aria-hidden=\"true\"> · </span><span class=\"source\">")
					w.esc(e.Source)
					w.WriteString("</span>")
				}
			}
			w.WriteString("</li>")
		}
		w.WriteString("\n  </ul>\n</section>")
	}
	return nil
}
