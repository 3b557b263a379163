package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/briefing-digest/briefing/generator"
)

// MaxSize is the largest input, in bytes, that Parse and ReadFile accept:
// 10 MB. An article is a few tens of kilobytes even as a saved page; a
// larger file is a page with its media inlined, or not an article at all.
const MaxSize = 10 << 20

// ReadFile reads the file at path for Parse. It refuses a file over
// MaxSize before reading it, and names the path in every error, which is
// a *generator.Error; errors.Is(err, fs.ErrNotExist) tells a missing file.
func ReadFile(path string) ([]byte, error) {
	// Opening a FIFO waits for a writer and a device may never end: what
	// is not a regular file is refused before it is opened.
	if info, err := os.Stat(path); err == nil && !info.IsDir() && !info.Mode().IsRegular() {
		return nil, generator.Errorf(path, 0, 0, "is a %s, not an article file; not read", fileKind(info.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fileError(path, err)
	}
	if info.IsDir() {
		return nil, generator.Errorf(path, 0, 0, "is a directory, not an article file")
	}
	if info.Mode().IsRegular() {
		if err := checkSize(path, info.Size()); err != nil {
			return nil, err
		}
	}
	// A file still growing has no trustworthy size: read one byte past
	// the limit to know that it went past it.
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fileError(path, err)
	}
	if len(data) > MaxSize {
		return nil, generator.Errorf(path, 0, 0, "file is too large (over the %s limit)", megabytes(MaxSize))
	}
	return data, nil
}

// fileError reports err without repeating the path that *generator.Error
// already names.
func fileError(path string, err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return generator.Errorf(path, 0, 0, "no such file: %w", err)
	}
	return generator.Errorf(path, 0, 0, "cannot read: %w", err)
}

func checkSize(name string, size int64) error {
	if size <= MaxSize {
		return nil
	}
	return generator.Errorf(name, 0, 0, "file is too large (%s; the limit is %s)", megabytes(size), megabytes(MaxSize))
}

func megabytes(n int64) string {
	mb := float64(n) / (1 << 20)
	if mb == float64(int64(mb)) {
		return fmt.Sprintf("%d MB", int64(mb))
	}
	return fmt.Sprintf("%.1f MB", mb)
}

// fileKind names a file's type as a user knows it.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		return "device"
	}
	return "special file"
}
