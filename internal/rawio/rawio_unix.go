//go:build unix

package rawio

import (
	"io/fs"
	"slices"
	"syscall"
)

// ReadFile returns the contents of the file at path.
func ReadFile(path string) ([]byte, error) { return AppendFile(nil, path) }

// AppendFile appends the contents of the file at path to dst and returns
// the longer slice, so that a caller reading many files can reuse one
// buffer.
func AppendFile(dst []byte, path string) ([]byte, error) {
	fd, err := open(path, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := retry(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	// One byte more than the size, so a file that is exactly as big as
	// it said is read whole in one call, its end seen as a short read.
	data := slices.Grow(dst, int(st.Size)+1)
	for {
		var n int
		err := retry(func() (err error) {
			n, err = syscall.Read(fd, data[len(data):cap(data)])
			return err
		})
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		data = data[:len(data)+n]
		if n == 0 || (len(data) < cap(data) && st.Mode&syscall.S_IFMT == syscall.S_IFREG) {
			return data, nil
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // it grew while being read
		}
	}
}

// CreateFile writes data to a new file at path; if a file is there
// already, it fails with an error matching fs.ErrExist and leaves the
// file as it was.
func CreateFile(path string, data []byte, perm fs.FileMode) error {
	return write(path, syscall.O_EXCL, data, perm)
}

func write(path string, mode int, data []byte, perm fs.FileMode) error {
	fd, err := open(path, syscall.O_WRONLY|syscall.O_CREAT|mode, uint32(perm.Perm()))
	if err != nil {
		return err
	}
	for len(data) > 0 {
		var n int
		err := retry(func() (err error) {
			n, err = syscall.Write(fd, data)
			return err
		})
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

func open(path string, flags int, perm uint32) (int, error) {
	var fd int
	err := retry(func() (err error) {
		fd, err = syscall.Open(path, flags|syscall.O_CLOEXEC, perm)
		return err
	})
	if err != nil {
		return -1, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return fd, nil
}

// retry repeats a call a signal interrupted, as package os does.
func retry(call func() error) error {
	for {
		if err := call(); err != syscall.EINTR {
			return err
		}
	}
}
