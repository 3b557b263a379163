package render

import (
	"bytes"
	"html/template"

	"github.com/briefing-digest/briefing/generator"
)

// note renders the editor's note of an issue's edition file, or nothing
// when it has none. Notes are a few paragraphs, and an issue's shows on
// its page and, for the latest, the home page, so each page renders it.
func (r *Renderer) note(is *generator.Issue) (template.HTML, error) {
	if is == nil || is.Edition == nil || len(bytes.TrimSpace(is.Edition.Note)) == 0 {
		return "", nil
	}
	var b bytes.Buffer
	if err := r.md.Convert(is.Edition.Note, &b); err != nil {
		return "", generator.Errorf(is.Edition.File, is.Edition.NoteLine, 0, "rendering the editor's note: %w", err)
	}
	return template.HTML(b.String()), nil
}
