package rawio

import (
	"errors"
	"fmt"
)

// ErrNotRegular is returned by ReadRegular for a FIFO, a device, a socket
// or a folder: reading one would block forever or never end.
var ErrNotRegular = errors.New("not a regular file")

// ErrSymlink is returned by ReadRegular for a symbolic link: where it
// points is for the caller to judge before anything is read through it.
var ErrSymlink = errors.New("a symbolic link")

// ErrTooBig is returned by ReadRegular for a file over its limit.
var ErrTooBig = errors.New("file too big")

// SizeError is ReadRegular's error for a file over its limit; it is
// ErrTooBig to errors.Is. Size is as much of the file as was seen.
type SizeError struct {
	Path        string
	Size, Limit int64
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("%s is %d bytes, more than the %d allowed", e.Path, e.Size, e.Limit)
}

// Is makes a SizeError match ErrTooBig.
func (e *SizeError) Is(target error) bool { return target == ErrTooBig }

func tooBig(path string, size, limit int64) error {
	return &SizeError{Path: path, Size: size, Limit: limit}
}
