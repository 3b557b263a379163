package render

// writeTimeline writes the built-in "timeline" partial for p.
func (r *Renderer) writeTimeline(w htmlw, p *Page) {
	tl := p.Timeline()
	if tl == nil || len(tl.Bars) == 0 {
		return
	}
	w.WriteString("\n<figure class=\"timeline\">\n  <svg class=\"timeline-svg\" viewBox=\"0 0 ")
	w.num(tl.Width())
	w.WriteString(" ")
	w.num(tl.Height())
	w.WriteString("\" width=\"")
	w.num(tl.Width())
	w.WriteString("\" height=\"")
	w.num(tl.Height())
	w.WriteString("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Bar chart of articles naming ")
	w.esc(p.Term.Name)
	w.WriteString(" each week, ")
	w.esc(r.date(tl.From))
	w.WriteString(" to ")
	w.esc(r.date(tl.To))
	w.WriteString(": ")
	w.esc(plural(tl.Total, "article", "articles"))
	w.WriteString(" in ")
	w.esc(plural(len(tl.Bars), "week", "weeks"))
	w.WriteString(", at most ")
	w.num(tl.Max)
	w.WriteString(" in one\">\n    <rect class=\"tl-axis\" x=\"0\" y=\"")
	w.num(tl.Axis())
	w.WriteString("\" width=\"")
	w.num(tl.Width())
	w.WriteString("\" height=\"1\"/>")
	for _, b := range tl.Bars {
		w.WriteString("\n    <a href=\"")
		w.url(r.cfg.RelURL(b.Issue.Path()))
		w.WriteString("\" tabindex=\"-1\"><rect class=\"tl-bar\" x=\"")
		w.num(b.X)
		w.WriteString("\" y=\"")
		w.num(b.Y)
		w.WriteString("\" width=\"8\" height=\"")
		w.num(b.Height)
		w.WriteString("\"><title>")
		w.esc(b.Issue.Title)
		w.WriteString(": ")
		w.esc(plural(b.Count, "article", "articles"))
		w.WriteString("</title></rect></a>")
	}
	w.WriteString("\n  </svg>\n  <figcaption>\n    <span class=\"timeline-range\"><span>")
	w.esc(r.date(tl.From))
	w.WriteString("</span> <span>")
	w.esc(r.date(tl.To))
	w.WriteString("</span></span>\n    <details class=\"timeline-list\">\n      <summary>Articles a week over the last year: ")
	w.num(tl.Total)
	w.WriteString("</summary>\n      <ol class=\"counts\">")
	for _, b := range tl.Bars {
		w.WriteString("\n        <li><a href=\"")
		w.url(r.cfg.RelURL(b.Issue.Path()))
		w.WriteString("\">")
		w.esc(b.Issue.Title)
		w.WriteString("</a> ")
		w.count(b.Count)
		w.WriteString("</li>")
	}
	w.WriteString("\n      </ol>\n    </details>\n  </figcaption>\n</figure>")
}

// count writes a count as the partials show it, its unit for screen
// readers alone.
func (w htmlw) count(n int) {
	w.WriteString("<span class=\"count\">")
	w.num(n)
	if n == 1 {
		w.WriteString("<span class=\"vh\"> article</span></span>")
	} else {
		w.WriteString("<span class=\"vh\"> articles</span></span>")
	}
}
