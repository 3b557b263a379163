package site

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/content"
)

// dump writes out everything of a site that pages can show, naming
// entries, terms and issues by their files and slugs, so that two sites
// made of different objects compare as text.
func dump(s *generator.Site) string {
	var b strings.Builder
	entry := func(e *generator.Entry) string {
		if e == nil {
			return "-"
		}
		return e.File
	}
	term := func(t *generator.Term) string {
		if t == nil {
			return "-"
		}
		return t.Taxonomy.Name + "/" + t.Slug + "=" + t.Name + "(" + t.Key + ")"
	}
	counts := func(tcs []generator.TermCount) string {
		var out []string
		for _, tc := range tcs {
			out = append(out, fmt.Sprintf("%s:%d", term(tc.Term), tc.Count))
		}
		return strings.Join(out, " ")
	}
	issue := func(is *generator.Issue) string {
		if is == nil {
			return "-"
		}
		return is.Slug
	}
	groups := func(gs []generator.IssueGroup) string {
		var out []string
		for _, g := range gs {
			var files []string
			for _, e := range g.Entries {
				files = append(files, entry(e))
			}
			out = append(out, term(g.Term)+"["+strings.Join(files, " ")+"]")
		}
		return strings.Join(out, " ")
	}
	fmt.Fprintf(&b, "updated %s preview %v\n", s.Updated.Format(time.RFC3339Nano), s.Preview)
	for i, e := range s.Entries {
		fmt.Fprintf(&b, "entry %d %d %s %s %q issue=%s prev=%s next=%s\n", i, e.Index, e.File, e.Date.Format(time.RFC3339), e.Title, issue(e.Issue), entry(e.Prev), entry(e.Next))
		for _, ts := range e.Terms {
			b.WriteString(" terms")
			for _, t := range ts {
				b.WriteString(" " + term(t))
			}
			b.WriteString("\n")
		}
		b.WriteString(" related")
		for _, r := range e.Related {
			b.WriteString(" " + entry(r))
		}
		b.WriteString("\n")
	}
	for _, tax := range s.Taxonomies {
		fmt.Fprintf(&b, "taxonomy %s %s %s\n", tax.Name, tax.Singular, tax.Title)
		for _, t := range tax.Terms {
			fmt.Fprintf(&b, " %s slug-lookup=%v entries", term(t), tax.Term(t.Slug) == t)
			for _, e := range t.Entries {
				b.WriteString(" " + entry(e))
			}
			b.WriteString("\n")
			for _, r := range t.Related {
				fmt.Fprintf(&b, "  related %s %s\n", r.Taxonomy.Name, counts(r.Terms))
			}
		}
		b.WriteString(" by name")
		for _, t := range tax.ByName {
			b.WriteString(" " + term(t))
		}
		b.WriteString("\n")
	}
	for _, is := range s.Issues {
		fmt.Fprintf(&b, "issue %s %d-%d %s %s %s %q no.%d published=%v headline=%q prev=%s next=%s older=%s newer=%s\n",
			is.Slug, is.Year, is.Week, is.Start.Format(time.RFC3339), is.Last.Format(time.RFC3339), is.Title, is.Slug,
			is.Number, is.Published, is.Headline, issue(is.Prev), issue(is.Next), issue(is.Older), issue(is.Newer))
		var files []string
		for _, e := range is.Entries {
			files = append(files, entry(e))
		}
		fmt.Fprintf(&b, " entries %s\n groups %s\n top people %s\n top countries %s\n", strings.Join(files, " "), groups(is.Groups), counts(is.TopPeople), counts(is.TopCountries))
		for _, m := range is.Movers {
			fmt.Fprintf(&b, " mover %s %d/%d\n", term(m.Term), m.This, m.Last)
		}
		if ed := is.Edition; ed != nil {
			fmt.Fprintf(&b, " edition %s %q %q\n", ed.File, ed.Title, ed.Note)
		}
		var featured []string
		for _, e := range is.Featured {
			featured = append(featured, entry(e))
		}
		fmt.Fprintf(&b, " lead %s featured %s\n rest %s\n brief %s\n", entry(is.Lead), strings.Join(featured, " "), groups(is.Rest), groups(is.Brief))
	}
	for _, c := range s.Clashes {
		fmt.Fprintf(&b, "clash %s %s %v %v\n", c.Taxonomy, c.Slug, c.Names, c.Files)
	}
	return b.String()
}

// TestLiveRandomReplace edits the articles of a small, dense site at
// random (dates within and across weeks, names added, dropped and
// respelt, titles that reorder a day) and after each edit compares the
// site Live keeps with one assembled afresh from the same articles.
func TestLiveRandomReplace(t *testing.T) {
	for seed := range uint64(4) {
		// Odd seeds preview the site, as serve does, with weeks that
		// start on Sunday in a zone far from UTC.
		t.Run(fmt.Sprint(seed), func(t *testing.T) { randomReplace(t, seed, 300, seed%2 == 1) })
	}
}

func randomReplace(t *testing.T, seed uint64, steps int, preview bool) {
	rng := rand.New(rand.NewPCG(seed, 7))
	pick := func(list []string, most int) []string {
		var out []string
		for range rng.IntN(most + 1) {
			out = append(out, list[rng.IntN(len(list))])
		}
		return out
	}
	countries := []string{"Iran", "iran", "Russia", "Türkiye", "Turkiye", "Chile", "India", "Peru"}
	people := []string{"Ali Shamkhani", "ali shamkhani", "Nikolai Patrushev", "Ana Silva", "Rania Bakr"}
	orgs := []string{"NATO", "Nato", "United Nations"}
	events := []string{"", "", "Geneva Talks", "geneva talks", "Summit"}
	cfg := generator.DefaultConfig()
	cfg.Taxonomies = []string{"countries", "people", "organizations", "events", "topics", "sections"}
	if preview {
		cfg.WeekStart = time.Sunday
		cfg.Location = time.FixedZone("UTC+11", 11*3600)
	}
	version := func(n int) *generator.Article {
		// Eight weeks with gaps, few days and hours, so articles often
		// share a moment and their titles decide their order.
		day := []int{1, 2, 3, 9, 10, 22, 23, 29, 30, 50}[rng.IntN(10)]
		date := time.Date(2021, 11, 1, 12*rng.IntN(2), 0, 0, 0, time.UTC).AddDate(0, 0, day)
		return &generator.Article{File: fmt.Sprintf("content/a%02d.md", n), Slug: fmt.Sprintf("a%02d", n), Metadata: generator.Metadata{
			Title: fmt.Sprintf("Story %d", rng.IntN(4)), Date: date,
			Countries: pick(countries, 3), People: pick(people, 3), Organizations: pick(orgs, 2),
			Event: events[rng.IntN(len(events))], Topics: pick([]string{"Trade", "Energy"}, 2), Sections: pick([]string{"World"}, 1),
		}}
	}
	articles := map[int]*generator.Article{}
	for n := range 24 {
		articles[n] = version(n)
	}
	sorted := func() []*generator.Article {
		var list []*generator.Article
		for _, a := range articles {
			list = append(list, a)
		}
		content.Sort(list)
		return list
	}
	published := false
	// An edition whose lead an edit may take out of its week.
	opts := Options{Editions: []*generator.Edition{{File: "content/issues/2021-w44.md", Week: "2021-w44", Title: "Edited",
		Lead: generator.EditionRef{Slug: "a03", Line: 2, Col: 7}, Published: &published, Note: []byte("Note.")}}, Preview: preview}
	live, _ := NewLive(cfg, sorted(), opts)
	incremental := 0
	next := len(articles)
	for step := range steps {
		n := rng.IntN(next)
		var ok bool
		var err error
		switch _, there := articles[n]; {
		case !there || rng.IntN(10) == 0:
			// A new article, under a name no article had.
			n = next
			next++
			articles[n] = version(n)
			ok, err = live.Insert(articles[n])
		case rng.IntN(9) == 0 && len(articles) > 1:
			gone := articles[n].File
			delete(articles, n)
			var e *generator.Entry
			e, err = live.Remove(gone)
			ok = e != nil
		default:
			a := version(n)
			if rng.IntN(3) == 0 {
				// Only the title: the article may move within its day.
				c := *articles[n]
				c.Title = fmt.Sprintf("Story %d", rng.IntN(4))
				a = &c
			}
			articles[n] = a
			ok, err = live.Replace(a)
		}
		if ok {
			incremental++
		} else {
			live, err = NewLive(cfg, sorted(), opts)
		}
		want, wantErr := Assemble(cfg, sorted(), opts)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("step %d (a%02d, incremental %v): error %v, assembled afresh %v", step, n, ok, err, wantErr)
		}
		if got, want := dump(live.Site()), dump(want); got != want {
			t.Fatalf("step %d (a%02d, incremental %v): the site kept differs from one assembled afresh:\n%s", step, n, ok, firstDiff(got, want))
		}
	}
	t.Logf("%d of %d edits followed", incremental, steps)
	// Most edits keep every name's spelling, so most are followed.
	if incremental < steps/2 {
		t.Errorf("%d of %d edits were followed, the rest assembled again", incremental, steps)
	}
}

// firstDiff shows the first differing line of two dumps, with context.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("kept:\n%s\nafresh:\n%s", strings.Join(g[lo:min(len(g), i+2)], "\n"), strings.Join(w[lo:min(len(w), i+2)], "\n"))
		}
	}
	return fmt.Sprintf("kept has %d lines, afresh %d", len(g), len(w))
}

// TestLiveReplaceDeclines checks the edits Live declines: one
// that changes which spelling names a term, and an article it does not
// hold, leave the site as it was.
func TestLiveReplaceDeclines(t *testing.T) {
	cfg := generator.DefaultConfig()
	list := []*generator.Article{
		article("b", "2021-11-10", []string{"Turkiye"}, nil),
		article("a", "2021-11-03", []string{"Türkiye"}, nil),
	}
	live, err := NewLive(cfg, list, Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := dump(live.Site())
	// Two "Türkiye" to one "Turkiye": the name shown becomes Türkiye.
	c := article("b", "2021-11-10", []string{"Türkiye"}, nil)
	if ok, _ := live.Replace(c); ok {
		t.Error("a respelt name was followed, not assembled again")
	}
	if ok, _ := live.Replace(article("new", "2021-11-10", nil, nil)); ok {
		t.Error("an article the site did not hold was followed")
	}
	if got := dump(live.Site()); got != before {
		t.Errorf("declined edits changed the site:\n%s", firstDiff(got, before))
	}
	if !slices.ContainsFunc(live.Site().Taxonomies[0].Terms, func(t *generator.Term) bool { return t.Name == "Turkiye" }) {
		t.Error("the site lost its term")
	}
}

// TestLiveInsertRemoveDecline: what Insert and Remove cannot follow, they
// leave to a full assembly, with the site as it was.
func TestLiveInsertRemoveDecline(t *testing.T) {
	cfg := generator.DefaultConfig()
	live, err := NewLive(cfg, []*generator.Article{article("a", "2021-11-03", []string{"Turkiye"}, nil)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := dump(live.Site())
	draft := article("d", "2021-11-04", nil, nil)
	draft.Draft = true
	same := article("a", "2021-11-05", nil, nil)
	same.File = "content/other.md" // another file on a's slug: an error for the assembly to report
	respelt := article("r", "2021-11-05", []string{"Türkiye", "Türkiye"}, nil)
	for what, a := range map[string]*generator.Article{"a draft": draft, "a slug another article has": same,
		"a spelling that renames a term": respelt, "an article the site holds": article("a", "2021-11-06", nil, nil)} {
		if ok, _ := live.Insert(a); ok {
			t.Errorf("Insert followed %s", what)
		}
	}
	if e, _ := live.Remove("content/a.md"); e != nil {
		t.Error("Remove took out the site's only article")
	}
	if e, _ := live.Remove("content/none.md"); e != nil {
		t.Error("Remove took out a file the site does not hold")
	}
	if got := dump(live.Site()); got != before {
		t.Errorf("declined changes changed the site:\n%s", firstDiff(got, before))
	}
}
