package content

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/yamldoc"
)

// IssuesDir is the folder under content/ that holds the editions, one
// file a week named by the week's slug: content/issues/2021-w45.md.
const IssuesDir = "issues"

// issuesPrefix is IssuesDir as a site-relative path, with its slash.
const issuesPrefix = Dir + "/" + IssuesDir + "/"

// IsEdition says whether rel (slash-separated, relative to the site root)
// lies in content/issues/, whose files are editions, not articles.
func IsEdition(rel string) bool {
	return strings.HasPrefix(rel, issuesPrefix) || rel == Dir+"/"+IssuesDir
}

// weekName is the form of a week's slug, as site.Week.Slug writes it.
var weekName = regexp.MustCompile(`^([0-9]{4})-w([0-9]{2})$`)

// LoadEditions reads every file in siteDir/content/issues. A site
// without the folder has no editions, which is no error.
func LoadEditions(siteDir string) ([]*generator.Edition, error) {
	dir := filepath.Join(siteDir, Dir, IssuesDir)
	items, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var errs generator.ErrorList
	if err != nil {
		errs.Add(generator.Errorf(Dir+"/"+IssuesDir, 0, 0, "reading: %w", err))
		return nil, errs.Err()
	}
	var out []*generator.Edition
	for _, it := range items {
		name := it.Name()
		if Ignored(name) {
			continue
		}
		rel := issuesPrefix + name
		if it.IsDir() || !IsMarkdown(name) {
			errs.Add(generator.Errorf(rel, 0, 0, "content/issues/ holds one Markdown file a week, named like 2021-w45.md; move this elsewhere"))
			continue
		}
		data, err := readArticle(siteDir, rel)
		if err != nil {
			errs.Add(err)
			continue
		}
		ed, err := ParseEdition(rel, data)
		errs.Add(err)
		// An edition with a mistake is still checked against its week,
		// so one build reports a bad key and a wrong slug together.
		if ed != nil && isWeekName(ed.Week) {
			out = append(out, ed)
		}
	}
	slices.SortFunc(out, func(a, b *generator.Edition) int { return strings.Compare(a.Week, b.Week) })
	return out, errs.Err()
}

// ParseEdition reads one edition file; file is how errors name it and
// gives the week. Front matter is optional: a file without it is all
// note. Every problem is reported, as a generator.ErrorList; the keys
// that were right are returned with it, unless the file could not be
// read as front matter and note at all.
func ParseEdition(file string, data []byte) (*generator.Edition, error) {
	var errs generator.ErrorList
	ed := &generator.Edition{File: file, NoteLine: 1}
	ed.Week = strings.TrimSuffix(path.Base(file), path.Ext(file))
	if !isWeekName(ed.Week) {
		// Placed at the file's top, so an editor's jump lands in it.
		errs.Add(generator.Errorf(file, 1, 1, "the file name %q is not a week: name an issue file by its week, like 2021-w45.md (year, w, two-digit week number)", path.Base(file)))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return ed, errs.Err() // all defaults, as a file being written often is
	}
	if err := checkText(file, data); err != nil {
		errs.Add(err)
		return nil, errs.Err()
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !opensFrontMatter(data) {
		ed.Note = data
		errs.Add(checkNesting(file, data, 1))
		return ed, errs.Err()
	}
	b, err := split(file, data)
	if err != nil {
		errs.Add(err)
		return nil, errs.Err()
	}
	ed.Note, ed.NoteLine = b.body, b.bodyLine
	errs.Add(checkNesting(file, b.body, b.bodyLine))
	pairs, perrs := b.doc.Pairs()
	errs = append(errs, perrs...)
	for _, p := range pairs {
		set, ok := editionFields[p.Key]
		if !ok {
			errs.Add(b.doc.Errorf(p.KeyAt, "issue file: unknown key %q (an issue file takes title, lead, featured and published)", p.Key))
			continue
		}
		errs.Add(set(ed, b.doc, p))
	}
	return ed, errs.Err()
}

// isWeekName says whether s is a week's slug with a week number a year
// can have; whether the site has that week is the site's to say.
func isWeekName(s string) bool {
	m := weekName.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	n, _ := strconv.Atoi(m[2])
	return n >= 1 && n <= 53
}

var editionFields = map[string]func(*generator.Edition, *yamldoc.Doc, yamldoc.Pair) error{
	"title": func(ed *generator.Edition, d *yamldoc.Doc, p yamldoc.Pair) error {
		s, err := d.String("issue file: title", p.Value)
		ed.Title = strings.TrimSpace(s)
		return err
	},
	"lead": func(ed *generator.Edition, d *yamldoc.Doc, p yamldoc.Pair) error {
		s, err := d.String("issue file: lead", p.Value)
		if err != nil {
			return err
		}
		if s = strings.TrimSpace(s); s != "" {
			ed.Lead = ref(d, p.Value, s)
		}
		return nil
	},
	"featured": func(ed *generator.Edition, d *yamldoc.Doc, p yamldoc.Pair) error {
		list, err := d.Strings("issue file: featured", p.Value)
		if err != nil {
			return err
		}
		for i, s := range list {
			at := p.Value
			if p.Value.Kind == yaml.SequenceNode {
				at = p.Value.Content[i]
			}
			if s = strings.TrimSpace(s); s != "" {
				ed.Featured = append(ed.Featured, ref(d, at, s))
			}
		}
		return nil
	},
	"published": func(ed *generator.Edition, d *yamldoc.Doc, p yamldoc.Pair) error {
		v, err := d.Bool("issue file: published", p.Value)
		if err == nil {
			ed.Published = &v
		}
		return err
	},
}

// ref is an article slug named at n, with n's place in the file.
func ref(d *yamldoc.Doc, n *yaml.Node, slug string) generator.EditionRef {
	return generator.EditionRef{Slug: slug, Line: d.LineOffset + n.Line, Col: n.Column}
}
