package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/briefing-digest/briefing/generator"
)

// applyEditions numbers the issues, decides which are published, and
// gives each the picks of its edition file: lead, featured, the rest by
// country and the week in brief. Issues must be newest first.
//
// The week holding the newest article (Site.Updated) is the current one:
// it is published only when its edition file says so, which an edition
// does unless it has published: false. Every older week is over, so it is
// published unless its file says otherwise. The clock is never read, so
// two builds of the same files make the same site.
//
// An unpublished edition is the editor's draft: unless keep is set (serve's
// preview, mail's proof), its title, note and picks are withheld, as a
// draft article is. Its week's page is still built, as its articles link
// to it, but shows only the week's articles.
func applyEditions(s *generator.Site, editions []*generator.Edition, keep bool) generator.ErrorList {
	errs := decideEditions(s, editions, keep)
	for _, is := range s.Issues {
		arrange(s, is)
	}
	return errs
}

// decideEditions is applyEditions but for arranging the issues' articles.
func decideEditions(s *generator.Site, editions []*generator.Edition, keep bool) generator.ErrorList {
	var errs generator.ErrorList
	bySlug := make(map[string]*generator.Issue, len(s.Issues))
	for i, is := range s.Issues {
		is.Number = len(s.Issues) - i
		is.Headline = is.Title
		bySlug[is.Slug] = is
	}
	for _, ed := range editions {
		is := bySlug[ed.Week]
		if is == nil {
			errs.Add(generator.Errorf(ed.File, 1, 1, "issue file: no article is dated in week %s, so it has no issue: add an article of that week or remove this file", ed.Week))
			continue
		}
		if is.Edition != nil {
			errs.Add(generator.Errorf(ed.File, 1, 1, "issue file: week %s already has %s", ed.Week, is.Edition.File))
			continue
		}
		is.Edition = ed
		if ed.Title != "" {
			is.Headline = ed.Title
		}
		errs = append(errs, pick(is, ed)...)
	}
	for i, is := range s.Issues {
		switch {
		case is.Edition != nil && is.Edition.Published != nil:
			is.Published = *is.Edition.Published
		default:
			is.Published = is.Edition != nil || i > 0
		}
	}
	for _, is := range s.Issues {
		if ed := is.Edition; ed != nil && !is.Published && !keep {
			is.Edition = &generator.Edition{File: ed.File, Week: ed.Week, Published: ed.Published}
			is.Headline = is.Title
			is.Lead, is.Featured = nil, nil
		}
	}
	var newer *generator.Issue
	for _, is := range s.Issues {
		is.Newer = newer
		if is.Published || s.Preview {
			newer = is
		}
	}
	var older *generator.Issue
	for i := len(s.Issues) - 1; i >= 0; i-- {
		is := s.Issues[i]
		is.Older = older
		if is.Published || s.Preview {
			older = is
		}
	}
	return errs
}

// pick finds the edition's lead and featured articles in the issue,
// reporting each slug that is not one of the week's articles.
func pick(is *generator.Issue, ed *generator.Edition) generator.ErrorList {
	var errs generator.ErrorList
	bySlug := make(map[string]*generator.Entry, len(is.Entries))
	for _, e := range is.Entries {
		bySlug[e.Slug] = e
	}
	taken := map[*generator.Entry]string{}
	find := func(key string, r generator.EditionRef) *generator.Entry {
		e := bySlug[r.Slug]
		switch {
		case e == nil:
			errs.Add(generator.Errorf(ed.File, r.Line, r.Col, "issue file: %s %q is no article of week %s (%s); its articles are %s", key, r.Slug, is.Slug, DayRange(is.Start, is.Last), slugList(is.Entries)))
		case taken[e] != "":
			errs.Add(generator.Errorf(ed.File, r.Line, r.Col, "issue file: %s %q is already %s", key, r.Slug, taken[e]))
			e = nil
		case key == "lead":
			taken[e] = "the lead"
		default:
			taken[e] = "featured"
		}
		return e
	}
	if ed.Lead.Slug != "" {
		is.Lead = find("lead", ed.Lead)
	}
	for _, r := range ed.Featured {
		if e := find("featured", r); e != nil {
			is.Featured = append(is.Featured, e)
		}
	}
	return errs
}

// slugList names up to five of the week's article slugs, as a hint.
func slugList(entries []*generator.Entry) string {
	var names []string
	for _, e := range entries[:min(5, len(entries))] {
		names = append(names, e.Slug)
	}
	s := strings.Join(names, ", ")
	if len(entries) > 5 {
		s += fmt.Sprintf(" and %d more", len(entries)-5)
	}
	return s
}

// arrange files the articles the edition did not pick: by country, as
// Groups does, with those alone under their country in brief when the
// page has bigger things to show (a lead, featured articles, a country
// with several). A page of nothing but one-liners would be a list of
// headlines, so then every article keeps its card.
func arrange(s *generator.Site, is *generator.Issue) {
	is.Rest, is.Brief = nil, nil
	var rest []*generator.Entry
	for _, e := range is.Entries {
		if e != is.Lead && !slices.Contains(is.Featured, e) {
			rest = append(rest, e)
		}
	}
	groups := groupByFirst(s, "countries", rest)
	bigger := is.Lead != nil || len(is.Featured) > 0
	for _, g := range groups {
		bigger = bigger || len(g.Entries) > 1
	}
	if !bigger {
		is.Rest = groups
		return
	}
	is.Rest = groups[:0:0]
	for _, g := range groups {
		if len(g.Entries) == 1 {
			is.Brief = append(is.Brief, g)
			continue
		}
		is.Rest = append(is.Rest, g)
	}
}
