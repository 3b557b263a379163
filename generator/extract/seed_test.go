package extract

import (
	"os"
	"slices"
	"testing"
)

// The seed article is the story briefing was designed around; every field
// an analyst would file it under must come out exactly.
func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile("testdata/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	x := New()
	for _, title := range []string{"", "Iran, Russia stress cooperation to achieve regional security"} {
		r := x.Extract(title, string(b))
		lists := []struct {
			field     string
			got, want []string
		}{
			{"people", r.People, []string{"Ali Shamkhani", "Nikolay Patrushev"}},
			{"countries", r.Countries, []string{"Iran", "Russia", "India", "Afghanistan", "United States"}},
			{"organizations", r.Organizations, []string{"Supreme National Security Council", "Russian Security Council"}},
			{"places", r.Places, []string{"New Delhi"}},
		}
		for _, l := range lists {
			t.Run(l.field+"/title="+title, func(t *testing.T) {
				if !slices.Equal(l.got, l.want) {
					t.Errorf("%s = %q, want %q", l.field, l.got, l.want)
				}
			})
		}
		t.Run("event/title="+title, func(t *testing.T) {
			if want := "Delhi Regional Security Dialogue on Afghanistan"; r.Event != want {
				t.Errorf("event = %q, want %q", r.Event, want)
			}
		})
		t.Run("topics/title="+title, func(t *testing.T) {
			for _, want := range []string{"Regional security", "Terrorism", "Sanctions"} {
				if !slices.Contains(r.Topics, want) {
					t.Errorf("topics = %q, want %q among them", r.Topics, want)
				}
			}
		})
		t.Run("summary/title="+title, func(t *testing.T) {
			want := "Iran's Secretary of Supreme National Security Council (SNSC) Rear Admiral Ali Shamkhani has met with his Russian counterpart to emphasize the need for bilateral cooperation of the two countries in different fields."
			if r.Summary != want {
				t.Errorf("summary = %q, want %q", r.Summary, want)
			}
		})
	}
}
