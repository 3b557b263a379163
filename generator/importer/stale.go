package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefing-digest/briefing/generator/content"
)

// RemoveStaleTemp deletes the temporary files writeAtomic names
// ".<file>.tmp-<digits>" that an import killed mid-write left under the
// site's content/. Builds ignore them (hidden files), but they pile up.
// An import running at the same moment may lose its temporary file, and
// then reports that article as failed; nothing is half written.
func RemoveStaleTemp(site string) error {
	root := filepath.Join(site, content.Dir)
	var errs []error
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return nil
		}
		if d.Type().IsRegular() && isTemp(d.Name()) {
			if err := os.Remove(p); err != nil {
				errs = append(errs, fmt.Errorf("removing %s, left by an earlier import: %w", p, err))
			}
		}
		return nil
	})
	return errors.Join(append(errs, err)...)
}

// isTemp says whether name is one of writeAtomic's temporary files.
func isTemp(name string) bool {
	i := strings.LastIndex(name, ".tmp-")
	if !strings.HasPrefix(name, ".") || i < 0 || i+5 == len(name) {
		return false
	}
	for _, r := range name[i+5:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
