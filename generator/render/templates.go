package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
	"time"

	"github.com/briefing-digest/briefing/generator"
	builtin "github.com/briefing-digest/briefing/templates"
)

// kinds are the page templates; each is parsed with base.html and every
// partial, so a site can override any one of them by name.
var kinds = []string{"home", "article", "term", "taxonomy", "issue", "issues", "search", "404"}

// Kinds are the page templates, each named kind+".html".
func Kinds() []string { return slices.Clone(kinds) }

// templateSet holds one parsed template per page kind.
type templateSet map[string]*template.Template

// parseTemplates reads base.html, partials/*.html and one file per page
// kind from fsys (the site's templates/ over the built-in ones). Every
// syntax error in every file is reported, each at its file:line.
//
// own names the page kinds made with a file of the site's own that is
// not bounded: what such a page reads of the site is not known, so it
// depends on all of it (see inputs). A shared file (base.html, a
// partial) of that sort makes every kind its own. overrides is set when
// a page template redefines a shared definition, so its cards may differ
// from the other kinds'.
func parseTemplates(fsys fs.FS, funcs template.FuncMap) (set templateSet, own map[string]bool, overrides bool, err error) {
	var errs generator.ErrorList
	common := template.New("").Funcs(funcs)
	shared := []string{"base.html"}
	partials, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, nil, false, fmt.Errorf("listing partials: %w", err)
	}
	shared = append(shared, partials...)
	var ownFiles []string
	for _, name := range shared {
		src, err := parseFile(common, fsys, name)
		if err != nil {
			errs.Add(err)
		}
		if !builtIn(name, src) {
			ownFiles = append(ownFiles, name)
		}
	}
	ownShared := false
	for _, name := range ownFiles {
		// Checked once all are parsed: a definition a later file
		// replaced is never executed.
		ownShared = ownShared || !bounded(treesOf(common, name))
	}
	set, own = templateSet{}, map[string]bool{}
	for _, kind := range kinds {
		t, err := common.Clone()
		if err != nil {
			return nil, nil, false, fmt.Errorf("cloning templates: %w", err)
		}
		file := kind + ".html"
		src, err := parseFile(t, fsys, file)
		if err != nil {
			errs.Add(err)
			continue
		}
		set[kind] = t
		trees := treesOf(t, file)
		if ownShared || !builtIn(file, src) && !bounded(trees) {
			own[kind] = true
		}
		for _, tree := range trees {
			// "main" is base.html's block that every page fills in.
			if tree.Name != file && tree.Name != "main" && common.Lookup(tree.Name) != nil {
				overrides = true
			}
		}
	}
	return set, own, overrides, errs.Err()
}

// treesOf returns the definitions in t parsed from file.
func treesOf(t *template.Template, file string) []*parse.Tree {
	var trees []*parse.Tree
	for _, d := range t.Templates() {
		if d.Tree != nil && d.Tree.ParseName == file {
			trees = append(trees, d.Tree)
		}
	}
	return trees
}

// builtIn says whether src is the built-in template file name, byte for
// byte: the pages of those are declared in Go (see Plan.Sigs), a site's
// own are not.
func builtIn(name string, src []byte) bool {
	b, err := fs.ReadFile(builtin.FS, name)
	return err == nil && src != nil && bytes.Equal(b, src)
}

// sharedDefinition says whether every page template has the same
// definition of name: one from a shared file rather than its own.
func sharedDefinition(set templateSet, name string) bool {
	from := ""
	for kind, t := range set {
		d := t.Lookup(name)
		if d == nil || d.Tree == nil || d.Tree.ParseName == kind+".html" {
			return false
		}
		if from != "" && d.Tree.ParseName != from {
			return false
		}
		from = d.Tree.ParseName
	}
	return true
}

// parseFile parses file name of fsys into t and returns its text.
func parseFile(t *template.Template, fsys fs.FS, name string) ([]byte, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, generator.Errorf(path.Join("templates", name), 0, 0, "reading template: %w", err)
	}
	if _, err := t.New(name).Parse(string(src)); err != nil {
		return src, templateError(err)
	}
	return src, nil
}

// templateMessage matches text/template's and html/template's error
// prefixes: "template: name:line:col: msg" and "html/template:name:line:col: msg".
var templateMessage = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// templateError turns a template error into one positioned at the
// template file under templates/, so it reads like every other error.
func templateError(err error) *generator.Error {
	m := templateMessage.FindStringSubmatch(err.Error())
	if m == nil {
		return &generator.Error{File: "templates", Msg: err.Error(), Err: err}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	msg := m[4]
	// Execution errors repeat the template's name; "at <.Field>: why" is the useful part.
	if strings.HasPrefix(msg, "executing ") {
		if j := strings.Index(msg, " at <"); j > 0 {
			msg = msg[j+1:]
		}
	}
	return &generator.Error{File: path.Join("templates", m[1]), Line: line, Col: col, Msg: msg, Err: err}
}

// workerSets clones the parsed templates once per render worker and binds
// each clone's card and partialCached to it. Every call of a template
// function reads-locks its template's function map; with all workers on
// one template that lock's counter bounced between cores and cost a
// twentieth of rendering.
func (r *Renderer) workerSets(parsed templateSet, n int) ([]templateSet, error) {
	sets := make([]templateSet, n)
	for i := range sets {
		set := templateSet{}
		for kind, t := range parsed {
			c, err := t.Clone()
			if err != nil {
				return nil, fmt.Errorf("cloning templates: %w", err)
			}
			set[kind] = c
		}
		for kind, t := range set {
			t.Funcs(r.bound(set, kind))
		}
		sets[i] = set
	}
	return sets, nil
}

// bound are the template functions that execute other templates: they
// run the definitions the calling page's template has, in its own set.
func (r *Renderer) bound(set templateSet, kind string) template.FuncMap {
	return template.FuncMap{
		"card": func(p *Page, e *generator.Entry, except *generator.Term) (template.HTML, error) {
			return r.card(set[kind], kind, p, e, except)
		},
		"cards": func(p *Page, entries []*generator.Entry, except *generator.Term) (template.HTML, error) {
			return r.cardList(set[kind], kind, p, entries, except)
		},
		"partialCached": func(name string, data any, variants ...any) (template.HTML, error) {
			return r.partials.execute(set[kind], kind, name, data, variants)
		},
		// chips is {{ range . }}{{ partialCached "chip" . . }}{{ end }} in
		// one call: an article page shows a dozen names, and each template
		// call costs more than the chip it returns.
		"chips": func(terms []*generator.Term) (template.HTML, error) {
			var b strings.Builder
			for _, t := range terms {
				html, err := r.partials.execute(set[kind], kind, "chip", t, []any{t})
				if err != nil {
					return "", err
				}
				b.WriteString(string(html))
			}
			return template.HTML(b.String()), nil
		},
	}
}

// funcs are the helpers templates may call.
func (r *Renderer) funcs() template.FuncMap {
	cfg := &r.cfg
	fm := template.FuncMap{
		"rel":     cfg.RelURL,
		"abs":     cfg.AbsURL,
		"date":    r.date,
		"isodate": r.isodate,
		"datetime": func(t time.Time) string {
			return t.Format(time.RFC3339)
		},
		"byweek": byWeek,
		"note":   r.note,
		"plural": plural,
		"limit":  func(n int, list any) any { return limit(n, list) },
		"add":    func(a, b int) int { return a + b },
		"dict":   dict,
		"host":   host,
	}
	// Parsing needs the names; workerSets binds the real ones.
	maps.Copy(fm, r.bound(nil, ""))
	return fm
}

// date is the template function of that name: a day as readers write it.
func (r *Renderer) date(t time.Time) string { return t.In(r.cfg.Location).Format("2 January 2006") }

// isodate is the template function of that name: a day as machines read it.
func (r *Renderer) isodate(t time.Time) string { return t.In(r.cfg.Location).Format("2006-01-02") }

// limit returns at most the first n items of a slice templates hold.
func limit(n int, list any) any {
	switch l := list.(type) {
	case []*generator.Entry:
		return l[:min(n, len(l))]
	case []*generator.Term:
		return l[:min(n, len(l))]
	case []generator.TermCount:
		return l[:min(n, len(l))]
	case []*generator.Issue:
		return l[:min(n, len(l))]
	case []generator.Mover:
		return l[:min(n, len(l))]
	}
	return list
}

// dict builds a map from key, value pairs, so a partial can be given
// more than one value.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict wants key, value pairs; got %d arguments", len(pairs))
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		k, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not text", pairs[i])
		}
		m[k] = pairs[i+1]
	}
	return m, nil
}
