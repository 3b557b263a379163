// Package buildcache is the record a build leaves beside its destination
// of what each published file shows: its fingerprint (render.Plan.Sigs)
// and size. The next build renders only the files whose fingerprint
// changed and carries the others over from the published site.
//
// The record is a text file, <destination>.cache, never inside the
// published folder: one line for the build that wrote it (format, a key
// for the binary, configuration, templates and options, the destination)
// and one line a file, with a checksum at the end. A record that is
// missing, damaged, cut short, or written for another key or
// destination is not used, and the build renders everything.
package buildcache

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/briefing-digest/briefing/internal/fphash"
)

// format is the first line of a record; a new layout gets a new number,
// and a record in another layout is not read.
const format = "briefing build cache 1"

// ErrUnusable is wrapped by Load's error for a record that is there but
// cannot be used.
var ErrUnusable = errors.New("build cache not usable")

// File is what the record says of one published file.
type File struct {
	Sig  uint64 // its fingerprint
	Size int64  // its length in bytes
}

// Record is what one build published.
type Record struct {
	Key   uint64          // the binary, configuration, templates and options it was built with
	Dest  string          // the absolute path of the destination
	Files map[string]File // by slash-separated path in the destination

	// written is when the record was saved: a file in the destination
	// changed after that was not made by the build that saved it.
	written time.Time
}

// For is where the record of the site published to dest lives: beside
// it, so that the folder deployed holds only the site.
func For(dest string) string {
	return filepath.Clean(dest) + ".cache"
}

// Load reads the record at path. A missing record is an error matching
// fs.ErrNotExist; a damaged one matches ErrUnusable.
func Load(path string) (*Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w: not a regular file", path, ErrUnusable)
	}
	data := make([]byte, fi.Size())
	if _, err := f.ReadAt(data, 0); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", path, ErrUnusable, err)
	}
	r, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", path, ErrUnusable, err)
	}
	r.written = fi.ModTime()
	return r, nil
}

// parse reads a record; every line is checked, and the checksum covers
// all but the last, so a record cut short or edited is refused whole.
func parse(data []byte) (*Record, error) {
	body, last, ok := cutLastLine(data)
	if !ok {
		return nil, errors.New("no end line")
	}
	var count int
	var sum uint64
	if _, err := fmt.Sscanf(last, "end %d %x", &count, &sum); err != nil {
		return nil, fmt.Errorf("end line %q: %w", last, err)
	}
	if fphash.Bytes(body) != sum {
		return nil, errors.New("checksum does not match")
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<20)
	line := func() (string, bool) {
		if !sc.Scan() {
			return "", false
		}
		return sc.Text(), true
	}
	if l, _ := line(); l != format {
		return nil, fmt.Errorf("format %q, want %q", l, format)
	}
	r := &Record{Files: make(map[string]File, count)}
	l, _ := line()
	k, ok := strings.CutPrefix(l, "key ")
	var err error
	if r.Key, err = strconv.ParseUint(k, 16, 64); !ok || err != nil {
		return nil, fmt.Errorf("key line %q", l)
	}
	l, _ = line()
	if r.Dest, ok = strings.CutPrefix(l, "dest "); !ok {
		return nil, fmt.Errorf("dest line %q", l)
	}
	for n := 4; ; n++ {
		l, more := line()
		if !more {
			break
		}
		sig, rest, ok1 := strings.Cut(l, " ")
		size, p, ok2 := strings.Cut(rest, " ")
		var f File
		var err1, err2 error
		f.Sig, err1 = strconv.ParseUint(sig, 16, 64)
		f.Size, err2 = strconv.ParseInt(size, 10, 64)
		if !ok1 || !ok2 || err1 != nil || err2 != nil || f.Size < 0 || p == "" {
			return nil, fmt.Errorf("line %d: %q is not a file's fingerprint, size and path", n, l)
		}
		r.Files[p] = f
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(r.Files) != count {
		return nil, fmt.Errorf("%d files, the end line says %d", len(r.Files), count)
	}
	return r, nil
}

// cutLastLine splits data before its last line, which must end data.
func cutLastLine(data []byte) ([]byte, string, bool) {
	if len(data) == 0 || data[len(data)-1] != '\n' {
		return nil, "", false
	}
	i := bytes.LastIndexByte(data[:len(data)-1], '\n')
	if i < 0 {
		return nil, "", false
	}
	return data[:i+1], string(data[i+1 : len(data)-1]), true
}

// Save writes r to path, through a temporary file renamed into place, so
// a reader sees the old record or the new one. Paths holding a line
// break cannot be written down and are left out: those files are simply
// rendered again.
func (r *Record) Save(path string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("writing the build cache: %w", err)
	}
	err = r.write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return errors.Join(fmt.Errorf("writing the build cache: %w", err), os.Remove(tmp))
	}
	return nil
}

// write writes the record to f as it checksums it, rather than making
// it whole in memory first: at 100,000 articles the record is 16 MB, and
// it was made when the build's memory was at its peak, with every
// page's card still held.
func (r *Record) write(f *os.File) error {
	var sum fphash.Hash
	w := bufio.NewWriterSize(f, 64<<10)
	line := make([]byte, 0, 256)
	put := func(b []byte) {
		sum.Write(b)
		w.Write(b) // its error is Flush's
	}
	put(fmt.Appendf(line[:0], "%s\nkey %016x\ndest %s\n", format, r.Key, r.Dest))
	n := 0
	for p, f := range r.Files {
		if p == "" || strings.ContainsAny(p, "\n\r") {
			continue
		}
		line = strconv.AppendUint(line[:0], f.Sig, 16)
		line = append(line, ' ')
		line = strconv.AppendInt(line, f.Size, 10)
		line = append(line, ' ')
		line = append(line, p...)
		put(append(line, '\n'))
		n++
	}
	fmt.Fprintf(w, "end %d %016x\n", n, sum.Sum64())
	return w.Flush()
}

// Remove deletes the record at path, if there is one. A build removes
// it before publishing: were the build stopped after the swap, a record
// of the previous site must not be taken for the new one's.
func Remove(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing the old build cache: %w", err)
	}
	return nil
}

// Reusable says whether the published file at p (slash-separated, in
// r.Dest) may be carried over for a file whose fingerprint is now sig:
// the record has the same fingerprint, and the file is still the one
// the recorded build made, a regular file of the recorded size that
// nothing has changed since. A file edited by hand, replaced or turned
// into a link is rendered again.
func (r *Record) Reusable(p string, sig uint64) bool {
	f, ok := r.Files[p]
	if !ok || f.Sig != sig {
		return false
	}
	fi, err := os.Lstat(filepath.Join(r.Dest, filepath.FromSlash(p)))
	return err == nil && fi.Mode().IsRegular() && fi.Size() == f.Size && !changed(fi).After(r.written)
}
