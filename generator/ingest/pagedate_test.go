package ingest

import (
	"testing"
	"time"
)

func TestPageDatesFromEveryPlace(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name, head, before string
		want               time.Time
		from               string
	}{
		{"JSON-LD of a fact check, not an article",
			`<script type="application/ld+json">{"@type":"ClaimReview","datePublished":"2019-11-18T10:15:00+00:00","claimReviewed":"A claim"}</script>`, "",
			time.Date(2019, 11, 18, 10, 15, 0, 0, time.UTC), DateFromMetadata},
		{"JSON-LD too broken to parse",
			`<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-11-18T16:06:51-05:00", "image": [,]}</script>`, "",
			time.Date(2019, 11, 18, 16, 6, 51, 0, time.FixedZone("", -5*3600)), DateFromMetadata},
		{"a US date with a zone name",
			`<meta property="article:published_time" content="November 19, 2019, 07:47 PM EST">`, "",
			time.Date(2019, 11, 19, 19, 47, 0, 0, time.FixedZone("", -5*3600)), DateFromMetadata},
		{"time before the date, Indian time",
			`<script type="application/ld+json">{"@type":"WebPage","datePublished":"01:38:07 PM IST Nov 20, 2019"}</script>`, "",
			time.Date(2019, 11, 20, 13, 38, 7, 0, time.FixedZone("", 5*3600+1800)), DateFromMetadata},
		{"a meta name of the site's own",
			`<meta name="sn-post-date" content="2019/11/19">`, "",
			day(2019, 11, 19), DateFromMetadata},
		{"a month name in the URL",
			`<link rel="canonical" href="https://www.factdesk.example/statements/2019/nov/18/claim-about-tariffs/">`, "",
			day(2019, 11, 18), DateFromURL},
		{"only the page's text, in Portuguese",
			``, `<p class="data">segunda-feira, 22 de janeiro de 2018 às 0:13</p>`,
			day(2018, 1, 22), DateFromPage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parseFile(t, "page.html", page(tc.head, tc.before))
			if tc.from == DateFromPage {
				// The scan may or may not read the clock; the day is what
				// files the story.
				if d.Date.Format("2006-01-02") != tc.want.Format("2006-01-02") || d.DateFrom != tc.from {
					t.Errorf("Date = %v from %q, want the day %v from %q", d.Date, d.DateFrom, tc.want, tc.from)
				}
				return
			}
			if !d.Date.Equal(tc.want) || d.Date.Format("-07:00") != tc.want.Format("-07:00") || d.DateFrom != tc.from {
				t.Errorf("Date = %v from %q, want %v from %q", d.Date, d.DateFrom, tc.want, tc.from)
			}
		})
	}
}

func TestNoDateIsMadeUp(t *testing.T) {
	d := parseFile(t, "page.html", page(`<title>Militia attack on convoy kills four near Basra</title>`, ""))
	if !d.Date.IsZero() {
		t.Errorf("Date = %v from %q, want none: the page states no publication date", d.Date, d.DateFrom)
	}
}
