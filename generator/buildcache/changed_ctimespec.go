//go:build darwin || freebsd || netbsd

package buildcache

import (
	"io/fs"
	"syscall"
	"time"
)

// readsChangeTime says that changed reads the status change time here.
const readsChangeTime = true

// changed is when fi's file last changed, as on Linux (changed_ctim.go):
// macOS and these BSDs name the same field Ctimespec. A Mac's cp -p or
// rsync -a puts a file's old modification time back; its status change
// time they cannot.
func changed(fi fs.FileInfo) time.Time {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return time.Unix(int64(st.Ctimespec.Sec), int64(st.Ctimespec.Nsec))
	}
	return fi.ModTime()
}
