package ingest

import "testing"

func TestClutterLeavesTheStory(t *testing.T) {
	d := parseFile(t, "cluttered.html", testdata(t, "html/cluttered.html"))
	assertPresent(t, d.Body,
		"The harbour authority closed the northern quay",
		"Councillor [Ines Barrow](https://www.harbourcourier.example/people/ines-barrow) said repairs would take three weeks",
		// The story's own list stays, its link to another site too.
		"stock lost to the flooding", "[harbour fund](https://council.example/fund)",
		"publish their findings by Friday.",
		// The post the story quotes, though its box is named like a share bar.
		"Water is over the quay wall and still rising",
	)
	assertAbsent(t, d.Body,
		"Updated", "Posted", "By Mara Quist", "Photo:", "Council passes the harbour budget",
		"mara.quist@", "@maraquist", "newsletter", "You may also like",
		"ferry timetable", "Fish prices climb", "lighthouse keeper",
		"SPRING TIDES", "Order Reprints", "Posted by", "Category:",
		"More Great Courier Stories", "old pier", "night fish market",
	)
}

func TestBylineLines(t *testing.T) {
	for line, want := range map[string]bool{
		"By Mara Quist - 11/18/19":                  true,
		"By Mara Quist | Harbour Courier":           true,
		"Written by Ines Barrow, 4 March":           true,
		"By Tuesday the water had gone down":        false,
		"By Mara Quist and the harbour desk":        false,
		"By the end of the week the quay reopened.": false,
	} {
		if got := isByline(line); got != want {
			t.Errorf("isByline(%q) = %v, want %v", line, got, want)
		}
	}
}
