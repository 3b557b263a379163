package ingest

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// wikinewsDateline is how Wikinews dates an article, on the line after
// the title and blank line: "Friday, August 21, 2015".
var wikinewsDateline = regexp.MustCompile(`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}`)

func TestWikinewsDatelines(t *testing.T) {
	files, err := filepath.Glob("testdata/wikinews/*.txt")
	if err != nil || len(files) != 24 {
		t.Fatalf("want the 24 Wikinews articles in testdata/wikinews, found %d (%v)", len(files), err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			raw := testdata(t, filepath.Join("wikinews", name))
			lines := strings.Split(string(raw), "\n")
			dateline := wikinewsDateline.FindString(lines[2])
			want, err := time.Parse("Monday, January 2, 2006", dateline)
			if err != nil {
				t.Fatalf("line 3 %q has no dateline: %v", lines[2], err)
			}
			d := parseFile(t, name, raw)
			if d.Title != strings.TrimSpace(lines[0]) {
				t.Errorf("Title = %q, want line 1 %q", d.Title, lines[0])
			}
			if !d.Date.Equal(want) || d.DateFrom != DateFromDateline {
				t.Errorf("Date = %v from %q, want %v from the dateline", d.Date, d.DateFrom, want)
			}
			assertAbsent(t, d.Body, dateline)
			// Every line after the title and the dateline is a paragraph;
			// a dateline that opens a paragraph leaves the paragraph.
			nonBlank := 0
			for _, line := range lines {
				if strings.TrimSpace(line) != "" {
					nonBlank++
				}
			}
			wantParagraphs := nonBlank - 2
			if strings.TrimSpace(lines[2]) != dateline {
				wantParagraphs++
			}
			if got := len(paragraphs(d.Body)); got != wantParagraphs {
				t.Errorf("body has %d paragraphs, want %d", got, wantParagraphs)
			}
		})
	}
}

func TestDatelineOpeningTheFirstParagraph(t *testing.T) {
	d := parseFile(t, "flag.txt", testdata(t, "wikinews/GUM_news_flag.txt"))
	if first := paragraphs(d.Body)[0]; !strings.HasPrefix(first, "On Tuesday, the New Zealand government announced") {
		t.Errorf("first paragraph = %q, want it to start after the dateline", first)
	}
}
