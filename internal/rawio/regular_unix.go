//go:build unix

package rawio

import (
	"errors"
	"fmt"
	"slices"
	"syscall"
)

// ReadRegular reads the file at path, refusing anything but a regular
// file no bigger than limit bytes, and a symbolic link (ErrSymlink) which
// the caller may resolve, check and read again. The file is opened without blocking,
// so a FIFO is seen for what it is instead of waiting for a writer that
// never comes; the mode and size are then taken from the open file, so
// the answer is about what is read, not about what the path once held.
func ReadRegular(path string, limit int64) ([]byte, error) {
	return AppendRegular(nil, path, limit)
}

// AppendRegular is ReadRegular appending the file to dst, for a caller
// that reads many files and can reuse one buffer.
func AppendRegular(dst []byte, path string, limit int64) ([]byte, error) {
	fd, err := open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if errors.Is(err, syscall.ELOOP) {
		return nil, fmt.Errorf("%s: %w", path, ErrSymlink)
	}
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := retry(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, fmt.Errorf("stat %s: %w", path, err)
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	if st.Size > limit {
		return nil, tooBig(path, st.Size, limit)
	}
	// Read one byte past the limit at most: a file growing while it is
	// read is caught without reading all it grew to.
	start := len(dst)
	data := slices.Grow(dst, int(min(st.Size, limit)+1))
	for {
		var n int
		err := retry(func() (err error) {
			n, err = syscall.Read(fd, data[len(data):cap(data)])
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		data = data[:len(data)+n]
		if int64(len(data)-start) > limit {
			return nil, tooBig(path, int64(len(data)-start), limit)
		}
		if n == 0 {
			return data, nil
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
