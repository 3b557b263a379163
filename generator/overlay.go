package generator

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// Overlay is a file system where files in Upper hide files of the same
// path in Lower, and directories list the entries of both: how a site's
// own templates/ and theme/ replace built-in files by name and keep the
// rest. Either layer may be missing on disk; nil Upper is allowed.
type Overlay struct {
	Upper, Lower fs.FS
}

func (o Overlay) layers() []fs.FS {
	if o.Upper == nil {
		return []fs.FS{o.Lower}
	}
	return []fs.FS{o.Upper, o.Lower}
}

// ErrNotRegularFile is Overlay.Open's error for a FIFO, device or socket.
var ErrNotRegularFile = errors.New("not a regular file (a FIFO, device or socket)")

// Open opens name from the first layer that has it. A FIFO, device or
// socket there (or a link to one) is refused before it is opened: opening
// a FIFO waits for a writer, forever if none comes, and /dev/zero never
// ends, so a template or asset that is one would hang the build.
func (o Overlay) Open(name string) (fs.File, error) {
	var firstErr error
	for _, layer := range o.layers() {
		if info, err := fs.Stat(layer, name); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
			return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegularFile}
		}
		f, err := layer.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, firstErr
}

// ReadDir merges the directory's entries from both layers, the upper's
// entry winning for a name in both, sorted by name as fs.ReadDir promises.
func (o Overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	seen := map[string]bool{}
	found := false
	for _, layer := range o.layers() {
		entries, err := fs.ReadDir(layer, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// Files lists every regular file of the overlay, slash-separated and
// sorted. An overlay with no directories at all has no files.
func (o Overlay) Files() ([]string, error) {
	var out []string
	err := fs.WalkDir(o, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}
