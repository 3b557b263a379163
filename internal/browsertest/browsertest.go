// Package browsertest starts a headless Chromium for tests that need a real
// browser: the theme's look and search, and the dev server's live reload.
// A machine without a browser skips those tests, except in CI, where a
// missing browser is a failure rather than a silent pass.
package browsertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// EnvChrome names a browser binary to use instead of the first one found on PATH.
const EnvChrome = "BRIEFING_CHROME"

// names are the binaries tried, in order, when EnvChrome is not set.
var names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// ErrNoBrowser is returned by Find when no browser is installed.
var ErrNoBrowser = errors.New("no Chromium or Chrome found; install one (apt-get install -y chromium) or set " + EnvChrome)

// Find returns the browser binary to run: $BRIEFING_CHROME when set, else
// the first of chromium, chromium-browser and google-chrome on PATH.
func Find() (string, error) {
	if p := os.Getenv(EnvChrome); p != "" {
		path, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", EnvChrome, p, err)
		}
		return path, nil
	}
	for _, name := range names {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", ErrNoBrowser
}

// Flags are the command-line switches every test browser gets on top of
// chromedp's defaults. Without the network ones Chromium keeps calling
// home, which on a closed network means retries and slow, noisy tests.
func Flags() []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.Headless,
		chromedp.NoSandbox, // containers and CI runners rarely allow the sandbox
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	}
}

// New starts a headless browser with a fresh profile in t.TempDir() and
// returns the context of its first tab. The browser stops when the test
// ends. Without a browser the test is skipped, unless the CI environment
// variable is set: CI must run these tests, so there it fails instead.
// The -short flag skips browser tests too.
func New(t testing.TB) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: skipped in -short mode")
	}
	path, err := Find()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("browser test: %v (CI is set, so browser tests may not be skipped)", err)
		}
		t.Skipf("browser test: %v", err)
	}
	// Chromium now and then dies while starting on a busy machine; that
	// says nothing about the page under test, so it gets a second try.
	var last error
	for attempt := 1; attempt <= 2; attempt++ {
		ctx, stop, err := start(path, filepath.Join(t.TempDir(), "profile"), t.Logf)
		if err == nil {
			t.Cleanup(stop)
			return ctx
		}
		stop()
		t.Logf("browser test: starting %s, attempt %d: %v", path, attempt, err)
		last = err
	}
	t.Fatalf("browser test: %s would not start: %v", path, last)
	return nil
}

// start runs the browser at path with a profile in dir, reporting
// protocol errors to logf. stop closes it and removes the profile,
// whether or not the start succeeded.
func start(path, profile string, logf func(string, ...any)) (ctx context.Context, stop func(), err error) {
	output := &syncBuffer{}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], Flags()...)
	opts = append(opts,
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.CombinedOutput(output),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	// The browser's goroutines may still report while it shuts down, after
	// the test has ended, when logging to it would panic.
	var mu sync.Mutex
	stopped := false
	errorf := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			logf(format, args...)
		}
	}
	ctx, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithErrorf(errorf))
	stop = func() {
		defer func() {
			mu.Lock()
			stopped = true
			mu.Unlock()
		}()
		// A graceful close lets Chromium stop its helper processes, which
		// would otherwise write into the profile while it is removed.
		_ = chromedp.Cancel(ctx)
		cancelTab()
		cancelAlloc() // waits for the browser process to exit
		removeAll(profile)
	}
	if err := chromedp.Do(ctx); err != nil {
		return nil, stop, fmt.Errorf("%w\n%s", err, output.String())
	}
	return ctx, stop, nil
}

// Tab opens another tab in the browser of ctx (a context from New or Tab),
// closed when the test ends. Tabs of one browser may be used in parallel.
func Tab(t testing.TB, ctx context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("browser test: opening a tab: %v", err)
	}
	return tab
}

// ColorScheme makes the tab's pages match prefers-color-scheme: scheme
// ("light" or "dark"), as a reader's system setting would.
func ColorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// Media makes the tab render for a media type, such as "print"; "" restores the screen.
func Media(media string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}

// removeAll removes a browser profile, retrying while the last helper
// processes finish writing into it.
func removeAll(dir string) {
	for range 50 {
		if err := os.RemoveAll(dir); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// syncBuffer collects the browser's output, written from another goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
