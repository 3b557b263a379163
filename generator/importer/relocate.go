package importer

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/briefing-digest/briefing/generator/content"
)

// An article lives in the folder of its date's year. When its date
// changes (corrected by hand in the file, or by importing it again with
// the right --date), the next import moves it; the file itself, with
// whatever else the user edited, moves as it is.

// Move is an article moved to its year's folder.
type Move struct {
	From, To string // relative to the site root
}

// yearFolder is the year an article's path files it under, and false for
// a path outside content/articles/YYYY/.
func yearFolder(file string) (int, bool) {
	dir, _ := path.Split(file)
	parent, year := path.Split(path.Clean(dir))
	if path.Clean(parent) != path.Join(content.Dir, "articles") {
		return 0, false
	}
	n, err := strconv.Atoi(year)
	return n, err == nil && len(year) == 4
}

// Relocate moves every article of the site whose date is not of the year
// it is filed under, unless its new place is taken. On a dry run it only
// says what it would move.
func (im *Importer) Relocate() ([]Move, error) {
	im.mu.Lock()
	defer im.mu.Unlock()
	var moves []Move
	for _, k := range im.index.onDisk() {
		moved, err := im.moveToYear(k)
		if err != nil {
			return moves, err
		}
		if moved != nil {
			moves = append(moves, *moved)
		}
	}
	return moves, nil
}

// moveToYear moves k's file to its date's year, if it is elsewhere.
func (im *Importer) moveToYear(k *known) (*Move, error) {
	year, filed := yearFolder(k.file)
	if !filed || k.date.IsZero() || k.date.Year() == year {
		return nil, nil
	}
	to := path.Join(content.Dir, "articles", strconv.Itoa(k.date.Year()), path.Base(k.file))
	if im.index.files[to] || exists(filepath.Join(im.opts.Site, filepath.FromSlash(to))) {
		return nil, nil
	}
	m := &Move{From: k.file, To: to}
	if !im.opts.DryRun {
		dst := filepath.Join(im.opts.Site, filepath.FromSlash(to))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, err
		}
		if err := os.Rename(filepath.Join(im.opts.Site, filepath.FromSlash(k.file)), dst); err != nil {
			return nil, fmt.Errorf("moving %s to its year's folder: %w", k.file, err)
		}
	}
	delete(im.index.files, k.file)
	im.index.files[to] = true
	k.file = to
	return m, nil
}

// frontDate is the date line of a file's front matter.
var frontDate = regexp.MustCompile(`(?m)^date:[ \t]*[^\n]*$`)

// correctDate rewrites the date line of k's file to t, leaving every
// other byte as the user left it, then files it under t's year.
func (im *Importer) correctDate(k *known, t time.Time) error {
	file := filepath.Join(im.opts.Site, filepath.FromSlash(k.file))
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	end := frontMatterEnd(data)
	loc := frontDate.FindIndex(data[:end])
	if loc == nil {
		return fmt.Errorf("%s has no date: line to correct", k.file)
	}
	value := t.Format(time.RFC3339)
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		value = t.Format("2006-01-02")
	}
	fixed := append(append(append([]byte{}, data[:loc[0]]...), "date: "+value...), data[loc[1]:]...)
	if !im.opts.DryRun {
		if err := writeAtomic(file, fixed, true); err != nil {
			return err
		}
	}
	k.date = t
	_, err = im.moveToYear(k)
	return err
}

// frontMatterEnd is where a file's YAML front matter ends: the offset of
// its closing line, or 0 when it has none.
func frontMatterEnd(data []byte) int {
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return 0
	}
	if i := bytes.Index(data[4:], []byte("\n---")); i >= 0 {
		return 4 + i
	}
	return 0
}
