//go:build unix

package publish

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// lock is an exclusive flock on the folder that holds the destination.
// The kernel drops it when the process dies, however it dies, so a lock
// held means a run is still going and its staging folder is in use.
type lock struct {
	f    *os.File
	held bool // false where the file system has no flock (some network mounts)
}

func acquire(parent, dest string) (*lock, error) {
	f, err := os.Open(parent)
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", parent, err)
	}
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		f.Close()
		return nil, fmt.Errorf("another briefing is publishing to %s; wait for it to finish", dest)
	}
	if err != nil {
		// No flock here: publish still works, but cannot tell a killed
		// run's staging folder from a live one, so it clears none.
		return &lock{f: f}, nil
	}
	return &lock{f: f, held: true}, nil
}

func (l *lock) release() error {
	return l.f.Close() // closing the last descriptor drops the flock
}
