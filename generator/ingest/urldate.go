package ingest

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Dates as news sites put them in article paths: /2021/11/10/,
// /2021-11-10/, /20211110/.
var urlDatePatterns = []*pattern{
	lazyPattern(`/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:[/._-]|$)`),
	lazyPattern(`/((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[/._-]|$)`),
	lazyPattern(`[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?:[/._-]|$)`),
	// "/2019/nov/18/", as The Guardian and PolitiFact write it.
	lazyPattern(`(?i)/((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/([0-3]?\d)(?:[/._-]|$)`),
}

// dateFromURL finds the publication date in an article URL's path.
func dateFromURL(raw string) (time.Time, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return time.Time{}, false
	}
	for _, re := range urlDatePatterns {
		m := re.FindStringSubmatch(u.Path)
		if m == nil {
			continue
		}
		year, _ := strconv.Atoi(m[1])
		month, err := strconv.Atoi(m[2])
		if err != nil {
			month = int(monthsByPrefix[strings.ToLower(m[2][:3])])
		}
		day, _ := strconv.Atoi(m[3])
		if month < 1 || month > 12 || day < 1 || day > daysIn(year, time.Month(month)) {
			continue
		}
		return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}
