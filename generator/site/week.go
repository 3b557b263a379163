package site

import (
	"fmt"
	"time"
)

// Week is a calendar week that starts on a configured day.
type Week struct {
	Year, Number int
	Start        time.Time // midnight of the first day, in the site's zone
}

// WeekOf returns the week holding t, in loc, for weeks starting on start.
// A Monday start gives ISO 8601 weeks. Other starts are numbered by the
// ISO week of the week's fourth day, so numbering stays unique and close
// to ISO's (the week of 7 November 2021 starting Sunday is week 44).
func WeekOf(t time.Time, loc *time.Location, start time.Weekday) Week {
	t = t.In(loc)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	back := (int(day.Weekday()) - int(start) + 7) % 7
	first := day.AddDate(0, 0, -back)
	year, num := first.AddDate(0, 0, 3).ISOWeek()
	return Week{Year: year, Number: num, Start: first}
}

// Last is the week's seventh day.
func (w Week) Last() time.Time { return w.Start.AddDate(0, 0, 6) }

// Slug names the week in URLs: "2021-w45".
func (w Week) Slug() string { return fmt.Sprintf("%d-w%02d", w.Year, w.Number) }

// Title is how pages name the week: "Week 45 · 8–14 November 2021",
// spelling out both months or years when the week spans two.
func (w Week) Title() string {
	return fmt.Sprintf("Week %d · %s", w.Number, DayRange(w.Start, w.Last()))
}

// DayRange writes a span of days as an editor would: "8–14 November 2021",
// "29 November – 5 December 2021", "27 December 2021 – 2 January 2022".
func DayRange(a, b time.Time) string {
	switch {
	case a.Year() != b.Year():
		return a.Format("2 January 2006") + " – " + b.Format("2 January 2006")
	case a.Month() != b.Month():
		return a.Format("2 January") + " – " + b.Format("2 January 2006")
	}
	return fmt.Sprintf("%d–%s", a.Day(), b.Format("2 January 2006"))
}
