package namecheck

import (
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

func article(file string, people, countries, orgs, places []string) *generator.Article {
	return &generator.Article{File: file, Metadata: generator.Metadata{People: people, Countries: countries, Organizations: orgs, Places: places}}
}

func TestCheck(t *testing.T) {
	arts := []*generator.Article{
		article("a.md", []string{"Nikolay Patrushev", "Kent"}, []string{"Iran"}, nil, nil),
		article("b.md", []string{"Nikolay Patrushev"}, []string{"Iraq"}, nil, []string{"Kent"}),
		article("c.md", []string{"Nikolay Patrushev", "Liberal Democrats"}, nil, []string{"Liberal Democrats"}, nil),
		article("d.md", []string{"Nikolai Patrushev"}, []string{"Iran"}, nil, nil),
		article("e.md", []string{"Ali Shamkhani"}, nil, nil, nil),
	}
	got := Check(arts)
	var lines []string
	for _, d := range got {
		lines = append(lines, d.String())
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{
		`people "Kent" (a.md): also given as one of the places in 1 article(s)`,
		`people "Liberal Democrats" (c.md): also given as one of the organizations in 1 article(s)`,
		`people "Nikolai Patrushev" (d.md): used once; "Nikolay Patrushev" is used in 3 articles`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing doubt %s\ngot:\n%s", want, all)
		}
	}
	if len(got) != 3 {
		t.Errorf("got %d doubts, want 3 (Iran and Iraq, and a person named once, are fine):\n%s", len(got), all)
	}
}

func TestDistanceStopsEarly(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"patrushev", "patrushev", 0}, {"nikolai", "nikolay", 1}, {"shamkhani", "shamkahni", 2}, {"abcdefgh", "zyxwvuts", 3}} {
		if got := distance(tt.a, tt.b, 2); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
