package render

import (
	"bytes"
	"sync"

	"github.com/yuin/goldmark"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/email"
)

// emailJobs are an issue's email edition: its HTML body, its text body
// and the message holding both. Each is about the issue, so an
// incremental rebuild makes them again exactly when the issue page
// changes; being outside the site's pages, no sitemap or index lists them.
// The three share one rendering of the message (mail), made by the first
// of them to run: the HTML body alone is most of an issue's cost, and
// the message holds it too.
func (r *Renderer) emailJobs(is *generator.Issue, mail *messages) []job {
	jobs := make([]job, len(messageParts))
	for i, part := range messageParts {
		jobs[i] = job{path: part.path(is), issue: is, template: "email", make: func(buf *bytes.Buffer, _ templateSet) error {
			m, err := mail.of(r, is)
			if err != nil {
				return err
			}
			buf.Write(part.body(m))
			mail.took(is)
			return nil
		}}
	}
	return jobs
}

// messageParts are the files made of each message: its HTML body, its
// text body and the message holding both.
var messageParts = [...]struct {
	path func(*generator.Issue) string
	body func(*email.Message) []byte
}{
	{email.HTMLPath, func(m *email.Message) []byte { return m.HTML }},
	{email.TextPath, func(m *email.Message) []byte { return m.Text }},
	{email.EMLPath, func(m *email.Message) []byte { return m.EML }},
}

// messages are the email editions of one render, each made once.
type messages struct {
	mu sync.Mutex
	by map[*generator.Issue]*message
	// spare are messages whose files all have their part, for the next
	// ones to be written into: a few are in use at once, and each made
	// anew was a megabyte or more on a big site, hundreds of times over.
	spare []*email.Message
}

// maxSpare is how many done messages are kept for reuse: more than the
// workers, which are never making more messages than that at once.
const maxSpare = 16

type message struct {
	once  sync.Once
	m     *email.Message
	err   error
	taken int // how many of the issue's files have their part
}

// of returns is's message, rendering it if no file of this render has.
func (ms *messages) of(r *Renderer, is *generator.Issue) (*email.Message, error) {
	ms.mu.Lock()
	if ms.by == nil {
		ms.by = map[*generator.Issue]*message{}
	}
	m := ms.by[is]
	if m == nil {
		m = &message{}
		ms.by[is] = m
	}
	ms.mu.Unlock()
	m.once.Do(func() { m.m, m.err = r.emailMessage(is, ms.takeSpare()) })
	return m.m, m.err
}

// takeSpare returns a message no file needs any more, or nil.
func (ms *messages) takeSpare() *email.Message {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	n := len(ms.spare)
	if n == 0 {
		return nil
	}
	m := ms.spare[n-1]
	ms.spare[n-1] = nil
	ms.spare = ms.spare[:n-1]
	return m
}

// took says one of is's files has its part. Once all have, the message
// is let go, and its room kept for the next: a build makes hundreds, and
// they would otherwise stay until the render ends.
func (ms *messages) took(is *generator.Issue) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if m := ms.by[is]; m != nil {
		if m.taken++; m.taken == len(messageParts) {
			delete(ms.by, is)
			if m.m != nil && len(ms.spare) < maxSpare {
				ms.spare = append(ms.spare, m.m)
			}
		}
	}
}

// reset forgets every message, so the next render makes them again from
// the issues as they then are: serve renders one plan again after an edit.
func (ms *messages) reset() {
	if ms == nil {
		return
	}
	ms.mu.Lock()
	ms.by = nil
	ms.mu.Unlock()
}

// Markdown is Markdown as the site's pages read it, for what renders an
// editor's note outside a build (briefing mail): the email's note must be
// the page's, with the same links dropped and the same raw-HTML rule.
func Markdown(cfg *generator.Config) goldmark.Markdown {
	return newMarkdown(cfg.UnsafeHTML, cfg.BasePath())
}
