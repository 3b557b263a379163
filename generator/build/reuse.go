package build

import (
	"sync"
	"weak"
)

// reuse lets a rebuild write a page's new version into the memory of a
// version nobody reads any more. A save in serve re-renders megabytes of
// list pages; copied into fresh memory, most of that time went to the page
// faults of memory the runtime had just handed back to the system.
//
// A version is read from the moment File hands it out until Release; a
// version replaced while being read becomes spare only when its last
// reader releases it, so no response ever has its bytes changed under it.
//
// Nothing here keeps a version alive but the spares: versions being read
// are known by weak pointers, so bytes handed out and never released are
// never reused, and once their reader drops them too the collector frees
// them (sweep forgets them). A reader that forgets Release costs its
// page's reuse, never memory held for the life of the server.
type reuse struct {
	mu      sync.Mutex
	readers map[weak.Pointer[byte]]int    // versions handed out and not yet released, by first byte
	retired map[weak.Pointer[byte]]string // replaced versions still being read, and their paths
	spare   map[string][]byte
}

func newReuse() *reuse {
	return &reuse{readers: map[weak.Pointer[byte]]int{}, retired: map[weak.Pointer[byte]]string{}, spare: map[string][]byte{}}
}

// read notes that data is being read.
func (u *reuse) read(data []byte) {
	if len(data) == 0 {
		return
	}
	k := weak.Make(&data[0])
	u.mu.Lock()
	u.readers[k]++
	u.mu.Unlock()
}

// release notes that one reader of data has finished with it.
func (u *reuse) release(data []byte) {
	if len(data) == 0 {
		return
	}
	k := weak.Make(&data[0])
	u.mu.Lock()
	defer u.mu.Unlock()
	n, ok := u.readers[k]
	if !ok {
		return // released once too often
	}
	if n > 1 {
		u.readers[k] = n - 1
		return
	}
	delete(u.readers, k)
	if p, ok := u.retired[k]; ok {
		delete(u.retired, k)
		if p != "" {
			u.spare[p] = data
		}
	}
}

// retire notes that data is no longer path's current version; p is ""
// for a path that is gone, whose memory nothing will want.
func (u *reuse) retire(p string, data []byte) {
	if len(data) == 0 {
		return
	}
	k := weak.Make(&data[0])
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.readers[k] > 0 {
		u.retired[k] = p
	} else if p != "" {
		u.spare[p] = data
	}
}

// copy returns data in memory of its own: a spare version of path when
// one is big enough, else new memory.
func (u *reuse) copy(p string, data []byte) []byte {
	u.mu.Lock()
	buf := u.spare[p]
	delete(u.spare, p)
	u.mu.Unlock()
	if cap(buf) < len(data) {
		buf = make([]byte, 0, len(data))
	}
	return append(buf[:0], data...)
}

// sweep forgets the versions the collector has freed, whose readers
// never released them, and the spares of gone, paths the site no longer
// has.
func (u *reuse) sweep(gone []string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	for k := range u.readers {
		if k.Value() == nil {
			delete(u.readers, k)
		}
	}
	for k := range u.retired {
		if k.Value() == nil {
			delete(u.retired, k)
		}
	}
	for _, p := range gone {
		delete(u.spare, p)
	}
}
