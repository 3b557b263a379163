package publish

import (
	"sync/atomic"
	"time"
)

// A flusher hands what has been staged so far to the disk while the rest
// of the site is rendered. Commit must have every file on disk before the
// swap; left to the end, that flush of a 10,000-article site (340 MB) held
// the build for 0.4 s on this project's test machine with both cores
// idle. Flushed as the files come, most of it overlaps the rendering, and
// Commit's flush has only the last files to wait for.
type flusher struct {
	written atomic.Int64 // bytes staged since the last flush began
	stop    chan struct{}
	exited  chan struct{}
}

// flushEvery is how often the flusher looks, and flushAfter how much must
// have been staged since the last flush for it to flush again: often
// enough that little is left for Commit, seldom enough that a small site
// is flushed once, at the end.
const (
	flushEvery = 100 * time.Millisecond
	flushAfter = 16 << 20
)

// startFlushing starts s's flusher where flushing the staging folder
// early is cheap: only where one call flushes the whole file system
// (syncTree), not where it would mean an fsync of every file each time.
func (s *Staging) startFlushing() {
	if !flushWhole {
		return
	}
	f := &flusher{stop: make(chan struct{}), exited: make(chan struct{})}
	s.flush = f
	go func() {
		defer close(f.exited)
		tick := time.NewTicker(flushEvery)
		defer tick.Stop()
		for {
			select {
			case <-f.stop:
				return
			case <-tick.C:
			}
			if f.written.Load() < flushAfter {
				continue
			}
			f.written.Store(0)
			// An error here is Commit's to find: its flush covers
			// everything this one would have.
			_ = flushTree(s.tmp)
		}
	}()
}

// flushTree is syncTree, counted by a test.
var flushTree = syncTree

// staged notes n more bytes staged.
func (s *Staging) staged(n int) {
	if s.flush != nil {
		s.flush.written.Add(int64(n))
	}
}

// stopFlushing stops the flusher and waits for a flush under way.
func (s *Staging) stopFlushing() {
	if f := s.flush; f != nil {
		s.flush = nil
		close(f.stop)
		<-f.exited
	}
}
