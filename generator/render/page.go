package render

import (
	"bytes"
	"html/template"
	"time"
	"unicode"

	"github.com/briefing-digest/briefing/generator"
)

// Page is what every template is given: the site, which page this is,
// and the one thing the page is about.
type Page struct {
	Site        *generator.Site
	Kind        string // home, article, term, taxonomy, issue, issues, search, 404
	Title       string // the page's own title, without the site's
	Description string
	Path        string // the page's URL relative to the site root: "" for home, "articles/x/"
	Feed        string // the page's RSS feed, relative to the site root, if it has one
	Date        time.Time

	Entry    *generator.Entry
	Term     *generator.Term
	Taxonomy *generator.Taxonomy
	Issue    *generator.Issue
	// Paginator is the page's share of a term's articles, on term pages.
	Paginator *Paginator
	Body      template.HTML // an article's rendered Markdown

	source []byte // an article's Markdown, while its page renders
}

// Latest is the issue the home page shows: the newest published one (in
// a preview, the newest), or nil when there is none.
func (p *Page) Latest() *generator.Issue { return p.Site.Latest() }

// Fact is one taxonomy's names in an article.
type Fact struct {
	Taxonomy *generator.Taxonomy
	Terms    []*generator.Term
}

// Facts are the names an article page lists beside its text: every
// taxonomy's but the sections its kicker shows, in the site's order.
// Working them out here rather than in the template saves a few dozen
// template calls on every article page.
func (p *Page) Facts() []Fact {
	e := p.Entry
	if e == nil {
		return nil
	}
	var facts []Fact
	for i, terms := range e.Terms {
		if tax := p.Site.Taxonomies[i]; len(terms) > 0 && tax.Name != "sections" {
			facts = append(facts, Fact{Taxonomy: tax, Terms: terms})
		}
	}
	return facts
}

// ShowSummary says whether an article page should show its summary above
// the body: not when the body opens with the same words, as an imported
// article's does, so the reader does not read them twice.
func (p *Page) ShowSummary() bool {
	e := p.Entry
	if e == nil || e.Summary == "" {
		return false
	}
	source := p.source
	if source == nil {
		source = e.Body
	}
	return !startsWithWords(source, e.Summary)
}

// startsWithWords says whether text begins with the words of prefix,
// ignoring how they are spaced and Markdown's emphasis and quote marks,
// so line breaks and doubled spaces do not hide that two texts are the
// same. As with a prefix of text, prefix's last word may be cut short.
// It reads text only as far as prefix goes: bodies are long, and are
// not copied into a string for it.
func startsWithWords(text []byte, prefix string) bool {
	p := []byte(prefix)
	i, j := 0, 0
	for {
		w, nj := nextWord(p, j)
		if len(w) == 0 {
			return true
		}
		t, ni := nextWord(text, i)
		if more, _ := nextWord(p, nj); len(more) == 0 {
			return bytes.HasPrefix(t, w)
		}
		if !bytes.Equal(t, w) {
			return false
		}
		i, j = ni, nj
	}
}

// nextWord returns the word of s starting at or after i, and where it ends.
func nextWord(s []byte, i int) ([]byte, int) {
	start := bytes.IndexFunc(s[i:], func(r rune) bool { return !isBreak(r) })
	if start < 0 {
		return nil, len(s)
	}
	start += i
	end := bytes.IndexFunc(s[start:], isBreak)
	if end < 0 {
		return s[start:], len(s)
	}
	return s[start : start+end], start + end
}

func isBreak(r rune) bool {
	return unicode.IsSpace(r) || r == '*' || r == '_' || r == '>' || r == '\\'
}

// WeekGroup is a run of a term's entries that fall in one issue.
type WeekGroup struct {
	Issue   *generator.Issue
	Entries []*generator.Entry
}

// byWeek splits entries (newest first) into their weeks.
func byWeek(entries []*generator.Entry) []WeekGroup {
	var groups []WeekGroup
	for _, e := range entries {
		if n := len(groups); n > 0 && groups[n-1].Issue == e.Issue {
			groups[n-1].Entries = append(groups[n-1].Entries, e)
			continue
		}
		groups = append(groups, WeekGroup{Issue: e.Issue, Entries: []*generator.Entry{e}})
	}
	return groups
}
