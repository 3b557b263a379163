package render

// link is one side of the pager partial: .Path and .Title, if any.
type link struct {
	ok          bool
	path, title string
}

// writePager writes the "pager" partial.
func writePager(r *Renderer, w htmlw, prev, next link, prevLabel, nextLabel string) {
	if !prev.ok && !next.ok {
		return
	}
	w.WriteString("\n<nav class=\"pager\" aria-label=\"")
	w.esc(prevLabel)
	w.WriteString(" and ")
	w.esc(nextLabel)
	w.WriteString("\">")
	if prev.ok {
		w.WriteString("\n  <a class=\"prev\" rel=\"prev\" href=\"")
		w.url(r.cfg.RelURL(prev.path))
		w.WriteString("\"><span class=\"pager-label\"><span aria-hidden=\"true\">← </span>")
		w.esc(prevLabel)
		w.WriteString("</span> <span class=\"pager-title\">")
		w.esc(prev.title)
		w.WriteString("</span></a>")
	}
	if next.ok {
		w.WriteString("\n  <a class=\"next\" rel=\"next\" href=\"")
		w.url(r.cfg.RelURL(next.path))
		w.WriteString("\"><span class=\"pager-label\">")
		w.esc(nextLabel)
		w.WriteString("<span aria-hidden=\"true\"> →</span></span> <span class=\"pager-title\">")
		w.esc(next.title)
		w.WriteString("</span></a>")
	}
	w.WriteString("\n</nav>")
}
