package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// story is a made-up article of distinct sentences, so that its phrases
// do not repeat.
var story = []string{
	"The harbour authority closed the northern quay on Monday after a storm tore away two cranes.",
	"Dock workers said the wind rose faster than the morning forecast had warned them it would.",
	"Repairs are expected to take three weeks, during which ferries will berth at the southern pier.",
	"The mayor promised compensation for traders whose stalls along the quay were flooded overnight.",
	"Engineers from the port company began inspecting the sea wall before the tide came back in.",
}

func fragment(t *testing.T, paragraphs ...string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<div><p>" + strings.Join(paragraphs, "</p><p>") + "</p></div>"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestPreferTrimmed(t *testing.T) {
	promo := "Sign up for the morning newsletter and get the day's top headlines in your inbox every day."
	for _, tc := range []struct {
		name          string
		full, trimmed []string
		want          bool
	}{
		{"trafilatura cut a newsletter box", append(append([]string{}, story...), promo), story, true},
		{"both the same", story, story, true},
		{"trafilatura lost most of the story", story, story[:2], false},
		{"trafilatura took in text readability left out", story[:4], append(append([]string{}, story[:4]...), promo, "More from the harbour desk about ships and cargo, tides, storms and the people of the coast."), false},
		{"trafilatura found nothing", story, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var trimmed *html.Node
			if tc.trimmed != nil {
				trimmed = fragment(t, tc.trimmed...)
			}
			if got := preferTrimmed(fragment(t, tc.full...), trimmed); got != tc.want {
				t.Errorf("preferTrimmed = %v, want %v", got, tc.want)
			}
		})
	}
}
