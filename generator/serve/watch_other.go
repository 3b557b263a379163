//go:build !(linux || openbsd || dragonfly || solaris || illumos || darwin || freebsd || netbsd)

package serve

import "io/fs"

// inode has nothing to give where files have no inode and status change
// time to read: there polling compares size, time and mode.
func inode(fs.FileInfo) (ino uint64, ctime int64) { return 0, 0 }
