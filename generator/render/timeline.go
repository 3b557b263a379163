package render

import (
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// timelineWeeks is how far back a term's timeline goes: a year of issues.
const timelineWeeks = 52

// Timeline is a term's articles per week over the year up to the site's
// newest issue, for the timeline partial's bar chart.
type Timeline struct {
	Weeks int   // bars across, oldest left
	Max   int   // the tallest bar's count
	Total int   // articles in the year
	Bars  []Bar // the weeks with articles, oldest first
	From  time.Time
	To    time.Time // the first day of the first week, the last of the last
}

// Bar is one week of a timeline that has articles.
type Bar struct {
	Index int // weeks from the left edge, 0 to Weeks-1
	Count int
	Issue *generator.Issue
	// X, Y and Height place the bar in the chart, in SVG units.
	X, Y, Height int
}

// The chart's geometry in SVG units: each week a bar and a gap, the
// tallest bar the chart's height, the shortest still a visible stub.
const (
	BarWidth    = 8
	BarStep     = 10
	ChartHeight = 60
	minBar      = 4
)

// Width is the chart's width in SVG units.
func (tl *Timeline) Width() int { return tl.Weeks * BarStep }

// Height is the chart's height in SVG units, its baseline below the bars.
func (tl *Timeline) Height() int { return ChartHeight + 1 }

// Axis is where the baseline is drawn, under the bars.
func (tl *Timeline) Axis() int { return ChartHeight }

// Timeline is this term page's chart, nil on other pages. The year ends
// at the site's newest issue, not at today, so two builds of the same
// articles draw the same chart.
func (p *Page) Timeline() *Timeline {
	if p.Term == nil || len(p.Site.Issues) == 0 {
		return nil
	}
	return timeline(p.Term, p.Site.Issues[0])
}

func timeline(t *generator.Term, latest *generator.Issue) *Timeline {
	tl := &Timeline{Weeks: timelineWeeks, To: latest.Last}
	tl.From = latest.Start.AddDate(0, 0, -7*(timelineWeeks-1))
	// Entries are newest first, so each week's articles are together.
	for _, e := range t.Entries {
		back := weeksBetween(e.Issue.Start, latest.Start)
		if back >= timelineWeeks {
			break
		}
		i := timelineWeeks - 1 - back
		if n := len(tl.Bars); n > 0 && tl.Bars[n-1].Issue == e.Issue {
			tl.Bars[n-1].Count++
		} else {
			tl.Bars = append(tl.Bars, Bar{Index: i, Count: 1, Issue: e.Issue})
		}
		tl.Total++
	}
	for i, j := 0, len(tl.Bars)-1; i < j; i, j = i+1, j-1 {
		tl.Bars[i], tl.Bars[j] = tl.Bars[j], tl.Bars[i]
	}
	for _, b := range tl.Bars {
		tl.Max = max(tl.Max, b.Count)
	}
	for i := range tl.Bars {
		b := &tl.Bars[i]
		b.X = b.Index*BarStep + (BarStep-BarWidth)/2
		b.Height = max(minBar, (b.Count*ChartHeight+tl.Max/2)/tl.Max)
		b.Y = ChartHeight - b.Height
	}
	return tl
}

// weeksBetween counts whole weeks from one week's first day to a later
// one's, by calendar days, so a change of clocks between them does not
// make a week of 167 hours count as none.
func weeksBetween(from, to time.Time) int {
	a := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	b := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours()/24+0.5) / 7
}
