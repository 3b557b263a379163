package buildcache

import (
	"io/fs"
	"time"

	"github.com/briefing-digest/briefing/internal/filestat"
)

// changed is when fi's file last changed: its status change time, so a
// file edited and given its old times is still seen as edited (making or
// removing a hard link sets it too, which the build that saves the
// record does before saving it); where the system has none, when it was
// last written.
func changed(fi fs.FileInfo) time.Time {
	if _, c, ok := filestat.Of(fi); ok {
		return c
	}
	return fi.ModTime()
}
