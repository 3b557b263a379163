package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
)

// BenchmarkSaveToReload measures what an analyst waits for: from writing
// an article to disk until the reload event naming its page reaches a
// connected browser, through the real watcher, rebuild and event stream.
// It reports the median and the slowest tenth of the saves, for six
// kinds of save: the text; the summary (the article keeps its place in
// every list); the title (which can move it among its day's articles);
// a country added (it joins a term); its date moved a week or two on
// (it leaves its week for another); and a new article beside it, as
// import writes one while serve runs.
//
// The site is the repository's example digest, or the one named by
// BRIEFING_BENCH_SITE (e.g. a corpus from ../shared/bench/gencorpus.py,
// whose first article is edited and restored):
//
//	go test -run '^$' -bench SaveToReload -benchtime 20x ./generator/serve
func BenchmarkSaveToReload(b *testing.B) {
	dir := os.Getenv("BRIEFING_BENCH_SITE")
	if dir == "" {
		dir = b.TempDir()
		copyTree(b, "../../content", filepath.Join(dir, "content"))
		data, err := os.ReadFile("../../briefing.yaml")
		if err != nil {
			b.Fatal(err)
		}
		writeFile(b, filepath.Join(dir, "briefing.yaml"), string(data))
	}
	article := corpustest.FirstArticle(b, dir)
	original, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(article, original, 0o644) })
	page := "/articles/" + strings.TrimSuffix(filepath.Base(article), ".md") + "/"

	start := time.Now()
	site := startSite(b, dir, 0)
	b.Logf("%s: first build and serve in %v", dir, time.Since(start).Round(time.Millisecond))
	events := listen(b, site.url)

	edits := []struct {
		name string
		edit func(n int) string
	}{
		{"text", func(n int) string { return string(original) + fmt.Sprintf("\nEdit number %d.\n", n) }},
		{"summary", func(n int) string {
			return strings.Replace(string(original), "summary: \"", fmt.Sprintf("summary: \"Edit %d ", n), 1)
		}},
		{"title", func(n int) string {
			return strings.Replace(string(original), "title: ", fmt.Sprintf("title: Edit %d ", n), 1)
		}},
		{"country", func(n int) string {
			return strings.Replace(string(original), "countries: [", fmt.Sprintf("countries: [%s, ", []string{"Chile", "Peru"}[n%2]), 1)
		}},
		{"date", func(n int) string { return moveDate(b, string(original), 7*(1+n%2)) }},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			var times []time.Duration
			n := 0
			for b.Loop() {
				n++
				t0 := time.Now()
				writeFile(b, article, e.edit(n))
				events.waitFor(b, page)
				times = append(times, time.Since(t0))
			}
			report(b, times)
		})
	}
	// A new article beside it, as import writes one while serve runs: a
	// copy under a name of its own, waited for until its page is named.
	n := 0 // across runs of the sub-benchmark, so each name is new
	b.Run("added", func(b *testing.B) {
		var times []time.Duration
		for b.Loop() {
			n++
			name := fmt.Sprintf("zz-added-%d", n)
			p := filepath.Join(filepath.Dir(article), name+".md")
			b.Cleanup(func() { os.Remove(p) })
			t0 := time.Now()
			writeFile(b, p, slugLine.ReplaceAllString(strings.Replace(string(original), "title: ", fmt.Sprintf("title: Added %d ", n), 1), ""))
			events.waitForReload(b, "/articles/"+name+"/")
			times = append(times, time.Since(t0))
		}
		report(b, times)
	})
}

// waitForReload returns once a message names url or has every open page
// reload, as one does when more pages changed than it lists (maxPending):
// an article added moves every run of search results after it.
func (s *stream) waitForReload(t testing.TB, url string) {
	t.Helper()
	s.until(t, url, func(m map[string]any) bool {
		changed, _ := m["changed"].([]any)
		reload, _ := m["reload"].(bool)
		return reload || slices.Contains(changed, any(url))
	})
}

// report gives the median and the 90th percentile of times.
func report(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "ms-p90")
}

// moveDate moves an article's date by days: one or two weeks on, a
// correction that takes it out of its week into another.
func moveDate(b testing.TB, article string, days int) string {
	m := dateLine.FindStringSubmatch(article)
	if m == nil {
		b.Fatalf("no date: line in %q", article)
	}
	d, err := time.Parse("2006-01-02", m[1][:min(10, len(m[1]))])
	if err != nil {
		b.Fatal(err)
	}
	return strings.Replace(article, m[0], "date: "+d.AddDate(0, 0, days).Format("2006-01-02")+m[1][min(10, len(m[1])):], 1)
}

var dateLine = regexp.MustCompile(`(?m)^date: *"?([^"\n]+)"?$`)

// slugLine is a front matter slug, which a copy must not keep: two
// articles on one slug are an error.
var slugLine = regexp.MustCompile(`(?m)^slug:.*\n`)

func copyTree(b testing.TB, from, to string) {
	b.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		writeFile(b, filepath.Join(to, rel), string(data))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
