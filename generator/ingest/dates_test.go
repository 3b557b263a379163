package ingest

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tehran := time.FixedZone("", 3*3600+1800)
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"Friday, August 21, 2015", utc(2015, 8, 21, 0, 0)},
		{"August 21, 2015", utc(2015, 8, 21, 0, 0)},
		{"21 August 2015", utc(2015, 8, 21, 0, 0)},
		{"21st August 2015", utc(2015, 8, 21, 0, 0)},
		{"Nov 10, 2021", utc(2021, 11, 10, 0, 0)},
		{"Nov. 10, 2021", utc(2021, 11, 10, 0, 0)},
		{"Sept. 3, 2021", utc(2021, 9, 3, 0, 0)},
		{"2021-11-10", utc(2021, 11, 10, 0, 0)},
		{"2021/11/10", utc(2021, 11, 10, 0, 0)},
		{"2021-11-10T08:30:00Z", utc(2021, 11, 10, 8, 30)},
		{"2021-11-10T08:30:00.000Z", utc(2021, 11, 10, 8, 30)},
		{"2021-11-10T08:30:00+03:30", time.Date(2021, 11, 10, 8, 30, 0, 0, tehran)},
		{"2021-11-10T08:30:00+0330", time.Date(2021, 11, 10, 8, 30, 0, 0, tehran)},
		{"2021-11-10 08:30", utc(2021, 11, 10, 8, 30)},
		{"Wed, 10 Nov 2021 08:30:00 GMT", utc(2021, 11, 10, 8, 30)},
		{"Wed, 10 Nov 2021 08:30:00 -0500", time.Date(2021, 11, 10, 8, 30, 0, 0, time.FixedZone("", -5*3600))},
		{"November 10, 2021 - 11:30", utc(2021, 11, 10, 11, 30)},
		{"November 10, 2021 at 12:05 am", utc(2021, 11, 10, 0, 5)},
		{"10 November 2021, 2:15 p.m.", utc(2021, 11, 10, 14, 15)},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := parseDate(tc.in)
			if !ok || !got.Equal(tc.want) || got.Format("-07:00") != tc.want.Format("-07:00") {
				t.Errorf("parseDate(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
			}
		})
	}
	for _, bad := range []string{"", "last Tuesday", "February 30, 2021", "2021-13-01", "32 May 2021", "November 2021", "May 7, 20150", "10/11/2021", "2021-11-10T25:00:00Z", "13:30 pm, May 7, 2015"} {
		t.Run("not "+bad, func(t *testing.T) {
			if got, ok := parseDate(bad); ok {
				t.Errorf("parseDate(%q) = %v, want no date", bad, got)
			}
		})
	}
}

func TestDateFromURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want time.Time
	}{
		{"https://news.example/world/2021/11/10/iran-russia/", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
		{"https://news.example/2021/11/10", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
		{"https://news.example/news/2021-11-10/iran-russia", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
		{"https://news.example/article/20211110/iran-russia.html", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
		{"https://news.example/story/iran-russia-20211110.html", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
		{"https://news.example/news/466880/iran-russia", time.Time{}},
		{"https://news.example/2021/11/iran-russia", time.Time{}},
		{"https://news.example/2021/02/30/iran-russia", time.Time{}},
		{"https://news.example/story?date=2021-11-10", time.Time{}},
		{"", time.Time{}},
	} {
		t.Run(tc.url, func(t *testing.T) {
			got, ok := dateFromURL(tc.url)
			if ok != !tc.want.IsZero() || !got.Equal(tc.want) {
				t.Errorf("dateFromURL(%q) = %v, %v; want %v", tc.url, got, ok, tc.want)
			}
		})
	}
}
