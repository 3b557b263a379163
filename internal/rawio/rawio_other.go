//go:build !unix

package rawio

import (
	"errors"
	"io/fs"
	"os"
)

// ReadFile returns the contents of the file at path.
func ReadFile(path string) ([]byte, error) { return os.ReadFile(path) }

// AppendFile appends the contents of the file at path to dst and returns
// the longer slice.
func AppendFile(dst []byte, path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return append(dst, data...), nil
}

// CreateFile writes data to a new file at path; if a file is there
// already, it fails with an error matching fs.ErrExist and leaves the
// file as it was.
func CreateFile(path string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}
