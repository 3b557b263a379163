package publish

import (
	"errors"
	"io/fs"
	"os"
)

// swapByRename moves dest aside, then tmp into its place; dest is missing
// only between the two renames. It returns where the old site went.
func swapByRename(tmp, dest string) (string, error) {
	old := tmp + ".old"
	if err := os.Rename(dest, old); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", os.Rename(tmp, dest)
		}
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return "", errors.Join(err, os.Rename(old, dest))
	}
	return old, nil
}
