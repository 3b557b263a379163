package site

import (
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

// weeks are articles in four ISO weeks of 2021 (42, 44, 45 and 46), newest
// first, as content.Load returns them.
func weeks() []*generator.Article {
	return []*generator.Article{
		article("w46", "2021-11-16", []string{"Oman"}, nil),
		article("w45-d", "2021-11-12", []string{"Turkiye"}, nil),
		article("w45-c", "2021-11-11", []string{"Iran", "Afghanistan"}, nil),
		article("w45-b", "2021-11-10", []string{"Iran", "Russia"}, nil),
		article("w45-a", "2021-11-09", []string{"India"}, nil),
		article("w44", "2021-11-03", []string{"Turkiye"}, nil),
		article("w42", "2021-10-20", nil, nil),
	}
}

func published(b bool) *bool { return &b }

func assemble(t *testing.T, preview bool, eds ...*generator.Edition) *generator.Site {
	t.Helper()
	s, err := Assemble(generator.DefaultConfig(), weeks(), Options{Editions: eds, Preview: preview})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func slugs(issues []*generator.Issue) string {
	var out []string
	for _, is := range issues {
		out = append(out, is.Slug)
	}
	return strings.Join(out, " ")
}

func TestIssueNumbers(t *testing.T) {
	s := assemble(t, false)
	var got []string
	for _, is := range s.Issues {
		got = append(got, is.Slug+"=No."+string(rune('0'+is.Number)))
	}
	// Week 43 has no articles, so it has no number: week 44 is No. 2.
	if strings.Join(got, " ") != "2021-w46=No.4 2021-w45=No.3 2021-w44=No.2 2021-w42=No.1" {
		t.Errorf("numbers: %v", got)
	}
}

// TestPublishing checks which issue the home page shows: the week holding
// the newest article is still being written, so without an edition the
// week before it is the latest; an edition publishes its week unless it
// says published: false, and can hold back a week that is over.
func TestPublishing(t *testing.T) {
	t.Run("the newest week is not over", func(t *testing.T) {
		s := assemble(t, false)
		if l := s.Latest(); l == nil || l.Slug != "2021-w45" {
			t.Fatalf("latest = %s, want 2021-w45 (week 46 is the current week)", slugs(s.Issues[:1]))
		}
		if got := slugs(s.Listed()); got != "2021-w45 2021-w44 2021-w42" {
			t.Errorf("listed = %s, want every week but the current one", got)
		}
		w45 := s.Issues[1]
		if w45.Newer != nil || w45.Older != s.Issues[2] {
			t.Errorf("week 45's pager goes to %v and %v, want no newer issue and week 44", w45.Newer, w45.Older)
		}
	})
	t.Run("an edition publishes the current week", func(t *testing.T) {
		s := assemble(t, false, &generator.Edition{File: "content/issues/2021-w46.md", Week: "2021-w46"})
		if l := s.Latest(); l.Slug != "2021-w46" {
			t.Errorf("latest = %s, want 2021-w46", l.Slug)
		}
	})
	t.Run("published: true says the same", func(t *testing.T) {
		s := assemble(t, false, &generator.Edition{File: "content/issues/2021-w46.md", Week: "2021-w46", Published: published(true)})
		if l := s.Latest(); l.Slug != "2021-w46" {
			t.Errorf("latest = %s, want 2021-w46", l.Slug)
		}
	})
	t.Run("published: false holds back a week that is over", func(t *testing.T) {
		s := assemble(t, false, &generator.Edition{File: "content/issues/2021-w45.md", Week: "2021-w45", Published: published(false)})
		if l := s.Latest(); l.Slug != "2021-w44" {
			t.Errorf("latest = %s, want 2021-w44", l.Slug)
		}
		if got := slugs(s.Listed()); got != "2021-w44 2021-w42" {
			t.Errorf("listed = %s", got)
		}
		if w44 := s.Issues[2]; w44.Newer != nil {
			t.Errorf("week 44's pager leads to unpublished %s", w44.Newer.Slug)
		}
	})
	t.Run("a preview lists every week", func(t *testing.T) {
		s := assemble(t, true)
		if l := s.Latest(); l.Slug != "2021-w46" || l.Published {
			t.Errorf("latest = %s (published %v), want unpublished 2021-w46", l.Slug, l.Published)
		}
		if got := slugs(s.Listed()); got != "2021-w46 2021-w45 2021-w44 2021-w42" {
			t.Errorf("listed = %s", got)
		}
	})
	t.Run("a site of one unfinished week has no latest issue", func(t *testing.T) {
		s := Build(generator.DefaultConfig(), weeks()[:1])
		if l := s.Latest(); l != nil {
			t.Errorf("latest = %s, want none", l.Slug)
		}
	})
}

func TestEditionPicks(t *testing.T) {
	s := assemble(t, false, &generator.Edition{
		File: "content/issues/2021-w45.md", Week: "2021-w45", Title: "Delhi talks",
		Lead:     generator.EditionRef{Slug: "w45-c"},
		Featured: []generator.EditionRef{{Slug: "w45-a"}},
	})
	is := s.Issues[1]
	if is.Headline != "Delhi talks" || is.Title != "Week 45 · 8–14 November 2021" {
		t.Errorf("headline %q, title %q", is.Headline, is.Title)
	}
	if is.Lead == nil || is.Lead.Slug != "w45-c" || len(is.Featured) != 1 || is.Featured[0].Slug != "w45-a" {
		t.Fatalf("lead %v, featured %v", is.Lead, is.Featured)
	}
	// Left: w45-b (Iran) and w45-d (Turkiye), each alone under its country,
	// so with a lead above them they are the week in brief.
	if len(is.Rest) != 0 || len(is.Brief) != 2 || is.Brief[0].Term.Name != "Iran" || is.Brief[1].Entries[0].Slug != "w45-d" {
		t.Errorf("rest %v, brief %v; want Iran's and Turkiye's articles in brief", is.Rest, is.Brief)
	}
	// Groups still file the whole week, for its summary and archive row.
	if len(is.Groups) != 3 || is.Groups[0].Term.Name != "Iran" || len(is.Groups[0].Entries) != 2 {
		t.Errorf("groups %v", is.Groups)
	}
	if s.Issues[2].Headline != s.Issues[2].Title {
		t.Errorf("a week without an edition is headed %q", s.Issues[2].Headline)
	}
}

// TestBriefNeedsSomethingBigger checks that without picks a week whose
// articles are each alone under their country keeps them as cards, and
// one with a country of several puts the lone ones in brief.
func TestBriefNeedsSomethingBigger(t *testing.T) {
	s := Build(generator.DefaultConfig(), []*generator.Article{
		article("b", "2021-11-10", []string{"Iran"}, nil),
		article("a", "2021-11-09", []string{"India"}, nil),
	})
	if is := s.Issues[0]; len(is.Rest) != 2 || len(is.Brief) != 0 {
		t.Errorf("lone articles: rest %v, brief %v; want two groups, none in brief", is.Rest, is.Brief)
	}
	s = assemble(t, false)
	if is := s.Issues[1]; len(is.Rest) != 1 || is.Rest[0].Term.Name != "Iran" || len(is.Brief) != 2 {
		t.Errorf("week 45: rest %v, brief %v; want Iran's two as cards, India and Turkiye in brief", is.Rest, is.Brief)
	}
}

func TestEditionErrors(t *testing.T) {
	_, err := Assemble(generator.DefaultConfig(), weeks(), Options{Editions: []*generator.Edition{
		{File: "content/issues/2021-w45.md", Week: "2021-w45",
			Lead: generator.EditionRef{Slug: "w44", Line: 2, Col: 7},
			Featured: []generator.EditionRef{
				{Slug: "w45-a", Line: 3, Col: 12},
				{Slug: "w45-a", Line: 3, Col: 19},
				{Slug: "nowhere", Line: 3, Col: 26},
			}},
		{File: "content/issues/2021-w43.md", Week: "2021-w43"},
	}})
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`content/issues/2021-w43.md:1:1: issue file: no article is dated in week 2021-w43`,
		`content/issues/2021-w45.md:2:7: issue file: lead "w44" is no article of week 2021-w45 (8–14 November 2021); its articles are w45-d, w45-c, w45-b, w45-a`,
		`content/issues/2021-w45.md:3:19: issue file: featured "w45-a" is already featured`,
		`content/issues/2021-w45.md:3:26: issue file: featured "nowhere" is no article of week 2021-w45`,
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s…", i+1, got[i], want[i])
		}
	}
}
