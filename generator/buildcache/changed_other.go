//go:build !linux

package buildcache

import (
	"io/fs"
	"time"
)

// changed is when fi's file was last written.
func changed(fi fs.FileInfo) time.Time { return fi.ModTime() }
