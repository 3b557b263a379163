package render

import (
	"github.com/briefing-digest/briefing/generator"
)

// writeIssue writes an issue's page as issue.html does.
func writeIssue(r *Renderer, w htmlw, set templateSet, p *Page) error {
	return writeBase(r, w, set, p, func() error { return writeIssueMain(r, w, set, p) })
}

// writeIssueMain writes issue.html's "main".
func writeIssueMain(r *Renderer, w htmlw, set templateSet, p *Page) error {
	is := p.Issue
	w.WriteString("<div class=\"wrap\">")
	if p.Site.Preview && !is.Published {
		w.WriteString("\n<p class=\"preview-banner\" role=\"status\"><strong>Preview:</strong> this issue is not published</p>")
	}
	w.WriteString("\n  <header class=\"page-head\">\n    <p class=\"kicker\"><a href=\"")
	w.url(r.cfg.RelURL("issues/"))
	w.WriteString("\">Weekly issue</a> · <span class=\"issue-number\">No. ")
	w.num(is.Number)
	w.WriteString("</span>")
	if is.Headline != is.Title {
		w.WriteString("<span class=\"sep\" aria-hidden=\"true\"> · </span><span class=\"issue-week\">")
		w.esc(is.Title)
		w.WriteString("</span>")
	}
	w.WriteString("</p>\n    <h1>")
	w.esc(is.Headline)
	w.WriteString("</h1>\n    <p class=\"lede\">")
	writeIssueSummary(w, is)
	w.WriteString("</p>\n  </header>")
	if err := r.writeMap(w, p); err != nil {
		return err
	}
	w.WriteString("\n  <div class=\"columns\">\n    <div class=\"main-column\">")
	if err := r.writeIssueBody(w, set, p); err != nil {
		return err
	}
	w.WriteString("\n    </div>\n    <aside class=\"side-column\" aria-label=\"This week\">")
	r.writeIssueSide(w, is)
	if p.Feed != "" {
		w.WriteString("\n      <p class=\"feed-link\"><a href=\"")
		w.url(r.cfg.RelURL(p.Feed))
		w.WriteString("\">RSS feed for this issue</a></p>")
	}
	w.WriteString("\n    </aside>\n  </div>\n  ")
	var older, newer link
	if is.Older != nil {
		older = link{true, is.Older.Path(), is.Older.Title}
	}
	if is.Newer != nil {
		newer = link{true, is.Newer.Path(), is.Newer.Title}
	}
	writePager(r, w, older, newer, "Previous issue", "Next issue")
	w.WriteString("\n</div>")
	return nil
}

// writeIssueSummary writes the "issue-summary" partial: "5 articles on
// Iran, Afghanistan and 2 other countries.".
func writeIssueSummary(w htmlw, is *generator.Issue) {
	named := 0
	for _, g := range is.Groups {
		if g.Term != nil {
			named++
		}
	}
	w.esc(plural(len(is.Entries), "article", "articles"))
	if named > 0 {
		w.WriteString(" on ")
		for i, g := range is.Groups {
			if g.Term == nil || i >= 4 {
				continue
			}
			if i > 0 {
				if i == named-1 && named <= 4 {
					w.WriteString(" and ")
				} else {
					w.WriteString(", ")
				}
			}
			w.esc(g.Term.Name)
		}
		if named > 4 {
			w.WriteString(" and ")
			w.esc(plural(named-4, "other country", "other countries"))
		}
	}
	w.WriteString(".")
}

// writeIssueSide writes the "issue-side" partial.
func (r *Renderer) writeIssueSide(w htmlw, is *generator.Issue) {
	if len(is.TopPeople) > 0 {
		w.WriteString("\n<section class=\"panel\">\n  <h2>Most named people</h2>\n  ")
		r.writeCounts(w, is.TopPeople, "People, by articles naming them this week")
		w.WriteString("\n</section>")
	}
	if len(is.TopCountries) > 0 {
		w.WriteString("\n<section class=\"panel\">\n  <h2>Most named countries</h2>\n  ")
		r.writeCounts(w, is.TopCountries, "Countries, by articles naming them this week")
		w.WriteString("\n</section>")
	}
}
