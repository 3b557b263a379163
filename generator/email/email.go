package email

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark"

	"github.com/briefing-digest/briefing/generator"
)

// TemplateName is the HTML email's template, among the site's templates/
// and the built-in ones; a site overrides it by file name like any other.
const TemplateName = "email.html"

// The email edition's files sit in the issue's folder, relative to the
// site root, but are not pages: no sitemap, feed or search index lists them.

// HTMLPath is where an issue's HTML body is written: issues/2021-w45/email.html.
func HTMLPath(is *generator.Issue) string { return is.Path() + "email.html" }

// TextPath is where its plain-text body is written: issues/2021-w45/email.txt.
func TextPath(is *generator.Issue) string { return is.Path() + "email.txt" }

// EMLPath is where the message is written, named for the issue so a
// downloaded copy says which week it is: issues/2021-w45/2021-w45.eml.
func EMLPath(is *generator.Issue) string { return is.Path() + is.Slug + ".eml" }

// Renderer makes the email edition of a site's issues.
type Renderer struct {
	cfg  generator.Config
	tmpl *template.Template
	md   goldmark.Markdown // the site's, for the editor's note
}

// Load parses email.html from templates (the site's templates/ over the
// built-in ones). A syntax error is reported at its file and line. md is
// the Markdown the site's pages are rendered with (render.Markdown), so
// the note in the mail is the note on the page.
func Load(cfg generator.Config, templates fs.FS, md goldmark.Markdown) (*Renderer, error) {
	src, err := fs.ReadFile(templates, TemplateName)
	if err != nil {
		return nil, generator.Errorf("templates/"+TemplateName, 0, 0, "reading template: %w", err)
	}
	t, err := template.New(TemplateName).Funcs(funcs(&cfg)).Parse(string(src))
	if err != nil {
		return nil, positioned(err)
	}
	return &Renderer{cfg: cfg, tmpl: t, md: md}, nil
}

// funcs are the helpers email.html may call, besides what View gives.
func funcs(cfg *generator.Config) template.FuncMap {
	return template.FuncMap{
		"abs": cfg.AbsURL,
		"date": func(t time.Time) string {
			return t.In(cfg.Location).Format("2 January 2006")
		},
		"outlookStart": func() template.HTML { return OutlookStart },
		"outlookEnd":   func() template.HTML { return OutlookEnd },
		"plural":       func(n int, one, many string) string { return count(n, one, many) },
	}
}

// OutlookStart and OutlookEnd are the conditional comments around the
// message's column: Outlook for Windows draws mail with Word, which
// ignores max-width, so a fixed-width table only it sees keeps the
// column 600 pixels wide there. html/template drops comments written in
// a template, so email.html has them from functions.
const (
	OutlookStart template.HTML = `<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->`
	OutlookEnd   template.HTML = `<!--[if mso]></td></tr></table><![endif]-->`
)

// Message is an issue's email edition in its three forms.
type Message struct {
	HTML []byte // the body a mail client shows
	Text []byte // the same for clients and readers without HTML
	EML  []byte // both, as one multipart/alternative message
}

// Render makes the email edition of is. It, View and Message are safe
// to call from many goroutines at once.
func (r *Renderer) Render(is *generator.Issue) (*Message, error) {
	v, err := r.view(is)
	if err != nil {
		return nil, err
	}
	html, err := r.html(v)
	if err != nil {
		return nil, err
	}
	return r.Message(is, v, html, nil)
}

// View is what email.html is given for is, for a caller that writes the
// HTML body from it itself: the site's pages have the built-in template
// written in Go too, and so has its email (render's fastemail.go).
func (r *Renderer) View(is *generator.Issue) (*View, error) { return r.view(is) }

// Message makes is's message from its view and the HTML body made from
// that view: the plain text and the multipart message holding both.
// reuse, when not nil, is a message its caller is done with, whose text
// and multipart bodies the new one is written over: a build makes one
// message per issue, a megabyte or more each on a big site, and made
// anew they raised a 100,000-article build's peak memory by a fifth.
func (r *Renderer) Message(is *generator.Issue, v *View, html []byte, reuse *Message) (*Message, error) {
	var text, eml []byte
	if reuse != nil {
		text, eml = reuse.Text[:0], reuse.EML[:0]
	}
	m := &Message{HTML: html, Text: appendText(text, v)}
	eml, err := compose(eml, &r.cfg, is, v.Subject, m.Text, m.HTML)
	if err != nil {
		return nil, fmt.Errorf("issue %s: %w", is.Slug, err)
	}
	m.EML = eml
	return m, nil
}

// SizeHint is about how many bytes v's HTML and text bodies take, so
// each is grown once rather than by copies: the built-in email gives an
// article about 1.3 KB of HTML and 420 bytes of text, more with a long
// summary. A week of 640 articles (100,000 on a site) grown from a
// fixed guess was copied five times over.
func SizeHint(v *View) (html, text int) {
	n := 0
	if v.Issue != nil {
		n = len(v.Issue.Entries)
	}
	return 8<<10 + 1500*n, 4<<10 + 500*n
}

func (r *Renderer) html(v *View) ([]byte, error) {
	var b bytes.Buffer
	size, _ := SizeHint(v)
	b.Grow(size)
	if err := r.tmpl.Execute(&b, v); err != nil {
		return nil, positioned(err)
	}
	return b.Bytes(), nil
}

// templateMessage matches html/template's error prefixes:
// "template: name:line:col: msg" and "html/template:name:line:col: msg".
var templateMessage = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// positioned turns a template error into one at templates/email.html's
// line and column, so it reads like every other error a build reports.
func positioned(err error) error {
	m := templateMessage.FindStringSubmatch(err.Error())
	if m == nil {
		return &generator.Error{File: "templates/" + TemplateName, Msg: err.Error(), Err: err}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	msg := m[4]
	if strings.HasPrefix(msg, "executing ") {
		if j := strings.Index(msg, " at <"); j > 0 {
			msg = msg[j+1:]
		}
	}
	return &generator.Error{File: path.Join("templates", m[1]), Line: line, Col: col, Msg: msg, Err: err}
}
