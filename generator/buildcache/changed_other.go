//go:build !(linux || openbsd || dragonfly || solaris || illumos || darwin || freebsd || netbsd)

package buildcache

import (
	"io/fs"
	"time"
)

// readsChangeTime says that changed has only the modification time here
// (Windows, Plan 9, AIX): a file given its old times back is taken for
// unchanged when its size is the same.
const readsChangeTime = false

// changed is when fi's file was last written.
func changed(fi fs.FileInfo) time.Time { return fi.ModTime() }
