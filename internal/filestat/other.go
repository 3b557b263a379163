//go:build !(linux || openbsd || dragonfly || solaris || illumos || darwin || freebsd || netbsd)

package filestat

import (
	"io/fs"
	"time"
)

// HasChangeTime says that Of can read a status change time here: not on
// Windows, Plan 9 or AIX, where only the modification time is known.
const HasChangeTime = false

func of(fs.FileInfo) (uint64, time.Time, bool) { return 0, time.Time{}, false }
