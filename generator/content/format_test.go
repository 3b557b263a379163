package content

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

func TestFormatRoundTrips(t *testing.T) {
	tehran, _ := time.LoadLocation("Asia/Tehran")
	for _, m := range []generator.Metadata{
		{
			Title: `Iran, Russia stress "cooperation": a test`, Date: time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC),
			Source: "Tehran Times", URL: "https://example.com/a?b=c#d", Sections: []string{"Iran", "Middle East"},
			Summary: "Line one: with colon, 'quotes' and #hash", People: []string{"Ali Shamkhani", "O'Brien, Jr."},
			Countries: []string{"Iran", "Côte d'Ivoire"}, Organizations: []string{"NATO"}, Places: []string{"New Delhi"},
			Event: "Delhi Dialogue", Topics: []string{"yes", "null", "- dash", "[bracket]"}, Fingerprint: "sha256:ab12",
		},
		{Title: "Minimal", Date: time.Date(2021, 11, 10, 8, 30, 0, 0, tehran), Draft: true},
	} {
		src := Format(m, []byte("Body.\n"))
		a, err := Parse("content/x.md", src, time.UTC)
		if err != nil {
			t.Fatalf("%s\n%v", src, err)
		}
		if !a.Date.Equal(m.Date) {
			t.Errorf("date %v, want %v", a.Date, m.Date)
		}
		a.Date = m.Date
		if !reflect.DeepEqual(a.Metadata, m) {
			t.Errorf("round trip lost something:\n%s\ngot  %+v\nwant %+v", src, a.Metadata, m)
		}
		if strings.TrimSpace(string(a.Body)) != "Body." {
			t.Errorf("body %q", a.Body)
		}
	}
}

func TestFormatLooks(t *testing.T) {
	m := generator.Metadata{Title: "T", Date: time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC), People: []string{"Ali Shamkhani", "Nikolay Patrushev"}}
	want := "---\ntitle: \"T\"\ndate: 2021-11-10\nsummary: \"\"\npeople: [Ali Shamkhani, Nikolay Patrushev]\ncountries: []\norganizations: []\nplaces: []\nevent: \"\"\ntopics: []\n---\n"
	if got := string(Format(m, nil)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
