package render

import (
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// writeBase writes base.html around main, the page's "main" block.
func writeBase(r *Renderer, w htmlw, set templateSet, p *Page, main func() error) error {
	cfg := &p.Site.Config
	w.WriteString("<!doctype html>\n<html lang=\"")
	w.esc(cfg.Language)
	w.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if p.Kind == "home" {
		w.esc(cfg.Title)
	} else {
		w.esc(p.Title)
		w.WriteString(" · ")
		w.esc(cfg.Title)
	}
	w.WriteString("</title>")
	if p.Description != "" {
		w.WriteString("\n<meta name=\"description\" content=\"")
		w.esc(p.Description)
		w.WriteString("\">")
	}
	if p.Kind != "404" {
		w.WriteString("\n<link rel=\"canonical\" href=\"")
		w.url(r.cfg.AbsURL(p.Path))
		w.WriteString("\">")
	}
	if p.Kind == "issue" && p.Issue != nil && !p.Issue.Published {
		w.WriteString("\n<meta name=\"robots\" content=\"noindex\">")
	}
	w.WriteString("\n<meta property=\"og:site_name\" content=\"")
	w.esc(cfg.Title)
	w.WriteString("\">\n<meta property=\"og:title\" content=\"")
	w.esc(p.Title)
	w.WriteString("\">\n<meta property=\"og:url\" content=\"")
	w.esc(r.cfg.AbsURL(p.Path))
	w.WriteString("\">\n<meta property=\"og:type\" content=\"")
	if p.Kind == "article" {
		w.WriteString("article")
	} else {
		w.WriteString("website")
	}
	w.WriteString("\">\n<meta property=\"og:locale\" content=\"")
	w.esc(cfg.Language)
	w.WriteString("\">")
	if p.Description != "" {
		w.WriteString("\n<meta property=\"og:description\" content=\"")
		w.esc(p.Description)
		w.WriteString("\">")
	}
	if e := p.Entry; e != nil {
		w.WriteString("\n<meta property=\"article:published_time\" content=\"")
		w.esc(e.Date.Format(time.RFC3339))
		w.WriteString("\">\n")
		if err := p.writeJSONLD(w.Buffer); err != nil {
			return err
		}
	}
	w.WriteString("\n")
	if err := w.partial(r, set, p, "head-assets"); err != nil {
		return err
	}
	if p.Feed != "" {
		w.WriteString("\n<link rel=\"alternate\" type=\"application/rss+xml\" title=\"")
		w.esc(p.Title)
		w.WriteString(" (RSS)\" href=\"")
		w.url(r.cfg.RelURL(p.Feed))
		w.WriteString("\">")
	}
	w.WriteString("\n<link rel=\"alternate\" type=\"application/feed+json\" title=\"")
	w.esc(cfg.Title)
	w.WriteString(" (JSON Feed)\" href=\"")
	w.url(r.cfg.RelURL("feed.json"))
	w.WriteString("\">\n</head>\n<body class=\"kind-")
	w.esc(p.Kind)
	w.WriteString("\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
	if err := w.partial(r, set, p, "header", p.Kind, p.Taxonomy); err != nil {
		return err
	}
	w.WriteString("\n<main id=\"main\" tabindex=\"-1\">\n")
	if err := main(); err != nil {
		return err
	}
	w.WriteString("\n</main>\n")
	if err := w.partial(r, set, p, "footer"); err != nil {
		return err
	}
	w.WriteString("\n</body>\n</html>\n")
	return nil
}

// partial writes what {{ partialCached name . variants… }} would.
func (w htmlw) partial(r *Renderer, set templateSet, p *Page, name string, variants ...any) error {
	html, err := r.partials.execute(set[p.Kind], p.Kind, name, p, variants)
	w.WriteString(string(html))
	return err
}

// cards writes what {{ cards $ entries except }} would.
func (w htmlw) cards(r *Renderer, set templateSet, p *Page, entries []*generator.Entry, except *generator.Term) error {
	if r.cards.keepAll {
		// serve keeps whole lists between saves (cardList).
		html, err := r.cardList(set[p.Kind], p.Kind, p, entries, except)
		w.WriteString(string(html))
		return err
	}
	// A build makes each list once: written card by card into the
	// page, as cardList would join them, it needs no string of its own.
	for i, e := range entries {
		if i > 0 {
			w.WriteByte('\n')
		}
		if except != nil {
			// Written in its two pieces, the card less a country is
			// never a string of its own.
			head, tail, ok, err := r.cardLess(set[p.Kind], p.Kind, p, e, except)
			if err != nil {
				return err
			}
			if ok {
				w.WriteString(string(head))
				w.WriteString(string(tail))
				continue
			}
		}
		html, err := r.card(set[p.Kind], p.Kind, p, e, except)
		if err != nil {
			return err
		}
		w.WriteString(string(html))
	}
	return nil
}
