//go:build !linux

package publish

import (
	"io/fs"
	"os"
	"path/filepath"
)

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
