//go:build !linux

package publish

import (
	"io/fs"
	"os"
	"path/filepath"
)

// cheapSync is set where syncTree is one system call for the whole tree.
const cheapSync = false

// syncTree flushes every file and folder under dir to disk, one by one
// where there is no syncfs.
func syncTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}
