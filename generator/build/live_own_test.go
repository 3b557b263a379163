package build

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// weekSite writes a site of n articles in one week, each naming two of
// a few countries, so every country page, the issue and the home page
// list several of them.
func weekSite(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: Week\nbase_url: http://localhost:1313/\ntaxonomies: [countries]\n")
	for i := range n {
		addWeekArticle(t, dir, i)
	}
	return dir
}

var weekCountries = []string{"Chile", "Peru", "Bolivia"}

func addWeekArticle(t *testing.T, dir string, i int) string {
	t.Helper()
	p := filepath.Join(dir, "content/articles", fmt.Sprintf("a%02d.md", i))
	writeFile(t, p, fmt.Sprintf("---\ntitle: Story %d\ndate: 2021-11-%02dT10:00:00Z\ncountries: [%s, %s]\n---\n\nBody %d.\n",
		i, 1+i%5, weekCountries[i%3], weekCountries[(i+1)%3], i))
	return p
}

// checkLive rebuilds l after the paths changed and fails when the live
// site is not byte for byte what a full build of dir makes.
func checkLive(t *testing.T, l *Live, dir, step string, changed ...string) {
	t.Helper()
	if _, err := l.Rebuild(context.Background(), changed); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	want, err := generate(t, dir)
	if err != nil {
		t.Fatalf("%s: full build: %v", step, err)
	}
	if d := diff(want, snapshot(l)); len(d) > 0 {
		t.Errorf("%s: %d pages of the live site are not what a build makes: %v", step, len(d), d)
	}
}

// TestLiveOwnCardCountsArticles: a site's own card prints how many
// articles each of its countries has. Adding an article changes that
// count on the cards of every other article of the country, on pages the
// new article is not listed on.
func TestLiveOwnCardCountsArticles(t *testing.T) {
	dir := weekSite(t, 8)
	writeFile(t, filepath.Join(dir, "templates/partials/entry.html"),
		`{{ define "entry" }}<article>{{ .Entry.Title }}{{ range .Countries }} {{ .Name }}={{ len .Entries }}{{ end }}</article>{{ end }}`)
	l := startLive(t, dir)
	// In a new week, so the week's own pages are not what shows it.
	p := filepath.Join(dir, "content/articles/new.md")
	writeFile(t, p, "---\ntitle: New\ndate: 2021-12-20T10:00:00Z\ncountries: [Chile]\n---\n\nNew.\n")
	checkLive(t, l, dir, "article added", p)
}

// TestLiveOwnArticleCountsItsWeek: a site's own article page prints how
// many articles its week holds; adding two to that week changes every
// article page of the week, not only the new articles' neighbours.
func TestLiveOwnArticleCountsItsWeek(t *testing.T) {
	dir := weekSite(t, 8)
	writeFile(t, filepath.Join(dir, "templates/article.html"),
		`{{ template "base" . }}{{ define "main" }}<h1>{{ .Entry.Title }}</h1><p>{{ len .Entry.Issue.Entries }} this week</p>{{ end }}`)
	l := startLive(t, dir)
	a, b := addWeekArticle(t, dir, 20), addWeekArticle(t, dir, 21)
	checkLive(t, l, dir, "two articles added", a, b)
}

// TestLiveOwnArticleListsItsWeek: a site's own article page lists the
// titles of its whole week, so retitling one article, which moves
// nothing, changes every article page of that week.
func TestLiveOwnArticleListsItsWeek(t *testing.T) {
	dir := weekSite(t, 8)
	writeFile(t, filepath.Join(dir, "templates/article.html"),
		`{{ template "base" . }}{{ define "main" }}<h1>{{ .Entry.Title }}</h1><ul>{{ range .Entry.Issue.Entries }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}`)
	l := startLive(t, dir)
	p := filepath.Join(dir, "content/articles/a03.md")
	writeFile(t, p, "---\ntitle: Story 3, retitled\ndate: 2021-11-04T10:00:00Z\ncountries: [Chile, Peru]\n---\n\nBody 3.\n")
	checkLive(t, l, dir, "title edited", p)
}

// TestLiveOwnFooterStaysFast: a site's own footer that reads only the
// configuration reads no more than the built-in one, so a summary edit
// still renders only the pages that show the article's card, not the
// whole site, and the live site is still what a build makes.
func TestLiveOwnFooterStaysFast(t *testing.T) {
	dir := weekSite(t, 8)
	for i := 30; i < 50; i++ {
		// Articles in other weeks and countries, which the edit does not reach.
		p := filepath.Join(dir, "content/articles", fmt.Sprintf("b%02d.md", i))
		writeFile(t, p, fmt.Sprintf("---\ntitle: Other %d\ndate: 2022-03-%02dT10:00:00Z\ncountries: [Nepal]\n---\n\nOther.\n", i, i-20))
	}
	writeFile(t, filepath.Join(dir, "templates/partials/footer.html"),
		`{{ define "footer" }}<footer class="own">{{ .Site.Config.Title }} · <a href="{{ rel "issues/" }}">Issues</a></footer>{{ end }}`)
	l := startLive(t, dir)
	all := len(l.Paths())
	p := filepath.Join(dir, "content/articles/a03.md")
	writeFile(t, p, "---\ntitle: Story 3\nsummary: A new summary\ndate: 2021-11-04T10:00:00Z\ncountries: [Chile, Peru]\n---\n\nBody 3.\n")
	ch, err := l.Rebuild(context.Background(), []string{p})
	if err != nil {
		t.Fatal(err)
	}
	if d := differsFromBuild(t, l, dir); len(d) > 0 {
		t.Errorf("the live site differs from a build in %v", d)
	}
	if ch.Rendered > all/2 {
		t.Errorf("a summary edit rendered %d of the site's %d files; the own footer should not make every page depend on it", ch.Rendered, all)
	}
}

// TestLiveOwnEmailCountsCountries: a site's own email edition prints, for
// each article of the week, how many articles name its countries across
// the whole site. An article added in a later week changes the earlier
// week's email, which neither names nor lists it.
func TestLiveOwnEmailCountsCountries(t *testing.T) {
	dir := weekSite(t, 8)
	writeFile(t, filepath.Join(dir, "templates/email.html"),
		`<html><body>{{ range .Issue.Entries }}<p>{{ .Title }}{{ range index .Terms 0 }} {{ .Name }}={{ len .Entries }}{{ end }}</p>{{ end }}</body></html>`)
	// A later week is there from the start, so the new article changes
	// neither week's neighbours.
	writeFile(t, filepath.Join(dir, "content/articles/later.md"), "---\ntitle: Later\ndate: 2021-12-20T10:00:00Z\ncountries: [Peru]\n---\n\nLater.\n")
	l := startLive(t, dir)
	p := filepath.Join(dir, "content/articles/new.md")
	writeFile(t, p, "---\ntitle: New\ndate: 2021-12-21T10:00:00Z\ncountries: [Chile]\n---\n\nNew.\n")
	checkLive(t, l, dir, "article added", p)
}
