package render

// writeMap writes the built-in "map" partial for p, its coverage map.
func (r *Renderer) writeMap(w htmlw, p *Page) error {
	c, err := p.Coverage()
	if err != nil || c == nil {
		return err
	}
	w.WriteString("\n<figure class=\"map\">\n  <svg class=\"map-svg\" viewBox=\"0 0 ")
	w.num(c.Width)
	w.WriteString(" ")
	w.num(c.Height)
	w.WriteString("\" width=\"")
	w.num(c.Width)
	w.WriteString("\" height=\"")
	w.num(c.Height)
	w.WriteString("\" role=\"img\" aria-label=\"")
	w.esc(c.Label)
	w.WriteString("\">")
	for _, s := range c.Shapes {
		if s.Term != nil {
			w.WriteString("<a href=\"")
			w.url(r.cfg.RelURL(s.Term.Path()))
			w.WriteString("\" tabindex=\"-1\"><path class=\"m")
			w.num(s.Level)
			w.WriteString("\" d=\"")
			w.WriteString(s.Path) // svgmap.Country.Path needs no escaping
			w.WriteString("\"><title>")
			w.esc(s.Name)
			w.WriteString(": ")
			w.esc(plural(s.Count, "article", "articles"))
			w.WriteString("</title></path></a>")
		} else {
			w.WriteString("<path d=\"")
			w.WriteString(s.Path) // svgmap.Country.Path needs no escaping
			w.WriteString("\"><title>")
			w.esc(s.Name)
			w.WriteString("</title></path>")
		}
	}
	w.WriteString("\n  </svg>\n  <figcaption>\n    <ul class=\"map-legend\" aria-label=\"Key to the map's shades\">\n      <li><svg viewBox=\"0 0 1 1\" width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"1\" height=\"1\"/></svg>none</li>")
	for _, l := range c.Legend {
		w.WriteString("\n      <li><svg viewBox=\"0 0 1 1\" width=\"14\" height=\"14\" aria-hidden=\"true\"><rect class=\"m")
		w.num(l.Level)
		w.WriteString("\" width=\"1\" height=\"1\"/></svg>")
		w.num(l.From)
		if l.From != l.To {
			w.WriteString("–")
			w.num(l.To)
		}
		w.WriteString("</li>")
	}
	w.WriteString("\n      <li class=\"map-unit\">")
	if c.Max == 1 {
		w.WriteString("article")
	} else {
		w.WriteString("articles")
	}
	w.WriteString("</li>\n      <li class=\"map-credit\">Outlines: Natural Earth</li>\n    </ul>\n    <details class=\"map-list\">\n      <summary>")
	w.esc(plural(len(c.Listed), "country", "countries"))
	w.WriteString(" and their articles, as a list</summary>\n      <ol class=\"counts\" aria-label=\"Countries and how many articles name each\">")
	for _, s := range c.Listed {
		w.WriteString("<li><a href=\"")
		w.url(r.cfg.RelURL(s.Term.Path()))
		w.WriteString("\">")
		w.esc(s.Name)
		w.WriteString("</a> <span>")
		w.num(s.Count)
		w.WriteString("</span></li>")
	}
	w.WriteString("\n      </ol>\n    </details>\n  </figcaption>\n</figure>")
	return nil
}
