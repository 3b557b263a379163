//go:build linux || openbsd || dragonfly || solaris || illumos

package buildcache

import (
	"io/fs"
	"syscall"
	"time"
)

// readsChangeTime says that changed reads the status change time here.
const readsChangeTime = true

// changed is when fi's file last changed: its status change time, which
// no program can set back, so a file edited and given its old times is
// still seen as edited. Making a hard link or removing one sets it too,
// which the build that saves the record does before saving it.
func changed(fi fs.FileInfo) time.Time {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return time.Unix(int64(st.Ctim.Sec), int64(st.Ctim.Nsec))
	}
	return fi.ModTime()
}
