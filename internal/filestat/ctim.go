//go:build linux || openbsd || dragonfly || solaris || illumos

package filestat

import (
	"io/fs"
	"syscall"
	"time"
)

// HasChangeTime says that Of can read a status change time here.
const HasChangeTime = true

func of(fi fs.FileInfo) (uint64, time.Time, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, time.Time{}, false
	}
	return uint64(st.Ino), time.Unix(int64(st.Ctim.Sec), int64(st.Ctim.Nsec)), true
}
