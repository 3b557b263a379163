package render

import (
	"bytes"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/email"
)

// emailJobs are an issue's email edition: its HTML body, its text body
// and the message holding both. Each is about the issue, so an
// incremental rebuild makes them again exactly when the issue page
// changes; being outside the site's pages, no sitemap or index lists them.
func (r *Renderer) emailJobs(is *generator.Issue) []job {
	part := func(path string, pick func(*email.Message) []byte) job {
		return job{path: path, issue: is, template: "email", make: func(buf *bytes.Buffer, _ templateSet) error {
			m, err := r.email.Render(is)
			if err != nil {
				return err
			}
			buf.Write(pick(m))
			return nil
		}}
	}
	return []job{
		part(email.HTMLPath(is), func(m *email.Message) []byte { return m.HTML }),
		part(email.TextPath(is), func(m *email.Message) []byte { return m.Text }),
		part(email.EMLPath(is), func(m *email.Message) []byte { return m.EML }),
	}
}
