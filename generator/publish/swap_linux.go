package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges tmp and dest in one atomic step, so a web server reading
// dest never sees it missing or half written. It returns the path that now
// holds the old site ("" when there was none).
func swap(tmp, dest string) (string, error) {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil
	case errors.Is(err, unix.ENOENT):
		return "", os.Rename(tmp, dest)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return swapByRename(tmp, dest)
	}
	return "", err
}
