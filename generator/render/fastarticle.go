package render

import (
	"strings"
)

// writeArticle writes an article's page as article.html does.
func writeArticle(r *Renderer, w htmlw, set templateSet, p *Page) error {
	return writeBase(r, w, set, p, func() error { return writeArticleMain(r, w, set, p) })
}

// writeArticleMain writes article.html's "main".
func writeArticleMain(r *Renderer, w htmlw, set templateSet, p *Page) error {
	e := p.Entry
	m := &e.Article.Metadata
	w.WriteString("<article class=\"wrap story\">\n  <header class=\"story-head\">")
	if len(m.Sections) > 0 {
		w.WriteString("\n    <p class=\"kicker\">")
		if terms := p.Site.Terms(e, "sections"); len(terms) > 0 {
			for i, s := range terms {
				if i > 0 {
					w.WriteString("<span class=\"sep\" aria-hidden=\"true\"> / </span>")
				}
				w.WriteString("<a href=\"")
				w.url(r.cfg.RelURL(s.Path()))
				w.WriteString("\">")
				w.esc(s.Name)
				w.WriteString("</a>")
			}
		} else {
			for i, s := range m.Sections {
				if i > 0 {
					w.WriteString("<span class=\"sep\" aria-hidden=\"true\"> / </span>")
				}
				w.esc(s)
			}
		}
		w.WriteString("</p>")
	}
	w.WriteString("\n    <h1>")
	w.esc(m.Title)
	w.WriteString("</h1>")
	if p.ShowSummary() {
		w.WriteString("\n    <p class=\"standfirst\">")
		w.esc(m.Summary)
		w.WriteString("</p>")
	}
	w.WriteString("\n    <p class=\"byline\">\n      <time datetime=\"")
	w.esc(r.isodate(m.Date))
	w.WriteString("\">")
	w.esc(r.date(m.Date))
	w.WriteString("</time>")
	switch {
	case m.Source != "":
		w.WriteString("<span class=\"sep\" aria-hidden=\"true\"> · </span>")
		if m.URL != "" {
			w.WriteString("<a class=\"source\" href=\"")
			w.url(m.URL)
			w.WriteString("\" rel=\"noopener\">")
			w.esc(m.Source)
			w.WriteString("</a>")
		} else {
			w.WriteString("<span class=\"source\">")
			w.esc(m.Source)
			w.WriteString("</span>")
		}
	case m.URL != "":
		w.WriteString("<span class=\"sep\" aria-hidden=\"true\"> · </span><a class=\"source\" href=\"")
		w.url(m.URL)
		w.WriteString("\" rel=\"noopener\">")
		w.esc(host(m.URL))
		w.WriteString("</a>")
	}
	w.WriteString("\n      <span class=\"sep\" aria-hidden=\"true\"> · </span><span class=\"in-issue\">in <a href=\"")
	w.url(r.cfg.RelURL(e.Issue.Path()))
	w.WriteString("\">")
	w.esc(e.Issue.Title)
	w.WriteString("</a></span>\n    </p>\n  </header>\n  <div class=\"story-columns\">\n    <div class=\"prose\">\n")
	if err := r.markdownTo(w.Buffer, e, p.source); err != nil {
		return err
	}
	w.WriteString("\n    </div>")
	facts := p.Facts()
	if len(facts) > 0 || len(m.Places) > 0 {
		w.WriteString("\n    <aside class=\"story-names\" aria-labelledby=\"story-names-title\">\n      <h2 id=\"story-names-title\">In this article</h2>\n      <dl class=\"facts\">")
		for _, f := range facts {
			w.WriteString("\n        <div>\n          <dt>")
			w.esc(f.Taxonomy.Title)
			w.WriteString("</dt>\n          <dd><ul class=\"chips\">")
			if err := w.chips(r, set[p.Kind], p.Kind, f.Terms); err != nil {
				return err
			}
			w.WriteString("</ul></dd>\n        </div>")
		}
		if p.Site.Taxonomy("places") == nil && len(m.Places) > 0 {
			w.WriteString("\n        <div>\n          <dt>Places</dt>\n          <dd><ul class=\"chips plain\">")
			for _, s := range m.Places {
				w.WriteString("<li>")
				w.esc(s)
				w.WriteString("</li>")
			}
			w.WriteString("</ul></dd>\n        </div>")
		}
		w.WriteString("\n      </dl>\n    </aside>")
	}
	w.WriteString("\n  </div>")
	if len(e.Related) > 0 {
		w.WriteString("\n  <section class=\"related\" aria-labelledby=\"related-title\">\n    <h2 id=\"related-title\">Related articles</h2>\n    ")
		if err := w.cards(r, set, p, e.Related, nil); err != nil {
			return err
		}
		w.WriteString("\n  </section>")
	}
	w.WriteString("\n  <footer class=\"story-foot\">")
	if m.URL != "" {
		w.WriteString("\n    <p class=\"original\">Read the original")
		if m.Source != "" {
			w.WriteString(" at ")
			w.esc(m.Source)
		}
		w.WriteString(": <a href=\"")
		w.url(m.URL)
		w.WriteString("\" rel=\"noopener\">")
		w.esc(m.URL)
		w.WriteString("</a></p>")
	}
	if m.License != "" {
		w.WriteString("\n    <p class=\"license\">")
		w.esc(m.License)
		w.WriteString("</p>")
	}
	w.WriteString("\n    ")
	var prev, next link
	if e.Prev != nil {
		prev = link{true, e.Prev.Path(), e.Prev.Title}
	}
	if e.Next != nil {
		next = link{true, e.Next.Path(), e.Next.Title}
	}
	writePager(r, w, prev, next, "Earlier this week", "Later this week")
	w.WriteString("\n  </footer>\n</article>")
	return nil
}

// host is the template function of that name: a URL's host, without "www.".
func host(u string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	s, _, _ = strings.Cut(s, "/")
	return strings.TrimPrefix(s, "www.")
}
