package render

import (
	"html/template"

	"github.com/briefing-digest/briefing/generator"
)

// writeCard writes the built-in "entry" partial, an article's card,
// leaving out the chips of countries but those given. t is the
// template of the page the card is for, kind its kind. keepText keeps
// the card's text, the "entry-text" partial, for the entry's other
// cards, as the template's partialCached does.
func (r *Renderer) writeCard(w htmlw, t *template.Template, kind string, e *generator.Entry, countries []*generator.Term, keepText bool) error {
	w.WriteString("<article class=\"entry\">\n  ")
	if keepText {
		w.WriteString(string(r.partials.written(r.partials.key(kind, "entry-text", e), func(w htmlw) { r.writeEntryText(w, e) })))
	} else {
		r.writeEntryText(w, e)
	}
	if len(countries) > 0 {
		w.WriteString(chipsOpen)
		if err := w.chips(r, t, kind, countries); err != nil {
			return err
		}
		w.WriteString(chipsClose)
	}
	w.WriteString("\n</article>")
	return nil
}

// What writeCard writes around a card's chips, which cardLess looks for.
const (
	chipsOpen  = "\n  <ul class=\"chips\" aria-label=\"Countries\">"
	chipsClose = "\n  </ul>"
)

// writeEntryText writes the built-in "entry-text" partial.
func (r *Renderer) writeEntryText(w htmlw, e *generator.Entry) {
	m := &e.Article.Metadata
	w.WriteString("<h3 class=\"entry-title\"><a href=\"")
	w.url(r.cfg.RelURL(e.Path()))
	w.WriteString("\">")
	w.esc(m.Title)
	w.WriteString("</a></h3>\n  <p class=\"entry-meta\">\n    <time datetime=\"")
	w.esc(r.isodate(m.Date))
	w.WriteString("\">")
	w.esc(r.date(m.Date))
	w.WriteString("</time>")
	if m.Source != "" {
		w.WriteString("<span class=\"sep\" aria-hidden=\"true\"> · </span><span class=\"source\">")
		w.esc(m.Source)
		w.WriteString("</span>")
	}
	w.WriteString("\n  </p>")
	if m.Summary != "" {
		w.WriteString("\n  <p class=\"entry-summary\">")
		w.esc(m.Summary)
		w.WriteString("</p>")
	}
}

// chips writes what {{ chips terms }} would on a page of kind, whose
// template is t.
func (w htmlw) chips(r *Renderer, t *template.Template, kind string, terms []*generator.Term) error {
	inGo := r.goChip[kind] && !r.templatesOnly
	for _, term := range terms {
		if inGo {
			w.WriteString(string(r.partials.written(r.partials.key(kind, "chip", term), func(w htmlw) { r.writeChip(w, term) })))
			continue
		}
		html, err := r.partials.execute(t, kind, "chip", term, []any{term})
		if err != nil {
			return err
		}
		w.WriteString(string(html))
	}
	return nil
}

// writeChip writes the built-in "chip" partial.
func (r *Renderer) writeChip(w htmlw, t *generator.Term) {
	w.WriteString("<li><a href=\"")
	w.url(r.cfg.RelURL(t.Path()))
	w.WriteString("\">")
	w.esc(t.Name)
	w.WriteString("</a></li>")
}
