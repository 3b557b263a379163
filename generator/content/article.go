package content

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/yamldoc"
)

// Parse reads one article file. path is how errors name it. Dates without
// a zone are taken in loc. Every problem in the file is reported, as a
// generator.ErrorList.
func Parse(path string, data []byte, loc *time.Location) (*generator.Article, error) {
	a, _, err := parse(path, data, loc, true)
	return a, err
}

// ParsePartial reads an article that may still lack fields, as the
// importer does with Markdown it is given: missing title or date are not
// errors, and the set of keys present tells the caller what to fill.
func ParsePartial(path string, data []byte, loc *time.Location) (*generator.Article, map[string]bool, error) {
	return parse(path, data, loc, false)
}

func parse(file string, data []byte, loc *time.Location, strict bool) (*generator.Article, map[string]bool, error) {
	if err := checkText(file, data); err != nil {
		return nil, nil, generator.ErrorList{err}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	b, err := split(file, data)
	if err != nil {
		var list generator.ErrorList
		list.Add(err)
		return nil, nil, list
	}
	a := &generator.Article{File: file, Body: b.body, BodyLine: b.bodyLine}
	pairs, errs := b.doc.Pairs()
	errs.Add(checkNesting(file, b.body, b.bodyLine))
	present, bad := map[string]bool{}, map[string]bool{}
	for _, p := range pairs {
		present[p.Key] = true
		set, ok := fields[p.Key]
		if !ok {
			// Other keys are kept out of the way, as Hugo's params are;
			// ones Hugo knows are expected in content moved from Hugo.
			if !hugoKeys[p.Key] {
				a.Unknown = append(a.Unknown, b.doc.Errorf(p.KeyAt, "front matter: unknown key %q is ignored", p.Key))
			}
			continue
		}
		if p.Key == "slug" {
			a.SlugLine, a.SlugCol = b.doc.LineOffset+p.Value.Line, p.Value.Column
		}
		if err := set(&a.Metadata, b.doc, p, loc); err != nil {
			bad[p.Key] = true
			errs.Add(err)
		}
	}
	// A bad title or date was reported as such; it is not also "missing".
	if strict {
		at := &yaml.Node{Line: 0, Column: 1}
		if strings.TrimSpace(a.Title) == "" && !bad["title"] {
			errs.Add(b.doc.Errorf(at, "front matter: title is missing"))
		}
		if a.Date.IsZero() && !bad["date"] {
			errs.Add(b.doc.Errorf(at, "front matter: date is missing (want date: YYYY-MM-DD)"))
		}
	}
	a.Slug = a.Metadata.Slug
	if a.Slug == "" {
		a.Slug = generator.Slugify(strings.TrimSuffix(path.Base(file), path.Ext(file)))
		if a.Slug == "" {
			errs.Add(generator.Errorf(file, 0, 0, "the file name gives no slug; rename the file or set slug: in front matter"))
		}
	}
	return a, present, errs.Err()
}

// hugoKeys are front matter keys of Hugo's that briefing ignores without
// remark, so content moved from Hugo checks clean.
var hugoKeys = map[string]bool{"tags": true, "categories": true, "description": true, "author": true, "authors": true,
	"lastmod": true, "publishdate": true, "expirydate": true, "weight": true, "aliases": true, "images": true,
	"keywords": true, "params": true, "type": true, "layout": true, "series": true, "linktitle": true, "toc": true}

// checkText rejects what is not UTF-8 text, naming where it stops being
// text, before anything tries to parse it.
func checkText(file string, data []byte) *generator.Error {
	if len(bytes.TrimSpace(data)) == 0 {
		return generator.Errorf(file, 0, 0, "%w (an article needs front matter with title and date)", generator.ErrEmptyFile)
	}
	// Nearly every file is clean text, which these two scans, each a
	// fast pass over the bytes, prove at a tenth of the cost of the
	// rune-by-rune walk below; that walk finds where a bad file goes wrong.
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return generator.Errorf(file, line, col, "not UTF-8 text (byte 0x%02X); save the file as UTF-8", data[i])
		case r == 0:
			return generator.Errorf(file, line, col, "binary data (a NUL byte): not a Markdown article")
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return nil
}

// Markdown nested deeper than these limits is refused: goldmark's time
// grows with the cube of the depth (a thousand nested list items take
// seconds), and no article nests a hundred levels. The limits are in
// columns of indentation and in quote markers at the start of a line.
const (
	maxIndent = 256
	maxQuotes = 64
)

// checkNesting names the first line of body nested beyond the limits.
func checkNesting(file string, body []byte, bodyLine int) *generator.Error {
	// Lines are walked in place: splitting the body into a slice of
	// them was a slice for every article of the site.
	for n := 0; len(body) > 0; n++ {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		indent, quotes := 0, 0
	prefix:
		for _, c := range line {
			switch c {
			case ' ':
				indent++
			case '\t':
				indent += 4 - indent%4
			case '>':
				quotes++
			default:
				break prefix
			}
		}
		if indent > maxIndent {
			return generator.Errorf(file, bodyLine+n, 1, "Markdown indented %d columns deep (at most %d): flatten the nested lists", indent, maxIndent)
		}
		if quotes > maxQuotes {
			return generator.Errorf(file, bodyLine+n, 1, "Markdown quotes nested %d deep (at most %d): flatten the quotes", quotes, maxQuotes)
		}
	}
	return nil
}

type setter func(*generator.Metadata, *yamldoc.Doc, yamldoc.Pair, *time.Location) error

// fields maps each front matter key briefing understands to its setter.
var fields = map[string]setter{
	"title":       text(func(m *generator.Metadata, s string) { m.Title = strings.TrimSpace(s) }),
	"source":      text(func(m *generator.Metadata, s string) { m.Source = strings.TrimSpace(s) }),
	"summary":     text(func(m *generator.Metadata, s string) { m.Summary = strings.TrimSpace(s) }),
	"license":     text(func(m *generator.Metadata, s string) { m.License = strings.TrimSpace(s) }),
	"fingerprint": text(func(m *generator.Metadata, s string) { m.Fingerprint = strings.TrimSpace(s) }),
	"event": func(m *generator.Metadata, d *yamldoc.Doc, p yamldoc.Pair, _ *time.Location) error {
		s, err := d.String("front matter: event", p.Value)
		if err != nil {
			return err
		}
		s = strings.TrimSpace(s)
		if s != "" && generator.Slugify(s) == "" {
			return d.Errorf(p.Value, "front matter: event %q has no letters or digits to make a page name from", s)
		}
		m.Event = s
		return nil
	},
	"url": func(m *generator.Metadata, d *yamldoc.Doc, p yamldoc.Pair, _ *time.Location) error {
		s, err := d.String("front matter: url", p.Value)
		if err != nil || s == "" {
			return err
		}
		u, perr := url.Parse(strings.TrimSpace(s))
		if perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return d.Errorf(p.Value, "front matter: url %q is not the original article's address (want https://…)", s)
		}
		m.URL = u.String()
		return nil
	},
	"slug": func(m *generator.Metadata, d *yamldoc.Doc, p yamldoc.Pair, _ *time.Location) error {
		s, err := d.String("front matter: slug", p.Value)
		if err != nil {
			return err
		}
		if strings.Contains(s, "/") || strings.Contains(s, `\`) || strings.Contains(s, "..") {
			return d.Errorf(p.Value, "front matter: slug %q would put the page outside articles/ (use letters, digits and hyphens)", s)
		}
		m.Slug = generator.Slugify(s)
		if m.Slug == "" {
			return d.Errorf(p.Value, "front matter: slug %q has no letters or digits", s)
		}
		return nil
	},
	"draft": func(m *generator.Metadata, d *yamldoc.Doc, p yamldoc.Pair, _ *time.Location) error {
		v, err := d.Bool("front matter: draft", p.Value)
		m.Draft = v
		return err
	},
	"date":          date,
	"sections":      names(func(m *generator.Metadata) *[]string { return &m.Sections }),
	"people":        names(func(m *generator.Metadata) *[]string { return &m.People }),
	"countries":     names(func(m *generator.Metadata) *[]string { return &m.Countries }),
	"organizations": names(func(m *generator.Metadata) *[]string { return &m.Organizations }),
	"places":        names(func(m *generator.Metadata) *[]string { return &m.Places }),
	"topics":        names(func(m *generator.Metadata) *[]string { return &m.Topics }),
}

func text(set func(*generator.Metadata, string)) setter {
	return func(m *generator.Metadata, d *yamldoc.Doc, p yamldoc.Pair, _ *time.Location) error {
		s, err := d.String("front matter: "+p.Key, p.Value)
		if err == nil {
			set(m, s)
		}
		return err
	}
}

// names reads a list of terms. Each must give a slug, since a term is a
// page; repeats in one article collapse to the first spelling.
func names(field func(*generator.Metadata) *[]string) setter {
	return func(m *generator.Metadata, d *yamldoc.Doc, p yamldoc.Pair, _ *time.Location) error {
		list, err := d.Strings("front matter: "+p.Key, p.Value)
		if err != nil {
			return err
		}
		var out []string
		// The slugs so far, looked through rather than put in a map: a
		// list holds a few names, and a map an article was garbage.
		var seenAt [16]string
		seen := seenAt[:0]
		for i, written := range list {
			sp := spell(written)
			if sp.slug == "" {
				at := p.Value
				if p.Value.Kind == yaml.SequenceNode {
					at = p.Value.Content[i]
				}
				return d.Errorf(at, "front matter: %s: %q has no letters or digits to make a page name from", p.Key, sp.name)
			}
			if !slices.Contains(seen, sp.slug) {
				seen = append(seen, sp.slug)
				out = append(out, sp.name)
			}
		}
		*field(m) = out
		return nil
	}
}

// dateLayouts are the forms a date may take: a day, or RFC 3339 with or
// without a zone, as Hugo accepts.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05Z07:00",
}

func date(m *generator.Metadata, d *yamldoc.Doc, p yamldoc.Pair, loc *time.Location) error {
	if p.Value.Kind != yaml.ScalarNode || p.Value.Tag == "!!null" {
		return d.Errorf(p.Value, "front matter: date must be a date like 2021-11-10, not %s", describeDate(p.Value))
	}
	s := strings.TrimSpace(p.Value.Value)
	if loc == nil {
		loc = time.UTC
	}
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			m.Date = t
			return nil
		}
	}
	return d.Errorf(p.Value, "front matter: date %q is not a date (want YYYY-MM-DD or RFC 3339)", s)
}

func describeDate(n *yaml.Node) string {
	if n.Kind == yaml.SequenceNode {
		return "a list"
	}
	if n.Kind == yaml.MappingNode {
		return "a set of keys"
	}
	return "empty"
}
