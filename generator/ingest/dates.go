package ingest

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The parts of a date as news pages write it. Names of months and days may
// be abbreviated, with or without a period; a time may follow a date after
// a comma, a dash, a bar or "at".
const (
	weekdayPart = `(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`
	monthPart   = `(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	dayPart     = `(?P<day>[0-3]?\d)(?:st|nd|rd|th)?`
	yearPart    = `(?P<year>(?:19|20)\d\d)`
	clockPart   = `(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:[.,]\d+)?)?`
	zonePart    = `(?:\s*(?P<utc>utc|gmt|z\b))?(?:\s*(?P<offset>[+-][01]?\d(?::?[0-5]\d)?))?`
	timePart    = `(?:\s*(?:,|-|–|—|\||at|@)?\s*` + clockPart + `(?:\s*(?P<ampm>[ap]\.?m\b\.?))?` + zonePart + `)?`
)

var datePatterns = []*pattern{
	// "Friday, August 21, 2015", "Nov. 10, 2021 - 11:30"
	lazyPattern(`(?i)^` + weekdayPart + monthPart + `\s+` + dayPart + `(?:,\s*|\s+)` + yearPart + timePart),
	// "21 August 2015", "Wed, 10 Nov 2021 08:30:00 GMT"
	lazyPattern(`(?i)^` + weekdayPart + dayPart + `\s+(?:of\s+)?` + monthPart + `,?\s+` + yearPart + timePart),
	// "2021-11-10", "2021-11-10T08:30:00+03:30"
	lazyPattern(`(?i)^` + yearPart + `[-/](?P<monthnum>[01]?\d)[-/](?P<day>[0-3]?\d)(?:(?:T|\s+)` + clockPart + `)?` + zonePart),
}

// dateMatch is a date found at the start of a string.
type dateMatch struct {
	t       time.Time
	n       int  // bytes of the string the date took
	weekday bool // the date named its day of the week, as datelines do
}

// matchDate finds a date at the start of s.
func matchDate(s string) (dateMatch, bool) {
	for _, re := range datePatterns {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[m[1]:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			continue
		}
		group := func(name string) string {
			i := re.SubexpIndex(name)
			if i < 0 || m[2*i] < 0 {
				return ""
			}
			return strings.ToLower(s[m[2*i]:m[2*i+1]])
		}
		t, ok := buildDate(group)
		if !ok {
			continue
		}
		return dateMatch{t: t, n: m[1], weekday: group("weekday") != ""}, true
	}
	return dateMatch{}, false
}

// parseDate reads s when the whole of it is one date.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	m, ok := matchDate(s)
	if !ok || strings.TrimSpace(s[m.n:]) != "" {
		return time.Time{}, false
	}
	return m.t, true
}

var monthsByPrefix = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// buildDate checks the parts a pattern matched and makes a time of them,
// in the zone the text gives and in UTC when it gives none.
func buildDate(group func(string) string) (time.Time, bool) {
	year, _ := strconv.Atoi(group("year"))
	day, _ := strconv.Atoi(group("day"))
	month := time.Month(0)
	if name := group("month"); len(name) >= 3 {
		month = monthsByPrefix[name[:3]]
	} else if n, err := strconv.Atoi(group("monthnum")); err == nil {
		month = time.Month(n)
	}
	if month < time.January || month > time.December || day < 1 || day > daysIn(year, month) {
		return time.Time{}, false
	}
	hour, _ := strconv.Atoi(group("hour"))
	minute, _ := strconv.Atoi(group("minute"))
	second, _ := strconv.Atoi(group("second"))
	switch ampm := group("ampm"); {
	case ampm == "":
	case hour < 1 || hour > 12:
		return time.Time{}, false
	case ampm[0] == 'p' && hour < 12:
		hour += 12
	case ampm[0] == 'a' && hour == 12:
		hour = 0
	}
	if hour > 23 {
		return time.Time{}, false
	}
	zone, ok := zoneOf(group("offset"))
	if !ok {
		return time.Time{}, false
	}
	return time.Date(year, month, day, hour, minute, second, 0, zone), true
}

// zoneOf reads an offset such as "+03:30", "+0330" or "-5"; no offset is
// UTC.
func zoneOf(offset string) (*time.Location, bool) {
	if offset == "" {
		return time.UTC, true
	}
	sign := 1
	if offset[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(offset[1:], ":", "")
	var hours, minutes int
	switch len(digits) {
	case 1, 2:
		hours, _ = strconv.Atoi(digits)
	case 3, 4:
		hours, _ = strconv.Atoi(digits[:len(digits)-2])
		minutes, _ = strconv.Atoi(digits[len(digits)-2:])
	}
	if hours > 14 {
		return nil, false
	}
	seconds := sign * (hours*3600 + minutes*60)
	if seconds == 0 {
		return time.UTC, true
	}
	return time.FixedZone("", seconds), true
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
