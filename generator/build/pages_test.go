package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTermPagesSplit builds a site whose one country is named by seven
// articles over two years, three to a page, and checks what a reader and
// a crawler see: each page holds its share, newest first; the pager and
// the year list lead to the right pages; the sitemap lists every page;
// the feed stays one, at the term's own address; and no link is broken.
func TestTermPagesSplit(t *testing.T) {
	dir := t.TempDir()
	const base = "https://user.github.io/digest/"
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: Paged\nbase_url: "+base+"\npaginate: 3\nfeed_limit: 2\n")
	dates := []string{"2022-03-01", "2022-02-01", "2022-01-10", "2021-12-01", "2021-11-01", "2021-10-01", "2021-09-01"}
	for i, d := range dates {
		writeFile(t, filepath.Join(dir, "content/articles", fmt.Sprintf("s%d.md", i)),
			fmt.Sprintf("---\ntitle: \"Oman talks, round %d\"\ndate: %s\ncountries: [Oman]\npeople: [Badr Albusaidi]\n---\n\nThe talks went on.\n", i, d))
	}
	out, _ := buildTo(t, dir, Options{})
	read := func(p string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	titles := regexp.MustCompile(`Oman talks, round (\d)`)
	rounds := func(page string) string {
		var got []string
		for _, m := range titles.FindAllStringSubmatch(page, -1) {
			got = append(got, m[1])
		}
		return strings.Join(got, ",")
	}
	first, second, third := read("countries/oman/index.html"), read("countries/oman/page/2/index.html"), read("countries/oman/page/3/index.html")
	for name, tc := range map[string]struct{ page, want string }{
		"page 1": {first, "0,1,2"}, "page 2": {second, "3,4,5"}, "page 3": {third, "6"},
	} {
		if got := rounds(tc.page); got != tc.want {
			t.Errorf("%s shows rounds %s, want %s", name, got, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "countries/oman/page/4")); err == nil {
		t.Error("a fourth page was written for seven articles at three a page")
	}
	if !strings.Contains(first, `rel="next" href="/digest/countries/oman/page/2/"`) || strings.Contains(first, `rel="prev"`) {
		t.Error("the first page should lead on to page 2 and back to nothing")
	}
	if !strings.Contains(second, `rel="prev" href="/digest/countries/oman/"`) || !strings.Contains(second, `rel="next" href="/digest/countries/oman/page/3/"`) {
		t.Error("page 2 should lead back to the term's page and on to page 3")
	}
	if !strings.Contains(second, "<title>Oman, page 2 of 3 · Paged</title>") || !strings.Contains(second, `<link rel="canonical" href="`+base+`countries/oman/page/2/">`) {
		t.Error("page 2 should have a title and canonical address of its own")
	}
	// 2022 begins on page 1; 2021 (round 3, its newest) on page 2.
	for _, page := range []string{first, second, third} {
		if !strings.Contains(page, `<a href="/digest/countries/oman/">2022</a> <span class="count">3<`) ||
			!strings.Contains(page, `<a href="/digest/countries/oman/page/2/">2021</a> <span class="count">4<`) {
			t.Errorf("the year list should send 2022 to page 1 and 2021 to page 2:\n%s", page)
			break
		}
	}
	// What is the term's rather than the page's, the timeline and the
	// names named alongside, is on its first page only.
	for name, page := range map[string]string{"page 1": first, "page 2": second} {
		shows := strings.Contains(page, `class="timeline"`) && strings.Contains(page, "People named alongside")
		if shows != (name == "page 1") {
			t.Errorf("%s shows the timeline and the names alongside: %v, want %v", name, shows, name == "page 1")
		}
	}
	sitemap := read("sitemap.xml")
	for _, want := range []string{base + "countries/oman/</loc>\n    <lastmod>2022-03-01", base + "countries/oman/page/2/</loc>\n    <lastmod>2021-12-01", base + "countries/oman/page/3/</loc>\n    <lastmod>2021-09-01"} {
		if !strings.Contains(sitemap, want) {
			t.Errorf("sitemap lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "countries/oman/page/2/index.xml")); err == nil {
		t.Error("a later page got a feed of its own; the term has one feed")
	}
	if feed := read("countries/oman/index.xml"); rounds(feed) != "0,1" {
		t.Errorf("the term's feed lists rounds %s, want the newest two", rounds(feed))
	}
	for _, b := range brokenLinks(t, out, base) {
		t.Error(b)
	}
}
