package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// waitFor bounds every wait for a batch; batches normally come within
// milliseconds, so only a broken watcher gets near it.
const waitFor = 10 * time.Second

var siteNames = []string{"briefing.yaml", "content", "templates", "theme", "static"}

// newSite lays out a site with content/a.md, static/ and a public/ beside
// them; templates/ and theme/ do not exist yet.
func newSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "briefing.yaml"), "title: Test\n")
	write(t, filepath.Join(dir, "content", "a.md"), "# A\n")
	write(t, filepath.Join(dir, "static", "style.css"), "body{}\n")
	write(t, filepath.Join(dir, "public", "index.html"), "<p>old</p>\n")
	return dir
}

// logs collects what a Watcher logs; run's goroutine writes while the
// test reads.
type logs struct {
	mu    sync.Mutex
	lines []string
}

func (l *logs) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

func start(t *testing.T, dir string, opts WatchOptions) *Watcher {
	t.Helper()
	if opts.Quiet == 0 {
		opts.Quiet = 20 * time.Millisecond
	}
	w, err := Watch(dir, siteNames, opts)
	if err != nil {
		t.Fatalf("Watch: %v", err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return w
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// next waits for one batch and checks the promises every batch makes.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case batch, ok := <-w.Changes():
		if !ok {
			t.Fatal("Changes was closed")
		}
		if len(batch) == 0 {
			t.Fatal("got an empty batch")
		}
		for i, p := range batch {
			if !filepath.IsAbs(p) || filepath.Clean(p) != p {
				t.Errorf("path %q is not absolute and clean", p)
			}
			if i > 0 && batch[i-1] >= p {
				t.Errorf("batch is not sorted and de-duplicated: %q", batch)
			}
		}
		return batch
	case <-time.After(waitFor):
		t.Fatalf("no batch within %v", waitFor)
		return nil
	}
}

// collect reads batches until every wanted path has come, and returns
// everything that came and in how many batches.
func collect(t *testing.T, w *Watcher, want ...string) (got []string, batches int) {
	t.Helper()
	missing := map[string]bool{}
	for _, p := range want {
		missing[p] = true
	}
	for len(missing) > 0 {
		batch := next(t, w)
		batches++
		for _, p := range batch {
			delete(missing, p)
		}
		got = append(got, batch...)
	}
	slices.Sort(got)
	return slices.Compact(got), batches
}

// expectOnly checks that want, and nothing else, is reported: a sentinel
// written last is reported after everything written before it, so
// waiting for it catches any unwanted path too.
func expectOnly(t *testing.T, w *Watcher, dir string, want ...string) {
	t.Helper()
	sentinel := filepath.Join(dir, "content", "zz-sentinel.md")
	write(t, sentinel, time.Now().String())
	want = append(slices.Clone(want), sentinel)
	slices.Sort(want)
	got, _ := collect(t, w, want...)
	if !slices.Equal(got, want) {
		t.Errorf("reported %q\nwant      %q", got, want)
	}
}

func TestWatchEditorSaves(t *testing.T) {
	tests := []struct {
		name string
		save func(t *testing.T, dir, a string) // a is content/a.md
		want []string                          // relative to the site
	}{
		{"write in place", func(t *testing.T, dir, a string) {
			write(t, a, "# A, edited\n")
		}, []string{"content/a.md"}},
		{"swap file renamed over", func(t *testing.T, dir, a string) {
			write(t, filepath.Join(dir, "content", ".a.md.swp"), "# A, edited\n")
			must(t, os.Rename(filepath.Join(dir, "content", ".a.md.swp"), a))
		}, []string{"content/a.md"}},
		{"tmp file renamed over", func(t *testing.T, dir, a string) {
			write(t, a+".tmp", "# A, edited\n")
			must(t, os.Rename(a+".tmp", a))
		}, []string{"content/a.md"}},
		{"vim backupcopy=no", func(t *testing.T, dir, a string) {
			write(t, filepath.Join(dir, "content", ".a.md.swp"), "swap")
			write(t, filepath.Join(dir, "content", "4913"), "")
			must(t, os.Remove(filepath.Join(dir, "content", "4913")))
			must(t, os.Rename(a, a+"~"))
			write(t, a, "# A, edited\n")
			must(t, os.Remove(a+"~"))
		}, []string{"content/a.md"}},
		{"JetBrains safe write", func(t *testing.T, dir, a string) {
			write(t, a+"___jb_tmp___", "# A, edited\n")
			must(t, os.Rename(a, a+"___jb_old___"))
			must(t, os.Rename(a+"___jb_tmp___", a))
			must(t, os.Remove(a+"___jb_old___"))
		}, []string{"content/a.md"}},
		{"Emacs", func(t *testing.T, dir, a string) {
			lock := filepath.Join(dir, "content", ".#a.md")
			autosave := filepath.Join(dir, "content", "#a.md#")
			must(t, os.Symlink("me@host.1234:1700000000", lock))
			write(t, autosave, "# A, half edited\n")
			must(t, os.Rename(a, a+"~"))
			write(t, a, "# A, edited\n")
			must(t, os.Remove(autosave))
			must(t, os.Remove(lock))
		}, []string{"content/a.md"}},
		{"gedit", func(t *testing.T, dir, a string) {
			tmp := filepath.Join(dir, "content", ".goutputstream-X1Y2Z3")
			write(t, tmp, "# A, edited\n")
			must(t, os.Rename(tmp, a))
		}, []string{"content/a.md"}},
		{"sed -i", func(t *testing.T, dir, a string) {
			tmp := filepath.Join(dir, "content", "sedAb12Cd")
			write(t, tmp, "# A, edited\n")
			must(t, os.Chmod(tmp, 0o644))
			must(t, os.Rename(tmp, a))
		}, []string{"content/a.md"}},
		{"delete and recreate", func(t *testing.T, dir, a string) {
			must(t, os.Remove(a))
			write(t, a, "# A, edited\n")
		}, []string{"content/a.md"}},
		{"delete", func(t *testing.T, dir, a string) {
			must(t, os.Remove(a))
		}, []string{"content/a.md"}},
		{"rename", func(t *testing.T, dir, a string) {
			must(t, os.Rename(a, filepath.Join(dir, "content", "b.md")))
		}, []string{"content/a.md", "content/b.md"}},
		{"site config through a temp file", func(t *testing.T, dir, a string) {
			tmp := filepath.Join(dir, ".briefing.yaml.tmp")
			write(t, tmp, "title: Edited\n")
			must(t, os.Rename(tmp, filepath.Join(dir, "briefing.yaml")))
		}, []string{"briefing.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newSite(t)
			w := start(t, dir, WatchOptions{})
			tt.save(t, dir, filepath.Join(dir, "content", "a.md"))
			var want []string
			for _, rel := range tt.want {
				want = append(want, filepath.Join(dir, rel))
			}
			expectOnly(t, w, dir, want...)
		})
	}
}

func TestWatchIgnoredOnlyChangesSendNoBatch(t *testing.T) {
	dir := newSite(t)
	w := start(t, dir, WatchOptions{})
	a := filepath.Join(dir, "content", "a.md")
	write(t, a+"~", "backup")
	write(t, a+"___jb_tmp___", "temp")
	write(t, filepath.Join(dir, "content", "#a.md#"), "autosave")
	must(t, os.Chmod(a, 0o600))
	must(t, os.Chtimes(a, time.Now(), time.Now()))

	// Were a batch sent for the changes above, it would come first.
	b := filepath.Join(dir, "content", "b.md")
	write(t, b, "# B\n")
	if got := next(t, w); !slices.Equal(got, []string{b}) {
		t.Errorf("first batch is %q, want only %q", got, b)
	}
}

func TestWatchIgnoresEverythingOutsideTheRoots(t *testing.T) {
	dir := newSite(t)
	w := start(t, dir, WatchOptions{})
	write(t, filepath.Join(dir, "public", "index.html"), "<p>new</p>\n")
	write(t, filepath.Join(dir, "public", "2026", "index.html"), "<p>new</p>\n")
	write(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	write(t, filepath.Join(dir, "notes.txt"), "not a source\n")
	write(t, filepath.Join(dir, "content", ".git", "HEAD"), "ref: refs/heads/main\n")
	expectOnly(t, w, dir)
}

func TestWatchNewNestedFolder(t *testing.T) {
	dir := newSite(t)
	w := start(t, dir, WatchOptions{})
	// Written at once, x.md usually lands before the watch on b/ does.
	x := filepath.Join(dir, "content", "a", "b", "x.md")
	write(t, x, "# X\n")
	collect(t, w, x)

	y := filepath.Join(dir, "content", "a", "b", "y.md")
	write(t, y, "# Y\n")
	expectOnly(t, w, dir, y)
}

func TestWatchFolderMovedIn(t *testing.T) {
	dir := newSite(t)
	outside := filepath.Join(t.TempDir(), "batch")
	write(t, filepath.Join(outside, "y.md"), "# Y\n")
	write(t, filepath.Join(outside, "sub", "x.md"), "# X\n")
	w := start(t, dir, WatchOptions{})

	moved := filepath.Join(dir, "content", "moved")
	must(t, os.Rename(outside, moved))
	collect(t, w, moved, filepath.Join(moved, "y.md"), filepath.Join(moved, "sub", "x.md"))

	z := filepath.Join(moved, "sub", "z.md")
	write(t, z, "# Z\n")
	expectOnly(t, w, dir, z)
}

// capture keeps the fsnotify watcher that the next Watch makes, to look
// at what it watches or to feed it errors.
func capture(t *testing.T) func() *fsnotify.Watcher {
	t.Helper()
	var fw *fsnotify.Watcher
	orig := newWatcher
	newWatcher = func() (*fsnotify.Watcher, error) {
		var err error
		fw, err = orig()
		return fw, err
	}
	t.Cleanup(func() { newWatcher = orig })
	return func() *fsnotify.Watcher {
		if fw == nil {
			t.Fatal("no fsnotify watcher was made")
		}
		return fw
	}
}

func TestWatchRemovedFolder(t *testing.T) {
	dir := newSite(t)
	old := filepath.Join(dir, "content", "old")
	write(t, filepath.Join(old, "sub", "x.md"), "# X\n")
	fw := capture(t)
	list := func() []string { return fw().WatchList() }
	w := start(t, dir, WatchOptions{})
	if !slices.Contains(list(), filepath.Join(old, "sub")) {
		t.Fatalf("%s is not watched: %q", filepath.Join(old, "sub"), list())
	}

	must(t, os.RemoveAll(old))
	collect(t, w, old, filepath.Join(old, "sub", "x.md"))
	for _, p := range list() {
		if strings.HasPrefix(p, old) {
			t.Errorf("%s is still watched after it was removed", p)
		}
	}

	// The same name again is a new folder, to be watched anew.
	n := filepath.Join(old, "new.md")
	write(t, n, "# New\n")
	collect(t, w, n)
	again := filepath.Join(old, "again.md")
	write(t, again, "# Again\n")
	expectOnly(t, w, dir, again)
}

func TestWatchFolderMovedOut(t *testing.T) {
	dir := newSite(t)
	old := filepath.Join(dir, "content", "old")
	write(t, filepath.Join(old, "sub", "x.md"), "# X\n")
	fw := capture(t)
	list := func() []string { return fw().WatchList() }
	w := start(t, dir, WatchOptions{})

	outside := filepath.Join(t.TempDir(), "old")
	must(t, os.Rename(old, outside))
	collect(t, w, old)
	for _, p := range list() {
		if strings.HasPrefix(p, old) {
			t.Errorf("%s is still watched after it was moved away", p)
		}
	}
	// A watch left on sub/ would report this as content/old/sub/y.md.
	write(t, filepath.Join(outside, "sub", "y.md"), "# Y\n")
	expectOnly(t, w, dir)
}

func TestWatchRootCreatedLater(t *testing.T) {
	dir := newSite(t)
	w := start(t, dir, WatchOptions{})
	base := filepath.Join(dir, "templates", "base.html")
	write(t, base, "{{.}}")
	collect(t, w, filepath.Join(dir, "templates"), base)

	page := filepath.Join(dir, "templates", "page.html")
	write(t, page, "{{.}}")
	expectOnly(t, w, dir, page)
}

func TestWatchManyFilesComeInFewBatches(t *testing.T) {
	dir := newSite(t)
	w := start(t, dir, WatchOptions{})
	var want []string
	for i := range 500 {
		p := filepath.Join(dir, "content", fmt.Sprintf("p%03d.md", i))
		write(t, p, fmt.Sprintf("# Page %d\n", i))
		want = append(want, p)
	}
	got, batches := collect(t, w, want...)
	if !slices.Equal(got, want) {
		t.Errorf("reported %d paths, want the %d written; first extra or missing: %q", len(got), len(want), firstDiff(got, want))
	}
	if batches > 50 {
		t.Errorf("500 files came in %d batches, want a few", batches)
	}
}

func TestWatchBurstIsOneBatch(t *testing.T) {
	dir := newSite(t)
	w := start(t, dir, WatchOptions{Quiet: time.Second, MaxWait: 10 * time.Second})
	var want []string
	for i := range 5 {
		want = append(want, filepath.Join(dir, "content", fmt.Sprintf("p%d.md", i)))
	}
	// Writes 30ms apart, as a tool saving several files does: each gap is
	// far shorter than the quiet period, so they make one burst. They are
	// written while the batches are read, so that no batch waits to be
	// merged with the next.
	done := make(chan error, 1)
	go func() {
		tick := time.NewTicker(30 * time.Millisecond)
		defer tick.Stop()
		for _, p := range want {
			<-tick.C
			if err := os.WriteFile(p, []byte("# Page\n"), 0o644); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	_, batches := collect(t, w, want...)
	must(t, <-done)
	if batches != 1 {
		t.Errorf("one burst came in %d batches", batches)
	}
}

func TestWatchBusyCallerGetsOneMergedBatch(t *testing.T) {
	dir := newSite(t)
	w := start(t, dir, WatchOptions{})
	a := filepath.Join(dir, "content", "a.md")
	b := filepath.Join(dir, "content", "b.md")
	// The caller is busy rebuilding, each time long past the quiet period,
	// while one burst changes a.md and the next changes it again and b.md.
	busy := func() { time.Sleep(300 * time.Millisecond) }
	write(t, a, "# A, first edit\n")
	busy()
	write(t, a, "# A, second edit\n")
	write(t, b, "# B\n")
	busy()
	if got, want := next(t, w), []string{a, b}; !slices.Equal(got, want) {
		t.Errorf("got %q, want the two bursts merged into %q", got, want)
	}
}

func TestWatchMaxWaitEndsABurstThatNeverGoesQuiet(t *testing.T) {
	dir := newSite(t)
	w := start(t, dir, WatchOptions{Quiet: time.Second, MaxWait: 100 * time.Millisecond})
	stop := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-tick.C:
				// os.WriteFile, not write: t.Fatal is for the test's goroutine.
				_ = os.WriteFile(filepath.Join(dir, "content", "a.md"), fmt.Appendf(nil, "# A %d\n", i), 0o644)
			}
		}
	}()
	defer func() { close(stop); <-stopped }()
	// Writes every 10ms never leave the 1s quiet period needed to end the
	// burst: only MaxWait can deliver this.
	next(t, w)
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " / " + b[i]
		}
	}
	return "(at the end)"
}

func TestWatchPoll(t *testing.T) {
	orig := addWatch
	addWatch = func(*fsnotify.Watcher, string) error {
		t.Error("polling must not use fsnotify")
		return nil
	}
	t.Cleanup(func() { addWatch = orig })
	dir := newSite(t)
	w := start(t, dir, WatchOptions{Poll: 20 * time.Millisecond})
	if !w.Polling() {
		t.Error("Polling() = false with Poll set")
	}

	added := filepath.Join(dir, "content", "new.md")
	write(t, added+"~", "backup")
	write(t, filepath.Join(dir, "public", "new.html"), "<p>new</p>")
	write(t, added, "# New\n")
	if got, _ := collect(t, w, added); !slices.Equal(got, []string{added}) {
		t.Errorf("adding reported %q, want only %q", got, added)
	}

	a := filepath.Join(dir, "content", "a.md")
	write(t, a, "# A, edited at length\n")
	collect(t, w, a)

	must(t, os.Remove(a))
	collect(t, w, a)
}

// TestWatchPollSeesTimesPutBack: a save that keeps the size and is given
// its old modification time back (cp -p from a backup, rsync -a) is
// still a change when polled, as the status change time moves anyway.
func TestWatchPollSeesTimesPutBack(t *testing.T) {
	dir := newSite(t)
	a := filepath.Join(dir, "content", "a.md")
	old, err := os.Stat(a)
	must(t, err)
	w := start(t, dir, WatchOptions{Poll: 20 * time.Millisecond})
	time.Sleep(60 * time.Millisecond) // past the first polls and the clock's granularity

	write(t, a, "# B\n") // the same four bytes' length
	must(t, os.Chtimes(a, old.ModTime(), old.ModTime()))
	if got, _ := collect(t, w, a); !slices.Equal(got, []string{a}) {
		t.Errorf("reported %q, want only %q", got, a)
	}
}

func TestWatchFallsBackToPollingWhenOutOfWatches(t *testing.T) {
	orig := addWatch
	addWatch = func(*fsnotify.Watcher, string) error { return syscall.ENOSPC }
	t.Cleanup(func() { addWatch = orig })
	dir := newSite(t)
	var l logs
	w := start(t, dir, WatchOptions{Logf: l.logf})

	if !w.Polling() {
		t.Error("Polling() = false after running out of inotify watches")
	}
	if msg := l.String(); !strings.Contains(msg, "sysctl fs.inotify.max_user_watches=") || !strings.Contains(msg, "500ms") {
		t.Errorf("log does not say which limit to raise, or how often it polls:\n%s", msg)
	}
	a := filepath.Join(dir, "content", "a.md")
	write(t, a, "# A, edited at length\n")
	collect(t, w, a)
}

func TestWatchFallsBackToPollingWhenANewFolderCannotBeWatched(t *testing.T) {
	dir := newSite(t)
	full := filepath.Join(dir, "content", "full")
	orig := addWatch
	addWatch = func(fw *fsnotify.Watcher, p string) error {
		if p == full {
			return syscall.ENOSPC
		}
		return orig(fw, p)
	}
	t.Cleanup(func() { addWatch = orig })
	var l logs
	w := start(t, dir, WatchOptions{Logf: l.logf})
	if w.Polling() {
		t.Fatal("Polling() = true before any limit was reached")
	}

	x := filepath.Join(full, "x.md")
	write(t, x, "# X\n")
	// x.md may have landed unseen while switching over, so the roots
	// come instead: the caller rescans everything.
	collect(t, w, filepath.Join(dir, "content"), filepath.Join(dir, "templates"))
	if !w.Polling() {
		t.Error("Polling() = false after running out of inotify watches")
	}
	if !strings.Contains(l.String(), "max_user_watches") {
		t.Errorf("log does not name the limit:\n%s", l.String())
	}
	y := filepath.Join(full, "y.md")
	write(t, y, "# Y\n")
	collect(t, w, y)
}

func TestWatchFallsBackToPollingWhenOutOfFiles(t *testing.T) {
	orig := newWatcher
	newWatcher = func() (*fsnotify.Watcher, error) {
		return nil, fmt.Errorf("couldn't initialize inotify: %w", syscall.EMFILE)
	}
	t.Cleanup(func() { newWatcher = orig })
	dir := newSite(t)
	var l logs
	w := start(t, dir, WatchOptions{Logf: l.logf})

	if !w.Polling() {
		t.Error("Polling() = false after running out of file descriptors")
	}
	if !strings.Contains(l.String(), "ulimit -n") {
		t.Errorf("log does not say how to raise the limit:\n%s", l.String())
	}
	b := filepath.Join(dir, "content", "b.md")
	write(t, b, "# B\n")
	collect(t, w, b)
}

func TestWatchOverflowReportsTheRoots(t *testing.T) {
	fw := capture(t)
	dir := newSite(t)
	var l logs
	w := start(t, dir, WatchOptions{Logf: l.logf})

	// What inotify's reader sends when the kernel queue overflowed.
	select {
	case fw().Errors <- fsnotify.ErrEventOverflow:
	case <-time.After(waitFor):
		t.Fatal("the watcher does not read errors")
	}
	var want []string
	for _, name := range siteNames {
		want = append(want, filepath.Join(dir, name))
	}
	slices.Sort(want)
	if got := next(t, w); !slices.Equal(got, want) {
		t.Errorf("after an overflow got %q, want the roots %q", got, want)
	}
	if !strings.Contains(l.String(), "overflow") {
		t.Errorf("the overflow was not logged:\n%s", l.String())
	}
	if w.Polling() {
		t.Error("an overflow made the watcher poll")
	}
}

func TestWatchCloseClosesChanges(t *testing.T) {
	dir := newSite(t)
	w, err := Watch(dir, siteNames, WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// A batch on offer that nobody takes must not keep Close waiting.
	write(t, filepath.Join(dir, "content", "a.md"), "# A, edited\n")
	must(t, w.Close())
	must(t, w.Close())
	deadline := time.After(waitFor)
	for {
		select {
		case _, ok := <-w.Changes():
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("Changes still open after Close")
		}
	}
}

func TestWatchRejectsBadSites(t *testing.T) {
	dir := newSite(t)
	for _, tc := range []struct {
		site  string
		names []string
	}{
		{filepath.Join(dir, "missing"), siteNames},
		{filepath.Join(dir, "briefing.yaml"), siteNames},
		{dir, []string{"content/posts"}},
		{dir, []string{"../elsewhere"}},
		{dir, []string{"."}},
	} {
		if w, err := Watch(tc.site, tc.names, WatchOptions{}); err == nil {
			_ = w.Close()
			t.Errorf("Watch(%s, %q) succeeded", tc.site, tc.names)
		}
	}
}
