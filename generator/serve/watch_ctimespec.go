//go:build darwin || freebsd || netbsd

package serve

import (
	"io/fs"
	"syscall"
)

// inode is watch_ctim.go's, for systems that name the status change time
// Ctimespec. On a Mac it matters most: kqueue needs a descriptor for
// every file watched, so a big site is often polled.
func inode(fi fs.FileInfo) (ino uint64, ctime int64) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0
	}
	return uint64(st.Ino), int64(st.Ctimespec.Sec)*1e9 + int64(st.Ctimespec.Nsec)
}
