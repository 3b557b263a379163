package email

import (
	"fmt"
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
	// Summary is the line under the title: "5 articles on Iran and Iraq."
	Summary   string
	URL       string // the issue's page
	HomeURL   string
	IssuesURL string
	Groups    []Group
	People    []Name
	Countries []Name
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

// newView assembles the view of one issue.
func newView(cfg *generator.Config, is *generator.Issue) *View {
	v := &View{
		Config:    cfg,
		Issue:     is,
		Subject:   Subject(cfg, is),
		Summary:   summary(is),
		URL:       cfg.AbsURL(is.Path()),
		HomeURL:   cfg.AbsURL(""),
		IssuesURL: cfg.AbsURL("issues/"),
	}
	for _, g := range is.Groups {
		group := Group{Name: "Elsewhere"}
		if g.Term != nil {
			group.Name, group.URL = g.Term.Name, cfg.AbsURL(g.Term.Path())
		}
		for _, e := range g.Entries {
			group.Articles = append(group.Articles, Article{
				Title:   e.Title,
				URL:     cfg.AbsURL(e.Path()),
				Date:    e.Date.In(cfg.Location).Format("2 January 2006"),
				Source:  e.Source,
				Summary: e.Summary,
			})
		}
		v.Groups = append(v.Groups, group)
	}
	names := func(list []generator.TermCount) []Name {
		var out []Name
		for _, tc := range list {
			out = append(out, Name{Name: tc.Term.Name, URL: cfg.AbsURL(tc.Term.Path()), Count: tc.Count})
		}
		return out
	}
	v.People, v.Countries = names(is.TopPeople), names(is.TopCountries)
	return v
}

// Subject is the message's subject: the issue's title, then the site's.
func Subject(cfg *generator.Config, is *generator.Issue) string {
	if cfg.Title == "" {
		return is.Title
	}
	return is.Title + " · " + cfg.Title
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
