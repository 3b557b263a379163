package importer

import (
	"path/filepath"
	"regexp"
	"time"
)

// A batch mixes stories of different days; --date gives one day to all
// that state none, and a file named after its day ("2021-11-10-talks.txt",
// as people file clippings) gives its own.
var nameDate = regexp.MustCompile(`^((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[-_. ]|$)`)

// dateFromName is the day an input's file name starts with.
func dateFromName(name string, loc *time.Location) (time.Time, bool) {
	m := nameDate.FindStringSubmatch(filepath.Base(name))
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation("2006-01-02", m[1]+"-"+m[2]+"-"+m[3], loc)
	return t, err == nil
}
