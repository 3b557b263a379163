package render

import (
	"fmt"

	"github.com/briefing-digest/briefing/generator"
)

// writeError says which output could not be written and, for a page of
// one article or one name, the file that made it: an output path a file
// system refuses (too long, say) is fixed in that file, not in public/.
func (j *job) writeError(err error) error {
	switch {
	case j.entry != nil:
		a := j.entry.Article
		return generator.Errorf(a.File, a.SlugLine, a.SlugCol, "writing %s: %w", j.path, err)
	case j.term != nil && len(j.term.Entries) > 0:
		return generator.Errorf(j.term.Entries[0].File, 0, 0, "writing %s, the page of %q named here: %w", j.path, j.term.Name, err)
	}
	return fmt.Errorf("writing %s: %w", j.path, err)
}
