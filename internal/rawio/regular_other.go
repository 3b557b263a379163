//go:build !unix

package rawio

import (
	"fmt"
	"io"
	"os"
)

// AppendRegular is ReadRegular appending the file to dst.
func AppendRegular(dst []byte, path string, limit int64) ([]byte, error) {
	data, err := ReadRegular(path, limit)
	if err != nil {
		return nil, err
	}
	return append(dst, data...), nil
}

// ReadRegular reads the file at path, refusing anything but a regular
// file no bigger than limit bytes, and a symbolic link (ErrSymlink).
func ReadRegular(path string, limit int64) ([]byte, error) {
	if info, err := os.Lstat(path); err == nil && info.Mode()&os.ModeSymlink != 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrSymlink)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooBig(path, int64(len(data)), limit)
	}
	return data, nil
}
