package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// clearStale removes the staging folders that runs killed mid-build left
// beside dest (Begin holds the lock, so none is in use). Before anything
// is deleted, what the user cannot lose is put back: a previous site
// moved aside by a two-rename swap that never finished, and a .git that
// was carried into a staging folder.
func clearStale(dest string) error {
	parent, prefix := filepath.Dir(dest), stagingPrefix(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("looking for staging folders left by earlier builds: %w", err)
	}
	var stale []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.IsDir() {
			stale = append(stale, filepath.Join(parent, e.Name()))
		}
	}
	slices.Sort(stale)
	if !exists(dest) {
		for _, s := range stale {
			if strings.HasSuffix(s, ".old") {
				if err := os.Rename(s, dest); err != nil {
					return fmt.Errorf("restoring the previous site from %s: %w", s, err)
				}
				break
			}
		}
	}
	var errs []error
	for _, s := range stale {
		if !exists(s) {
			continue // restored above
		}
		if exists(filepath.Join(s, ".git")) {
			if !exists(dest) || exists(filepath.Join(dest, ".git")) {
				continue // nowhere safe to put it back: keep the folder
			}
			if err := os.Rename(filepath.Join(s, ".git"), filepath.Join(dest, ".git")); err != nil {
				errs = append(errs, fmt.Errorf("putting %s back: %w", filepath.Join(dest, ".git"), err))
				continue
			}
		}
		if err := os.RemoveAll(s); err != nil {
			errs = append(errs, fmt.Errorf("removing %s, left by an earlier build: %w", s, err))
		}
	}
	return errors.Join(errs...)
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
