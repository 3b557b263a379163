package render

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/site"
)

// newsSite builds a site from articles given as date and countries.
func newsSite(t *testing.T, items ...any) *generator.Site {
	t.Helper()
	cfg := generator.DefaultConfig()
	var articles []*generator.Article
	for i := 0; i < len(items); i += 2 {
		a := &generator.Article{File: fmt.Sprintf("content/articles/a%d.md", i), Slug: fmt.Sprintf("a%d", i), Body: []byte("Text.\n"), BodyLine: 5}
		a.Title = fmt.Sprintf("Article %d", i)
		a.Date = items[i].(time.Time)
		a.Countries = items[i+1].([]string)
		articles = append(articles, a)
	}
	// Build wants them newest first, as content.Load returns them.
	slices.SortStableFunc(articles, func(a, b *generator.Article) int { return b.Date.Compare(a.Date) })
	return site.Build(cfg, articles)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

func TestCoverageCountsAndShades(t *testing.T) {
	s := newsSite(t,
		day(2024, 3, 4), []string{"France", "Chad"},
		day(2024, 3, 5), []string{"France"},
		day(2024, 3, 6), []string{"France", "Singapore"},
		day(2024, 3, 12), []string{"France", "Atlantis"},
	)
	home := &Page{Site: s, Kind: "home"}
	c, err := home.Coverage()
	if err != nil || c == nil {
		t.Fatalf("home coverage: %v, %v", c, err)
	}
	got := map[string]MapCountry{}
	for _, mc := range c.Listed {
		got[mc.Name] = mc
	}
	if len(c.Listed) != 4 || c.Listed[0].Name != "France" || c.Max != 4 {
		t.Fatalf("listed %+v (max %d), want France first with 4 of 4 countries", c.Listed, c.Max)
	}
	if f := got["France"]; f.Level != 4 || f.Path == "" || f.Term == nil || f.Term.Path() != "countries/france/" {
		t.Errorf("France: %+v, want the darkest shade, an outline and its page", f)
	}
	if ch := got["Chad"]; ch.Level != 1 || ch.Path == "" {
		t.Errorf("Chad, named once: level %d, want the palest covered shade", ch.Level)
	}
	// Listed, but not drawn: too small for the map, or no country at all.
	if got["Singapore"].Path != "" || got["Atlantis"].Path != "" {
		t.Errorf("Singapore or Atlantis has an outline")
	}
	shaded := 0
	for _, mc := range c.Shapes {
		if mc.Path == "" {
			t.Errorf("shape %s has no path", mc.Name)
		}
		if mc.Term != nil {
			shaded++
		}
		if mc.Name == "Germany" && (mc.Level != 0 || mc.Term != nil) {
			t.Errorf("Germany, never named, is %+v", mc)
		}
	}
	if shaded != 2 || len(c.Shapes) < 170 {
		t.Errorf("%d of %d shapes linked, want France and Chad of every country", shaded, len(c.Shapes))
	}
	if c.Label != "World map of the 4 countries named in all articles, shaded by number of articles: 2 countries on the map" {
		t.Errorf("label %q", c.Label)
	}

	// An issue's map counts its own week only.
	week := &Page{Site: s, Kind: "issue", Issue: s.Issues[1]}
	wc, _ := week.Coverage()
	if wc == nil || wc.Max != 3 || len(wc.Listed) != 3 {
		t.Fatalf("first week's coverage %+v, want France 3, Chad 1, Singapore 1", wc)
	}
	if wc.Listed[0].Name != "France" || wc.Listed[1].Name != "Chad" {
		t.Errorf("week order %v, want most first, then A–Z", wc.Listed)
	}
	// Other pages have no map, nor the index of another taxonomy.
	for _, p := range []*Page{{Site: s, Kind: "article"}, {Site: s, Kind: "taxonomy", Taxonomy: s.Taxonomy("people")}} {
		if c, _ := p.Coverage(); c != nil {
			t.Errorf("%s page has a map", p.Kind)
		}
	}
}

func TestRegionsGroupCountries(t *testing.T) {
	s := newsSite(t,
		day(2024, 3, 4), []string{"France", "Chad", "Soviet Union"},
		day(2024, 5, 1), []string{"Chad", "Japan"},
	)
	p := &Page{Site: s, Kind: "taxonomy", Taxonomy: s.Taxonomy("countries")}
	regions, err := p.Regions()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range regions {
		names = append(names, r.Name)
	}
	if fmt.Sprint(names) != "[Africa Asia Europe Elsewhere]" {
		t.Fatalf("regions %v, want A–Z with names the map lacks last", names)
	}
	chad := regions[0].Countries[0]
	if chad.Term.Name != "Chad" || chad.Count != 2 || !chad.Last.Equal(day(2024, 5, 1)) {
		t.Errorf("Chad: %+v, want 2 articles, the last on 1 May", chad)
	}
	if regions[3].Countries[0].Term.Name != "Soviet Union" {
		t.Errorf("Elsewhere holds %v", regions[3].Countries)
	}
}

func TestTimelineCountsWeeksToTheNewestIssue(t *testing.T) {
	s := newsSite(t,
		day(2024, 12, 30), []string{"France"}, // the newest week, a Monday
		day(2025, 1, 1), []string{"Chad"}, // the same week: the site's last date
		day(2024, 12, 24), []string{"France"},
		day(2024, 12, 25), []string{"France"},
		day(2024, 1, 8), []string{"France"}, // 51 weeks back: the first bar
		day(2023, 12, 31), []string{"France"}, // 53 weeks back: out of the year
	)
	france := s.Taxonomy("countries").Term("france")
	tl := (&Page{Site: s, Kind: "term", Term: france}).Timeline()
	if tl == nil {
		t.Fatal("no timeline")
	}
	if tl.Total != 4 || len(tl.Bars) != 3 || tl.Max != 2 {
		t.Fatalf("timeline %+v, want 4 articles in 3 weeks, at most 2 in one", tl)
	}
	first, last := tl.Bars[0], tl.Bars[2]
	if first.Index != 0 || first.Issue.Slug != "2024-w02" {
		t.Errorf("first bar at %d for %s, want week 2 of 2024 at the left edge", first.Index, first.Issue.Slug)
	}
	if last.Index != timelineWeeks-1 || last.Issue != s.Issues[0] {
		t.Errorf("last bar at %d for %s, want the newest issue at the right edge", last.Index, last.Issue.Slug)
	}
	if mid := tl.Bars[1]; mid.Index != timelineWeeks-2 || mid.Count != 2 || mid.Height != ChartHeight || mid.Y != 0 {
		t.Errorf("the busiest week %+v, want the full height, a week before the last", mid)
	}
	if first.Height >= ChartHeight || first.Height < minBar || first.Y+first.Height != ChartHeight {
		t.Errorf("a one-article week is %d high at %d, want half height on the baseline", first.Height, first.Y)
	}
	if first.X >= tl.Bars[1].X || tl.Bars[2].X+BarWidth > tl.Width() {
		t.Errorf("bars at %d, %d, %d do not fit the %d-wide chart in order", first.X, tl.Bars[1].X, tl.Bars[2].X, tl.Width())
	}
	if !tl.To.Equal(s.Issues[0].Last) {
		t.Errorf("the chart ends %v, want the newest issue's last day %v", tl.To, s.Issues[0].Last)
	}
	if (&Page{Site: s, Kind: "home"}).Timeline() != nil {
		t.Error("the home page has a timeline")
	}
}
