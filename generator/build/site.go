package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
)

// ErrNoSite is RequireSite's error for a folder that is not a site.
var ErrNoSite = errors.New("no site here")

// RequireSite checks that source is a site: it holds briefing.yaml or a
// content/ folder. Building an empty or wrong folder used to make the
// sample site of the built-in templates and say all was well, which
// hides a mistyped --source; now it says so and how to make a site.
func RequireSite(source string) error {
	for _, name := range []string{config.FileName, content.Dir} {
		if _, err := os.Stat(filepath.Join(source, name)); err == nil {
			return nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("looking for a site in %s: %w", source, err)
		}
	}
	abs, err := filepath.Abs(source)
	if err != nil {
		abs = source
	}
	return fmt.Errorf("%w: %s has neither %s nor a %s/ folder; make a site with `briefing new site DIR`, or pass the site's folder with -s",
		ErrNoSite, abs, config.FileName, content.Dir)
}
