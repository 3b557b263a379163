package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/internal/filestat"
)

const (
	defaultQuiet   = 10 * time.Millisecond
	defaultMaxWait = time.Second
	// fallbackPoll is the interval used when inotify cannot be had; the
	// message that says so names it.
	fallbackPoll = 500 * time.Millisecond
)

// Hooks that tests replace to simulate exhausted kernel limits.
var (
	newWatcher = fsnotify.NewWatcher
	addWatch   = func(w *fsnotify.Watcher, dir string) error { return w.Add(dir) }
)

// WatchOptions tune a Watcher.
type WatchOptions struct {
	Poll    time.Duration                    // > 0: poll at this interval instead of using inotify/fsnotify
	Quiet   time.Duration                    // quiet period that ends a burst; 0 means the default, 10ms
	MaxWait time.Duration                    // a burst that never goes quiet is still delivered after this; 0 means 1s
	Logf    func(format string, args ...any) // warnings, e.g. falling back to polling; nil = discard
}

// A Watcher reports changes to a site's sources in batches. One goroutine
// owns everything below the first block of fields, so none of it is locked.
type Watcher struct {
	changes  chan []string
	done     chan struct{} // closed by Close
	exited   chan struct{} // closed when run returns
	stop     func()
	polling  atomic.Bool
	closeErr error // set by run before exited is closed

	site  string
	roots []string
	opts  WatchOptions

	fsn  *fsnotify.Watcher // nil while polling
	dirs map[string]bool   // directories fsn watches

	ticker *time.Ticker         // non-nil while polling
	files  map[string]fileState // what the last poll saw

	// pending maps each path of the current burst to whether the burst
	// created it, which tells a temporary file from one that was replaced.
	pending map[string]bool
	burst   time.Time // when the current burst began
	timer   *time.Timer
	ready   []string // a finished batch the caller has not taken yet
}

// fileState is what polling compares to see that a path changed.
type fileState struct {
	dir   bool
	size  int64
	mtime int64
	mode  fs.FileMode
	ino   uint64
	ctime int64
}

// Watch watches the site folder `site` for changes to the named entries in it
// (e.g. names = []string{"briefing.yaml", "content", "templates", "theme", "static"}):
// files directly, folders recursively, including folders and entries created later
// (a templates/ folder that does not exist yet must be picked up when created).
// Nothing else under site (public/, .git/) is watched or reported.
func Watch(site string, names []string, opts WatchOptions) (*Watcher, error) {
	site, err := filepath.Abs(site)
	if err != nil {
		return nil, fmt.Errorf("watching %s: %w", site, err)
	}
	fi, err := os.Stat(site)
	if err != nil {
		return nil, fmt.Errorf("watching the site: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("watching %s: not a folder", site)
	}
	w := &Watcher{
		changes: make(chan []string),
		done:    make(chan struct{}),
		exited:  make(chan struct{}),
		site:    site,
		opts:    opts,
		dirs:    map[string]bool{},
		pending: map[string]bool{},
		timer:   time.NewTimer(time.Hour),
	}
	w.timer.Stop()
	w.stop = sync.OnceFunc(func() { close(w.done) })
	for _, name := range names {
		// Only the site folder itself is watched for entries appearing, so
		// a root must be one of its entries.
		if !filepath.IsLocal(name) || filepath.Base(name) != filepath.Clean(name) || filepath.Clean(name) == "." {
			return nil, fmt.Errorf("watching %s: %q is not the name of an entry in the site folder", site, name)
		}
		w.roots = append(w.roots, filepath.Join(site, name))
	}
	if w.opts.Quiet <= 0 {
		w.opts.Quiet = defaultQuiet
	}
	if w.opts.MaxWait <= 0 {
		w.opts.MaxWait = defaultMaxWait
	}
	if w.opts.Logf == nil {
		w.opts.Logf = func(string, ...any) {}
	}

	if opts.Poll > 0 {
		w.startPolling(opts.Poll)
	} else if err := w.startNotify(); err != nil {
		w.fallBack(err, false)
	}
	go w.run()
	return w, nil
}

// Changes delivers batches of changed paths: absolute, cleaned, de-duplicated,
// sorted. A batch is sent after a burst of events goes quiet. A path that is a
// folder (or a removed folder) means anything under it may have changed.
// After an event overflow or an error that may have lost events, the batch
// holds the watched roots themselves (site/content, site/templates, ...) so the
// caller rescans everything. The channel is closed by Close.
func (w *Watcher) Changes() <-chan []string { return w.changes }

// Polling says whether the watcher is polling (asked for, or fallen back to).
func (w *Watcher) Polling() bool { return w.polling.Load() }

// Close stops watching and closes Changes; a batch not yet taken is dropped.
func (w *Watcher) Close() error {
	w.stop()
	<-w.exited
	return w.closeErr
}

func (w *Watcher) run() {
	defer close(w.exited)
	defer close(w.changes)
	defer func() {
		w.timer.Stop()
		if w.ticker != nil {
			w.ticker.Stop()
		}
		if w.fsn != nil {
			w.closeErr = w.fsn.Close()
		}
	}()
	for {
		var (
			events <-chan fsnotify.Event
			errs   <-chan error
			tick   <-chan time.Time
			out    chan<- []string
		)
		if w.fsn != nil {
			events, errs = w.fsn.Events, w.fsn.Errors
		}
		if w.ticker != nil {
			tick = w.ticker.C
		}
		// Offering the batch in the same select keeps events flowing while
		// the caller rebuilds; what arrives meanwhile joins the batch.
		if w.ready != nil {
			out = w.changes
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-events:
			if !ok {
				w.fallBack(errors.New("the file watcher stopped"), true)
				continue
			}
			w.event(ev)
		case err, ok := <-errs:
			if !ok {
				w.fallBack(errors.New("the file watcher stopped"), true)
				continue
			}
			w.lost(err)
		case <-tick:
			w.poll()
		case <-w.timer.C:
			w.flush()
		case out <- w.ready:
			w.ready = nil
		}
	}
}

// startNotify watches the site folder, for roots that come and go, and
// every folder under the roots.
func (w *Watcher) startNotify() error {
	fsn, err := newWatcher()
	if err != nil {
		return fmt.Errorf("starting the file watcher: %w", err)
	}
	w.fsn = fsn
	if err := addWatch(fsn, w.site); err != nil {
		return fmt.Errorf("watching %s: %w", w.site, err)
	}
	for _, root := range w.roots {
		if err := w.addTree(root, false); err != nil {
			return err
		}
	}
	return nil
}

// event handles one fsnotify event.
func (w *Watcher) event(ev fsnotify.Event) {
	p := filepath.Clean(ev.Name)
	// Chmod alone is also what inotify sends for a touched link count or
	// an editor's attribute fix-ups: nothing a build reads has changed.
	if ev.Op&^fsnotify.Chmod == 0 || !w.inScope(p) {
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.unwatch(p)
	}
	created := ev.Has(fsnotify.Create)
	if created {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			// Files may land in a new folder before it is watched
			// (mkdir -p a/b && echo > a/b/x, or a whole folder moved in),
			// so the walk reports what is already there.
			if err := w.addTree(p, true); err != nil {
				w.fallBack(err, true)
			}
		}
	}
	w.note(p, created)
}

// lost handles an error that may have cost events, an overflow above all:
// nothing is known about what changed, so the caller rescans everything.
func (w *Watcher) lost(err error) {
	w.opts.Logf("watch: %v; rescanning the whole site", err)
	for _, root := range w.roots {
		// Folders created during the loss were never watched.
		if err := w.addTree(root, false); err != nil {
			w.fallBack(err, true)
			return
		}
	}
	w.noteRoots()
}

// addTree watches dir and every folder under it, skipping what editors and
// version control leave; with report, it notes every path it finds.
func (w *Watcher) addTree(dir string, report bool) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.opts.Logf("watch: %v", err)
			}
			return nil // what vanished is reported by its own event
		}
		if p != dir && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if report {
			w.note(p, false)
		}
		if !d.IsDir() || w.dirs[p] {
			return nil
		}
		if err := addWatch(w.fsn, p); err != nil {
			if isLimit(err) {
				return fmt.Errorf("watching %s: %w", p, err)
			}
			if !errors.Is(err, fs.ErrNotExist) {
				w.opts.Logf("watch: not watching %s: %v", p, err)
			}
			return fs.SkipDir
		}
		w.dirs[p] = true
		return nil
	})
}

// unwatch drops the watches on p and the folders under it. inotify drops
// a deleted folder's watch itself, but a folder moved out of the site
// keeps its watches, which would then report paths that are not there.
func (w *Watcher) unwatch(p string) {
	if !w.dirs[p] {
		return // folders are watched top-down, so nothing below is either
	}
	prefix := p + string(filepath.Separator)
	for d := range w.dirs {
		if d == p || strings.HasPrefix(d, prefix) {
			_ = w.fsn.Remove(d) // already gone when inotify dropped it first
			delete(w.dirs, d)
		}
	}
}

// fallBack switches to polling after fsnotify failed, saying why and what
// to do about it. With rescan, the roots are reported, since changes made
// while the watches were incomplete may have been missed.
func (w *Watcher) fallBack(err error, rescan bool) {
	w.opts.Logf("%s", fallBackMessage(err))
	if w.fsn != nil {
		_ = w.fsn.Close()
		w.fsn = nil
		clear(w.dirs)
	}
	w.startPolling(fallbackPoll)
	if rescan {
		w.noteRoots()
	}
}

func fallBackMessage(err error) string {
	const polling = "polling for changes every 500ms instead"
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Sprintf("watch: out of inotify watches (%v); %s. The limit is fs.inotify.max_user_watches: "+
			"raise it with `sudo sysctl fs.inotify.max_user_watches=524288` (add it to /etc/sysctl.conf to keep it), "+
			"or pass --poll 500ms to choose polling yourself", err, polling)
	case errors.Is(err, syscall.EMFILE):
		return fmt.Sprintf("watch: too many open files (%v); %s. The limits are the open files per process "+
			"and fs.inotify.max_user_instances: raise them with `ulimit -n 4096` or "+
			"`sudo sysctl fs.inotify.max_user_instances=512`, or pass --poll 500ms", err, polling)
	case errors.Is(err, syscall.ENFILE):
		return fmt.Sprintf("watch: the system is out of open files (%v); %s. The limit is fs.file-max: "+
			"raise it with `sudo sysctl fs.file-max=1000000`, close other programs, or pass --poll 500ms", err, polling)
	}
	return fmt.Sprintf("watch: %v; %s (pass --poll 500ms to choose polling yourself)", err, polling)
}

func isLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)
}

func (w *Watcher) startPolling(every time.Duration) {
	w.files = w.scan()
	w.ticker = time.NewTicker(every)
	w.polling.Store(true)
}

// poll notes every path added, changed or removed since the last poll.
func (w *Watcher) poll() {
	files := w.scan()
	for p, now := range files {
		if was, ok := w.files[p]; !ok || was != now {
			w.note(p, false)
		}
	}
	for p := range w.files {
		if _, ok := files[p]; !ok {
			w.note(p, false)
		}
	}
	w.files = files
}

// scan records the state of every path under the roots. A folder is only
// recorded as being there: its own times change with every file added,
// and reporting it would make the caller rescan all of it.
func (w *Watcher) scan() map[string]fileState {
	files := map[string]fileState{}
	for _, root := range w.roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // missing or unreadable: reported as removed, if it was there
			}
			if p != root && ignored(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				files[p] = fileState{dir: true}
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return nil
			}
			// The inode and status change time tell a file replaced by
			// rename, or given its old times back, from one left alone
			// when size and modification time come out the same.
			st := fileState{size: fi.Size(), mtime: fi.ModTime().UnixNano(), mode: fi.Mode()}
			if ino, c, ok := filestat.Of(fi); ok {
				st.ino, st.ctime = ino, c.UnixNano()
			}
			files[p] = st
			return nil
		})
	}
	return files
}

// note adds p to the current burst and moves the burst's end: a quiet
// period from now, but never later than MaxWait after the burst began.
func (w *Watcher) note(p string, created bool) {
	now := time.Now()
	if len(w.pending) == 0 {
		w.burst = now
	}
	if _, seen := w.pending[p]; !seen {
		w.pending[p] = created
	}
	w.timer.Reset(min(w.opts.Quiet, w.burst.Add(w.opts.MaxWait).Sub(now)))
}

func (w *Watcher) noteRoots() {
	for _, root := range w.roots {
		w.note(root, false)
	}
}

// flush ends the burst, adding its paths to the batch on offer.
func (w *Watcher) flush() {
	batch := w.ready
	for p, created := range w.pending {
		if created && sedTemp(filepath.Base(p)) && !exists(p) {
			continue // sed -i's copy, renamed onto the real file
		}
		batch = append(batch, p)
	}
	clear(w.pending)
	if len(batch) == 0 {
		return
	}
	slices.Sort(batch)
	w.ready = slices.Compact(batch)
}

// inScope says whether p is a root or under one, and not in or under
// anything editors and version control leave.
func (w *Watcher) inScope(p string) bool {
	for _, root := range w.roots {
		if p == root {
			return true
		}
		rel, ok := strings.CutPrefix(p, root+string(filepath.Separator))
		if !ok {
			continue
		}
		for part := range strings.SplitSeq(rel, string(filepath.Separator)) {
			if ignored(part) {
				return false
			}
		}
		return true
	}
	return false
}

// ignored says whether a file name is an editor's temporary or backup
// file: content.Ignored's (which has Emacs' .#lock and #autosave# through
// its leading "." and "#") and JetBrains' safe-write pair.
func ignored(name string) bool {
	return content.Ignored(name) ||
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___")
}

// sedTemp says whether name could be the temporary file `sed -i` writes
// before renaming it onto the file it edits: "sed" and six random letters
// or digits. A real file could be named so, which is why flush drops only
// one that the burst created and that is gone when the burst ends.
func sedTemp(name string) bool {
	rest, ok := strings.CutPrefix(name, "sed")
	if !ok || len(rest) != 6 {
		return false
	}
	for _, c := range rest {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
