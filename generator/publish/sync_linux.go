package publish

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// cheapSync is set where syncTree is one system call for the whole tree.
const cheapSync = true

// syncTree flushes everything written under dir to disk. syncfs flushes
// the whole file system dir is on in one call, which costs far less than
// an fsync per file on a site of tens of thousands of pages, and covers
// the folders too.
func syncTree(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil {
		return fmt.Errorf("syncfs %s: %w", dir, err)
	}
	return nil
}
