package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/briefing-digest/briefing/internal/rawio"
)

// Staging is a site being written beside its destination.
type Staging struct {
	dest string
	tmp  string
	dirs sync.Map // folders made so far, relative and slash-separated
}

// Begin prepares to replace dest. It refuses a destination that holds
// something other than a built site, since publishing replaces the whole
// folder and would delete it.
func Begin(dest string) (*Staging, error) {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return nil, fmt.Errorf("destination: %w", err)
	}
	if err := checkReplaceable(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", parent, err)
	}
	// Same parent, so the final rename never crosses file systems.
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("creating staging folder: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, errors.Join(fmt.Errorf("staging folder: %w", err), os.RemoveAll(tmp))
	}
	return &Staging{dest: dest, tmp: tmp}, nil
}

// checkReplaceable allows a missing or empty folder, or one that a build
// wrote (it has index.html or 404.html at its top).
func checkReplaceable(dest string) error {
	entries, err := os.ReadDir(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("destination: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	for _, e := range entries {
		if n := e.Name(); n == "index.html" || n == "404.html" {
			return nil
		}
	}
	return fmt.Errorf("refusing to replace %s: it is not empty and has no index.html, so it is not a built site; choose another destination or empty it", dest)
}

// Write stores one file under the staging folder. It is safe to call
// from many goroutines. A path that would leave the site is refused.
func (s *Staging) Write(name string, data []byte) error {
	clean := path.Clean(name)
	if name == "" || path.IsAbs(name) || clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(name, `\`) {
		return fmt.Errorf("output path %q is outside the site", name)
	}
	if err := s.mkdir(path.Dir(clean)); err != nil {
		return err
	}
	return rawio.WriteFile(filepath.Join(s.tmp, filepath.FromSlash(clean)), data, 0o644)
}

// mkdir makes a folder of the staged site once. Nearly every page has a
// folder of its own, and remembering which exist saves MkdirAll's probing
// of each parent: on a big site that was a third of the writing time.
func (s *Staging) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	if _, ok := s.dirs.Load(dir); ok {
		return nil
	}
	if err := s.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(s.tmp, filepath.FromSlash(dir)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	s.dirs.Store(dir, true)
	return nil
}

// Commit puts the staged site in place of the destination, then removes
// the old one. A .git folder in the old destination is carried over, so
// a destination that is itself a repository (a gh-pages checkout) stays one.
func (s *Staging) Commit() error {
	if err := carryGit(s.dest, s.tmp); err != nil {
		return errors.Join(err, s.Abort())
	}
	old, err := swap(s.tmp, s.dest)
	if err != nil {
		return errors.Join(fmt.Errorf("replacing %s: %w", s.dest, err), s.Abort())
	}
	syncDir(filepath.Dir(s.dest))
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("removing the previous site: %w", err)
		}
	}
	return nil
}

// Abort removes the staging folder and leaves the destination as it was.
func (s *Staging) Abort() error {
	return os.RemoveAll(s.tmp)
}

func carryGit(dest, tmp string) error {
	src := filepath.Join(dest, ".git")
	if _, err := os.Lstat(src); err != nil {
		return nil
	}
	if err := os.Rename(src, filepath.Join(tmp, ".git")); err != nil {
		return fmt.Errorf("keeping %s: %w", src, err)
	}
	return nil
}

// syncDir makes a rename durable; failure only weakens durability, so it
// is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
