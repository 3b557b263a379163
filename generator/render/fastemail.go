package render

import (
	"bytes"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/email"
)

// emailMessage renders is's email edition: with the built-in email.html,
// its HTML body is written in Go (writeEmail), as the built-in pages are;
// a site's own email.html is executed. reuse, when not nil, is a message
// no file needs any more, whose room the new one is written into.
func (r *Renderer) emailMessage(is *generator.Issue, reuse *email.Message) (*email.Message, error) {
	if r.own["email"] || r.templatesOnly {
		return r.email.Render(is)
	}
	v, err := r.email.View(is)
	if err != nil {
		return nil, err
	}
	var html []byte
	if reuse != nil {
		html = reuse.HTML[:0]
	}
	b := bytes.NewBuffer(html)
	size, _ := email.SizeHint(v)
	b.Grow(size)
	writeEmail(htmlw{b}, v)
	return r.email.Message(is, v, b.Bytes(), reuse)
}

// The email's repeated pieces of markup, as templates/email.html has them.
const (
	emailCardCell = "\n<tr>\n<td class=\"em-card\" style=\"padding:20px 28px 4px 28px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;\">\n" +
		"<h2 class=\"em-text em-rule\" style=\"margin:0 0 4px 0;padding:0 0 6px 0;border-bottom:2px solid #d9d4c7;font-family:Georgia,'Times New Roman',serif;font-size:20px;line-height:26px;color:#1c2127;\">"
	emailRowEnd = "\n</td>\n</tr>"
)

// writeEmail writes templates/email.html's output for v.
func writeEmail(w htmlw, v *email.View) {
	lang := v.Config.Language
	if lang == "" {
		lang = "en"
	}
	w.WriteString("<!DOCTYPE html>\n<html lang=\"")
	w.esc(lang)
	w.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"supported-color-schemes\" content=\"light dark\">\n<title>")
	w.esc(v.Subject)
	w.WriteString(emailHead)
	w.esc(v.Summary)
	w.WriteString("</div>\n<table role=\"presentation\" class=\"em-page\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;background-color:#f2efe8;\">\n" +
		"<tr>\n<td align=\"center\" style=\"padding:24px 8px;\">\n")
	w.WriteString(string(email.OutlookStart))
	w.WriteString("\n<table role=\"presentation\" class=\"em-card\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background-color:#ffffff;border-collapse:collapse;\">\n" +
		"<tr>\n<td class=\"em-card\" style=\"padding:28px 28px 12px 28px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;\">\n" +
		"<p class=\"em-muted\" style=\"margin:0 0 8px 0;font-size:13px;line-height:18px;color:#545d68;letter-spacing:0.04em;text-transform:uppercase;\"><a class=\"em-link\" href=\"")
	w.url(v.HomeURL)
	w.WriteString("\" style=\"color:#0a58a8;text-decoration:none;font-weight:bold;\">")
	w.esc(v.Config.Title)
	w.WriteString("</a> &middot; Weekly issue")
	if v.Number != 0 {
		w.WriteString(" &middot; No.&nbsp;")
		w.num(v.Number)
	}
	if v.Week != "" {
		w.WriteString(" &middot; ")
		w.esc(v.Week)
	}
	w.WriteString("</p>\n<h1 class=\"em-text\" style=\"margin:0 0 10px 0;font-family:Georgia,'Times New Roman',serif;font-size:26px;line-height:32px;font-weight:bold;color:#1c2127;\">")
	w.esc(v.Headline)
	w.WriteString("</h1>\n<p class=\"em-muted\" style=\"margin:0 0 12px 0;font-size:15px;line-height:22px;color:#545d68;\">")
	w.esc(v.Summary)
	w.WriteString("</p>\n<p style=\"margin:0;font-size:14px;line-height:20px;\"><a class=\"em-link\" href=\"")
	w.url(v.URL)
	w.WriteString("\" style=\"color:#0a58a8;\">Read this issue on the web</a></p>" + emailRowEnd)

	// The "lead" block: the edition's note, lead and featured articles.
	if v.Note != "" {
		w.WriteString("\n<tr>\n<td class=\"em-card em-text\" style=\"padding:20px 28px 4px 28px;background-color:#ffffff;color:#1c2127;font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:24px;\">\n" +
			"<p class=\"em-muted\" style=\"margin:0 0 8px 0;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:18px;color:#545d68;letter-spacing:0.04em;text-transform:uppercase;\">From the editor</p>\n")
		w.WriteString(string(v.Note))
		w.WriteString(emailRowEnd)
	}
	if v.Lead != nil {
		writeEmailHeading(w, "Lead story")
		writeEmailArticle(w, v.Lead)
	}
	if len(v.Featured) > 0 {
		writeEmailHeading(w, "Featured")
		for i := range v.Featured {
			writeEmailArticle(w, &v.Featured[i])
		}
	}

	for _, g := range v.Groups {
		w.WriteString(emailCardCell)
		if g.URL != "" {
			w.WriteString("<a class=\"em-text\" href=\"")
			w.url(g.URL)
			w.WriteString("\" style=\"color:#1c2127;text-decoration:none;\">")
			w.esc(g.Name)
			w.WriteString("</a>")
		} else {
			w.esc(g.Name)
		}
		w.WriteString(" <span class=\"em-muted\" style=\"font-family:Arial,Helvetica,sans-serif;font-size:13px;font-weight:normal;color:#545d68;\">")
		w.esc(plural(len(g.Articles), "article", "articles"))
		w.WriteString("</span></h2>" + emailRowEnd)
		for i := range g.Articles {
			writeEmailArticle(w, &g.Articles[i])
		}
	}

	if len(v.Brief) > 0 {
		writeEmailHeading(w, "In brief")
		w.WriteString("\n<tr>\n<td class=\"em-card\" style=\"padding:8px 28px 4px 28px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;\">\n<ul style=\"margin:0;padding:0 0 0 20px;\">")
		for _, b := range v.Brief {
			w.WriteString("\n<li class=\"em-text\" style=\"margin:0 0 8px 0;font-size:15px;line-height:22px;color:#1c2127;\">")
			if b.URL != "" {
				w.WriteString("<a class=\"em-text\" href=\"")
				w.url(b.URL)
				w.WriteString("\" style=\"color:#1c2127;font-weight:bold;text-decoration:none;\">")
				w.esc(b.Name)
				w.WriteString("</a>: ")
			}
			w.WriteString("<a class=\"em-link\" href=\"")
			w.url(b.Article.URL)
			w.WriteString("\" style=\"color:#0a58a8;\">")
			w.esc(b.Article.Title)
			w.WriteString("</a>")
			if b.Article.Source != "" {
				w.WriteString(" <span class=\"em-muted\" style=\"color:#545d68;\">&middot; ")
				w.esc(b.Article.Source)
				w.WriteString("</span>")
			}
			w.WriteString("</li>")
		}
		w.WriteString("\n</ul>" + emailRowEnd)
	}

	if len(v.People) > 0 || len(v.Countries) > 0 {
		w.WriteString("\n<tr>\n<td class=\"em-card\" style=\"padding:20px 28px 8px 28px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;\">\n" +
			"<h2 class=\"em-text em-rule\" style=\"margin:0 0 8px 0;padding:0 0 6px 0;border-bottom:2px solid #d9d4c7;font-family:Georgia,'Times New Roman',serif;font-size:20px;line-height:26px;color:#1c2127;\">Most named this week</h2>")
		writeEmailNames(w, "People", v.People)
		writeEmailNames(w, "Countries", v.Countries)
		w.WriteString(emailRowEnd)
	}

	w.WriteString("\n<tr>\n<td class=\"em-card\" style=\"padding:20px 28px 28px 28px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;\">\n" +
		"<p class=\"em-muted em-rule\" style=\"margin:0;padding:14px 0 0 0;border-top:1px solid #d9d4c7;font-size:13px;line-height:19px;color:#545d68;\"><a class=\"em-link\" href=\"")
	w.url(v.HomeURL)
	w.WriteString("\" style=\"color:#0a58a8;\">")
	w.esc(v.Config.Title)
	w.WriteString("</a>")
	if d := v.Config.Description; d != "" {
		w.WriteString(" &middot; ")
		w.esc(d)
	}
	w.WriteString("<br>\n<a class=\"em-link\" href=\"")
	w.url(v.IssuesURL)
	w.WriteString("\" style=\"color:#0a58a8;\">Every issue</a> &middot; Articles belong to their publishers; each page links to its source.</p>" + emailRowEnd +
		"\n</table>\n")
	w.WriteString(string(email.OutlookEnd))
	w.WriteString("\n</td>\n</tr>\n</table>\n</body>\n</html>\n")
}

// emailHead is the rest of the head, from the title's end to the hidden
// preview line's start.
const emailHead = "</title>\n<style>\n" +
	"  body { margin: 0; padding: 0; -webkit-text-size-adjust: 100%; }\n" +
	"  a { text-decoration: underline; }\n" +
	"  @media (prefers-color-scheme: dark) {\n" +
	"    .em-page { background-color: #101418 !important; }\n" +
	"    .em-card { background-color: #1a1f25 !important; }\n" +
	"    .em-text { color: #e9edf1 !important; }\n" +
	"    .em-muted { color: #b3bcc6 !important; }\n" +
	"    .em-link { color: #8ec5ff !important; }\n" +
	"    .em-rule { border-color: #3b434c !important; }\n" +
	"  }\n" +
	"  [data-ogsc] .em-page { background-color: #101418 !important; }\n" +
	"  [data-ogsc] .em-card { background-color: #1a1f25 !important; }\n" +
	"  [data-ogsc] .em-text { color: #e9edf1 !important; }\n" +
	"  [data-ogsc] .em-muted { color: #b3bcc6 !important; }\n" +
	"  [data-ogsc] .em-link { color: #8ec5ff !important; }\n" +
	"</style>\n</head>\n<body class=\"em-page\" style=\"margin:0;padding:0;background-color:#f2efe8;\">\n" +
	"<div style=\"display:none;max-height:0;overflow:hidden;opacity:0;\">"

// writeEmailHeading writes "email-heading": a section's heading row.
func writeEmailHeading(w htmlw, title string) {
	w.WriteString(emailCardCell)
	w.esc(title)
	w.WriteString("</h2>" + emailRowEnd)
}

// writeEmailArticle writes "email-article": one article's row.
func writeEmailArticle(w htmlw, a *email.Article) {
	w.WriteString("\n<tr>\n<td class=\"em-card\" style=\"padding:12px 28px 8px 28px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;\">\n" +
		"<h3 style=\"margin:0 0 4px 0;font-size:17px;line-height:23px;font-weight:bold;\"><a class=\"em-link\" href=\"")
	w.url(a.URL)
	w.WriteString("\" style=\"color:#0a58a8;text-decoration:none;\">")
	w.esc(a.Title)
	w.WriteString("</a></h3>\n<p class=\"em-muted\" style=\"margin:0 0 6px 0;font-size:13px;line-height:18px;color:#545d68;\">")
	w.esc(a.Date)
	if a.Source != "" {
		w.WriteString(" &middot; ")
		w.esc(a.Source)
	}
	w.WriteString("</p>")
	if a.Summary != "" {
		w.WriteString("\n<p class=\"em-text\" style=\"margin:0 0 6px 0;font-size:15px;line-height:22px;color:#1c2127;\">")
		w.esc(a.Summary)
		w.WriteString("</p>")
	}
	w.WriteString(emailRowEnd)
}

// writeEmailNames writes one line of "Most named this week".
func writeEmailNames(w htmlw, label string, names []email.Name) {
	if len(names) == 0 {
		return
	}
	w.WriteString("\n<p class=\"em-text\" style=\"margin:0 0 8px 0;font-size:14px;line-height:21px;color:#1c2127;\"><strong>")
	w.WriteString(label)
	w.WriteString(":</strong> ")
	for i, n := range names {
		if i > 0 {
			w.WriteString(", ")
		}
		w.WriteString("<a class=\"em-link\" href=\"")
		w.url(n.URL)
		w.WriteString("\" style=\"color:#0a58a8;\">")
		w.esc(n.Name)
		w.WriteString("</a> (")
		w.num(n.Count)
		w.WriteString(")")
	}
	w.WriteString("</p>")
}
