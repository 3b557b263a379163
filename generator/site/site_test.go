package site

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

func article(slug, date string, countries, people []string) *generator.Article {
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		panic(err)
	}
	return &generator.Article{File: "content/" + slug + ".md", Slug: slug, Metadata: generator.Metadata{
		Title: strings.ToUpper(slug), Date: d, Countries: countries, People: people,
	}}
}

func names(tcs []generator.TermCount) string {
	var out []string
	for _, tc := range tcs {
		out = append(out, fmt.Sprintf("%s %d", tc.Term.Name, tc.Count))
	}
	return strings.Join(out, ", ")
}

func TestBuild(t *testing.T) {
	cfg := generator.DefaultConfig()
	s := Build(cfg, []*generator.Article{ // newest first, as content.Load gives them
		article("d", "2021-11-12", []string{"Türkiye", "Syria"}, nil),
		article("c", "2021-11-11", []string{"Iran", "Afghanistan"}, []string{"Ali Shamkhani"}),
		article("b", "2021-11-10", []string{"Iran", "Russia", "Afghanistan"}, []string{"Ali Shamkhani", "Nikolay Patrushev"}),
		article("a", "2021-11-03", []string{"Turkiye"}, nil),
	})
	countries := s.Taxonomy("countries")
	var byCount []string
	for _, term := range countries.Terms {
		byCount = append(byCount, fmt.Sprintf("%s %d", term.Name, len(term.Entries)))
	}
	if got := strings.Join(byCount, ", "); got != "Afghanistan 2, Iran 2, Turkiye 2, Russia 1, Syria 1" {
		t.Errorf("countries by count = %s", got)
	}
	if got := countries.ByName[len(countries.ByName)-1].Name; got != "Turkiye" {
		t.Errorf("last A–Z = %s", got)
	}
	if len(s.Clashes) != 1 || strings.Join(s.Clashes[0].Names, "|") != "Turkiye|Türkiye" || s.Clashes[0].Files[0] != "content/d.md" {
		t.Errorf("clashes = %+v", s.Clashes)
	}
	iran := countries.Term("iran")
	if got := names(iran.Related[0].Terms); got != "Afghanistan 2, Russia 1" {
		t.Errorf("Iran's related countries = %s", got)
	}
	if got := names(iran.Related[1].Terms); got != "Ali Shamkhani 2, Nikolay Patrushev 1" {
		t.Errorf("Iran's related people = %s", got)
	}
	if len(s.Issues) != 2 || s.Issues[0].Slug != "2021-w45" || s.Issues[1].Slug != "2021-w44" {
		t.Fatalf("issues = %v", s.Issues)
	}
	week := s.Issues[0]
	if week.Prev != s.Issues[1] || week.Next != nil || s.Issues[1].Next != week {
		t.Errorf("issue links wrong")
	}
	var groups []string
	for _, g := range week.Groups {
		groups = append(groups, fmt.Sprintf("%s %d", g.Term.Name, len(g.Entries)))
	}
	if got := strings.Join(groups, ", "); got != "Iran 2, Turkiye 1" {
		t.Errorf("groups = %s", got)
	}
	if got := names(week.TopPeople); got != "Ali Shamkhani 2, Nikolay Patrushev 1" {
		t.Errorf("top people = %s", got)
	}
	b := s.Entries[2]
	if b.Slug != "b" || b.Prev != nil || b.Next.Slug != "c" || b.Issue != week {
		t.Errorf("entry b: prev %v next %v", b.Prev, b.Next)
	}
	if len(week.Movers) == 0 || week.Movers[0].Term.Name != "Afghanistan" || week.Movers[0].Last != 0 {
		t.Errorf("movers = %+v", week.Movers)
	}
	if older := s.Issues[1]; len(older.Movers) != 0 {
		t.Errorf("the first week has nothing to compare with, yet movers = %+v", older.Movers)
	}
}
