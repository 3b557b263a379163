// Package filestat reads what a file's modification time does not say:
// its inode and its status change time, which no program can set back.
// The build cache and serve's polling both need them to tell a file
// edited and given its old times back (cp -p, rsync -a) from one left
// alone; each system names the fields its own way.
package filestat

import (
	"io/fs"
	"time"
)

// Of returns fi's inode and status change time, and whether the system
// has them (HasChangeTime).
func Of(fi fs.FileInfo) (ino uint64, changed time.Time, ok bool) {
	return of(fi)
}
