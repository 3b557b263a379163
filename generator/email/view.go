package email

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/briefing-digest/briefing/generator"
)

// View is what the email.html template is given. The Go code works out
// the absolute links and labels once, for the HTML and the text alike,
// so both say the same and a site's own template stays simple. Issue and
// Config are there too, for templates that want more.
type View struct {
	Config  *generator.Config
	Issue   *generator.Issue
	Subject string
	// Number is the issue's number; Headline its edition's title, or the
	// week's; Week is the week ("Week 45 · 8–14 November 2021") when the
	// headline is the edition's own, shown beside the number, else "".
	Number   int
	Headline string
	Week     string
	// Summary is the line under the title: "5 articles on Iran and Iraq."
	Summary   string
	URL       string // the issue's page
	HomeURL   string
	IssuesURL string
	// Note is the edition's editor's note, rendered for mail, and NoteText
	// the same as wrapped plain text with its links listed after it.
	Note     template.HTML
	NoteText string
	// Lead and Featured are the articles the edition puts first; Groups
	// the others by country and Brief those listed a line each, as the
	// issue page has them. A week without an edition file lists every
	// article under its country, as it always has.
	Lead      *Article
	Featured  []Article
	Groups    []Group
	Brief     []Brief
	People    []Name
	Countries []Name
}

// Brief is one line of the week in brief: an article alone under its
// country (Name and URL are "" for an article naming none).
type Brief struct {
	Name    string
	URL     string
	Article Article
}

// Group is one country's share of the week, as on the issue page.
type Group struct {
	Name     string // "Elsewhere" for articles naming no country
	URL      string // the country's page; "" for Elsewhere
	Articles []Article
}

// Article is an entry as the email lists it.
type Article struct {
	Title   string
	URL     string // its page on the site
	Date    string // "8 November 2021"
	Source  string
	Summary string
}

// Name is one of the week's most named, with its page.
type Name struct {
	Name  string
	URL   string
	Count int
}

// view assembles the view of one issue.
func (r *Renderer) view(is *generator.Issue) (*View, error) {
	cfg := &r.cfg
	v := &View{
		Config:    cfg,
		Issue:     is,
		Subject:   Subject(cfg, is),
		Number:    is.Number,
		Headline:  headline(is),
		Summary:   summary(is),
		URL:       cfg.AbsURL(is.Path()),
		HomeURL:   cfg.AbsURL(""),
		IssuesURL: cfg.AbsURL("issues/"),
	}
	if v.Headline != is.Title {
		v.Week = is.Title
	}
	var err error
	if v.Note, v.NoteText, err = r.note(is, v.URL); err != nil {
		return nil, err
	}
	article := func(e *generator.Entry) Article {
		return Article{
			Title:   e.Title,
			URL:     cfg.AbsURL(e.Path()),
			Date:    e.Date.In(cfg.Location).Format("2 January 2006"),
			Source:  e.Source,
			Summary: e.Summary,
		}
	}
	if is.Lead != nil {
		a := article(is.Lead)
		v.Lead = &a
	}
	for _, e := range is.Featured {
		v.Featured = append(v.Featured, article(e))
	}
	// Rest and Brief are what the page shows once an edition arranges the
	// week; without one the mail keeps every article's card.
	groups, brief := is.Groups, []generator.IssueGroup(nil)
	if is.Edition != nil {
		groups, brief = is.Rest, is.Brief
	}
	for _, g := range groups {
		group := Group{Name: "Elsewhere"}
		if g.Term != nil {
			group.Name, group.URL = g.Term.Name, cfg.AbsURL(g.Term.Path())
		}
		for _, e := range g.Entries {
			group.Articles = append(group.Articles, article(e))
		}
		v.Groups = append(v.Groups, group)
	}
	for _, g := range brief {
		for _, e := range g.Entries {
			b := Brief{Article: article(e)}
			if g.Term != nil {
				b.Name, b.URL = g.Term.Name, cfg.AbsURL(g.Term.Path())
			}
			v.Brief = append(v.Brief, b)
		}
	}
	names := func(list []generator.TermCount) []Name {
		var out []Name
		for _, tc := range list {
			out = append(out, Name{Name: tc.Term.Name, URL: cfg.AbsURL(tc.Term.Path()), Count: tc.Count})
		}
		return out
	}
	v.People, v.Countries = names(is.TopPeople), names(is.TopCountries)
	return v, nil
}

// headline is the edition's title, or the week's: an issue assembled
// without editions has no Headline of its own.
func headline(is *generator.Issue) string {
	if is.Headline != "" {
		return is.Headline
	}
	return is.Title
}

// Subject is the message's subject: the issue's headline (its edition's
// title, or the week's), then the site's title.
func Subject(cfg *generator.Config, is *generator.Issue) string {
	if cfg.Title == "" {
		return headline(is)
	}
	return headline(is) + " · " + cfg.Title
}

// summary says what the week holds, naming the countries its groups are
// about, as the issue page's lede does: "5 articles on Iran, Iraq and 2
// other countries."
func summary(is *generator.Issue) string {
	var names []string
	for _, g := range is.Groups {
		if g.Term != nil {
			names = append(names, g.Term.Name)
		}
	}
	s := count(len(is.Entries), "article", "articles")
	switch {
	case len(names) == 0:
	case len(names) <= 4:
		s += " on " + andList(names)
	default:
		s += " on " + strings.Join(names[:4], ", ") + " and " + count(len(names)-4, "other country", "other countries")
	}
	return s + "."
}

func andList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
