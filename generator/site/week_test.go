package site

import (
	"testing"
	"time"
)

func TestWeekOf(t *testing.T) {
	tehran, err := time.LoadLocation("Asia/Tehran")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		date  time.Time
		loc   *time.Location
		start time.Weekday
		slug  string
		title string
	}{
		{time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC), time.UTC, time.Monday, "2021-w45", "Week 45 · 8–14 November 2021"},
		{time.Date(2021, 11, 14, 23, 0, 0, 0, time.UTC), time.UTC, time.Monday, "2021-w45", "Week 45 · 8–14 November 2021"},
		{time.Date(2021, 11, 14, 23, 0, 0, 0, time.UTC), tehran, time.Monday, "2021-w46", "Week 46 · 15–21 November 2021"},
		{time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC), time.UTC, time.Monday, "2021-w48", "Week 48 · 29 November – 5 December 2021"},
		{time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), time.UTC, time.Monday, "2021-w52", "Week 52 · 27 December 2021 – 2 January 2022"},
		{time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC), time.UTC, time.Sunday, "2021-w45", "Week 45 · 7–13 November 2021"},
		{time.Date(2021, 11, 7, 0, 0, 0, 0, time.UTC), time.UTC, time.Sunday, "2021-w45", "Week 45 · 7–13 November 2021"},
		{time.Date(2021, 11, 6, 0, 0, 0, 0, time.UTC), time.UTC, time.Sunday, "2021-w44", "Week 44 · 31 October – 6 November 2021"},
		{time.Date(2021, 11, 12, 0, 0, 0, 0, time.UTC), time.UTC, time.Saturday, "2021-w45", "Week 45 · 6–12 November 2021"},
		{time.Date(2021, 11, 13, 0, 0, 0, 0, time.UTC), time.UTC, time.Saturday, "2021-w46", "Week 46 · 13–19 November 2021"},
	} {
		w := WeekOf(tc.date, tc.loc, tc.start)
		if w.Slug() != tc.slug || w.Title() != tc.title {
			t.Errorf("WeekOf(%s, %s, %s) = %s %q, want %s %q", tc.date.Format(time.RFC3339), tc.loc, tc.start, w.Slug(), w.Title(), tc.slug, tc.title)
		}
	}
}
