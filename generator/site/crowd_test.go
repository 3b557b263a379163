package site

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// crowd is one article naming n people, and a second naming the first two.
func crowd(n int) []*generator.Article {
	a := &generator.Article{File: "content/a.md", Slug: "a"}
	a.Title, a.Date = "A crowd", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a.People = append(a.People, fmt.Sprintf("Person%05d Example", i))
	}
	b := &generator.Article{File: "content/b.md", Slug: "b"}
	b.Title, b.Date = "Two of them", time.Date(2021, 11, 9, 0, 0, 0, 0, time.UTC)
	b.People = a.People[:2]
	return []*generator.Article{a, b}
}

// allocated is how many bytes site.Build allocates for articles.
func allocated(articles []*generator.Article) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	Build(generator.DefaultConfig(), articles)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestRelatedLinearInNames checks that assembling a site whose article
// names four times as many people costs at most a little over four times
// the memory. Relating every name to every other in the same article
// grew with the square (5,000 names, tens of seconds, as much garbage).
func TestRelatedLinearInNames(t *testing.T) {
	small, large := allocated(crowd(500)), allocated(crowd(2000))
	if ratio := float64(large) / float64(small); ratio > 6 {
		t.Errorf("4× the names took %.1f× the memory (%d bytes, then %d): it grows faster than the names", ratio, small, large)
	}
}

// TestCrowdStillRelated checks that in a crowded article names still
// relate: the two people also named together elsewhere come first.
func TestCrowdStillRelated(t *testing.T) {
	s := Build(generator.DefaultConfig(), crowd(2000))
	for _, tax := range s.Taxonomies {
		if tax.Name != "people" {
			continue
		}
		for _, term := range tax.Terms {
			if term.Name != "Person00000 Example" {
				continue
			}
			if len(term.Related) != 1 || len(term.Related[0].Terms) != maxRelated {
				t.Fatalf("related = %+v, want %d people", term.Related, maxRelated)
			}
			if top := term.Related[0].Terms[0]; top.Term.Name != "Person00001 Example" || top.Count != 2 {
				t.Errorf("most related = %s %d, want Person00001 Example 2", top.Term.Name, top.Count)
			}
			return
		}
	}
	t.Fatal("no page for Person00000 Example")
}

// BenchmarkBuildCrowded assembles a site whose article names 5,000
// people, the case that was quadratic.
func BenchmarkBuildCrowded(b *testing.B) {
	articles := crowd(5000)
	for b.Loop() {
		Build(generator.DefaultConfig(), articles)
	}
}
