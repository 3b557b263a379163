package render

import (
	"bytes"

	"github.com/yuin/goldmark"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/email"
)

// emailJobs are an issue's email edition: its HTML body, its text body
// and the message holding both. Each is about the issue, so an
// incremental rebuild makes them again exactly when the issue page
// changes; being outside the site's pages, no sitemap or index lists them.
func (r *Renderer) emailJobs(is *generator.Issue) []job {
	// Each file makes only what it holds; the message needs both bodies.
	part := func(path string, body func() ([]byte, error)) job {
		return job{path: path, issue: is, template: "email", make: func(buf *bytes.Buffer, _ templateSet) error {
			data, err := body()
			if err != nil {
				return err
			}
			buf.Write(data)
			return nil
		}}
	}
	return []job{
		part(email.HTMLPath(is), func() ([]byte, error) { return r.email.HTML(is) }),
		part(email.TextPath(is), func() ([]byte, error) { return r.email.Text(is) }),
		part(email.EMLPath(is), func() ([]byte, error) {
			m, err := r.email.Render(is)
			if err != nil {
				return nil, err
			}
			return m.EML, nil
		}),
	}
}

// Markdown is Markdown as the site's pages read it, for what renders an
// editor's note outside a build (briefing mail): the email's note must be
// the page's, with the same links dropped and the same raw-HTML rule.
func Markdown(cfg *generator.Config) goldmark.Markdown {
	return newMarkdown(cfg.UnsafeHTML, cfg.BasePath())
}
