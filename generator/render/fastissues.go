package render

import "github.com/briefing-digest/briefing/generator"

// writeIssues writes the archive of weekly issues as issues.html does.
// It lists every issue, so serve writes it again on every save that
// moves an article between weeks.
func writeIssues(r *Renderer, w htmlw, set templateSet, p *Page) error {
	return writeBase(r, w, set, p, func() error {
		listed := p.Site.Listed()
		w.WriteString("<div class=\"wrap narrow\">\n  <header class=\"page-head\">\n    <h1>Weekly issues</h1>\n    <p class=\"lede\">")
		w.esc(plural(len(listed), "issue", "issues"))
		w.WriteString(", ")
		w.esc(plural(len(p.Site.Entries), "article", "articles"))
		w.WriteString(".</p>\n  </header>")
		year := 0
		for i, is := range listed {
			if is.Year != year {
				if i > 0 {
					w.WriteString("\n  </ol>\n  </section>")
				}
				year = is.Year
				w.WriteString("\n  <section class=\"year\" aria-labelledby=\"year-")
				w.num(year)
				w.WriteString("\">\n  <h2 id=\"year-")
				w.num(year)
				w.WriteString("\" class=\"group-head\">")
				w.num(year)
				w.WriteString("</h2>\n  <ol class=\"issue-list\">")
			}
			w.WriteString("\n    ")
			writeIssueRow(r, w, is)
		}
		if len(listed) > 0 {
			w.WriteString("\n  </ol>\n  </section>")
		}
		w.WriteString("\n</div>")
		return nil
	})
}

// writeIssueRow writes partials/issue-row.html's "issue-row".
func writeIssueRow(r *Renderer, w htmlw, is *generator.Issue) {
	w.WriteString("<li class=\"issue-row\">\n  <span class=\"issue-name\"><span class=\"issue-number\">No. ")
	w.num(is.Number)
	w.WriteString("</span> <a class=\"issue-title\" href=\"")
	w.url(r.cfg.RelURL(is.Path()))
	w.WriteString("\">")
	w.esc(is.Title)
	w.WriteString("</a>")
	if !is.Published {
		w.WriteString(" <span class=\"unpublished\">not published</span>")
	}
	w.WriteString("</span>\n  <span class=\"count\">")
	w.esc(plural(len(is.Entries), "article", "articles"))
	w.WriteString("</span>")
	if is.Headline != is.Title {
		w.WriteString("\n  <span class=\"issue-headline\">")
		w.esc(is.Headline)
		w.WriteString("</span>")
	}
	if covered := is.Covered(5); len(covered) > 0 {
		w.WriteString("\n  <span class=\"issue-countries\">")
		for i, c := range covered {
			if i > 0 {
				w.WriteString(", ")
			}
			w.esc(c.Name)
		}
		w.WriteString("</span>")
	}
	w.WriteString("\n</li>")
}
