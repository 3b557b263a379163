//go:build !unix

package rawio

import (
	"io/fs"
	"os"
)

// ReadFile returns the contents of the file at path.
func ReadFile(path string) ([]byte, error) { return os.ReadFile(path) }

// WriteFile writes data to the file at path, creating or truncating it.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(path, data, perm)
}
