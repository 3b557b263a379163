package serve

import (
	"errors"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// defaultSettle is how long a rebuild that failed only on files caught
// mid-save waits for the save to finish before the failure is shown.
const defaultSettle = 400 * time.Millisecond

// midSave says whether every problem err lists is a file of batch that
// is empty or gone: what an editor's save looks like half done (emptied
// before it is written, or removed before the new copy is renamed in).
// Such a failure is held back for a moment instead of flashed as an
// error in the terminal and the browser.
func midSave(err error, site string, batch []string) bool {
	var list generator.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return false
	}
	if abs, err := filepath.Abs(site); err == nil {
		site = abs // batch paths are absolute
	}
	inBatch := make(map[string]bool, len(batch))
	for _, p := range batch {
		if rel, err := filepath.Rel(site, p); err == nil {
			inBatch[filepath.ToSlash(rel)] = true
		}
	}
	for _, e := range list {
		if !inBatch[e.File] || !(errors.Is(e, generator.ErrEmptyFile) || errors.Is(e, fs.ErrNotExist)) {
			return false
		}
	}
	return true
}
