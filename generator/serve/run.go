package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"time"
)

// Rebuild brings the served site up to date with the changed files
// (absolute paths; nil means everything) and returns the output paths
// whose bytes changed. On error the site must still hold its last good
// build.
type Rebuild func(ctx context.Context, changed []string) ([]string, error)

// Options are what Run needs besides the site itself.
type Options struct {
	Site   string        // the site folder
	Watch  []string      // the entries of Site whose changes rebuild: briefing.yaml, content, …
	Poll   time.Duration // poll the files at this interval instead of asking the kernel
	Server ServerOptions
	Log    io.Writer       // progress, one line per rebuild
	Report func(err error) // prints a failed rebuild's problems, as build does
	// Ready, when set, is called once the first build is done and the
	// server is accepting requests, before any rebuild.
	Ready func()
	// Settle is how long a failure caught mid-save (a changed file empty
	// or gone) waits for the next change before it is shown; 0 means
	// defaultSettle.
	Settle time.Duration
}

// Run builds the site, serves it on ln and rebuilds it on every change
// until ctx ends. Bad input never stops it: a failed rebuild is reported
// in the terminal and in the browser, and the last good build stays.
func Run(ctx context.Context, ln net.Listener, src Source, rebuild Rebuild, opts Options) error {
	log := opts.Log
	if log == nil {
		log = io.Discard
	}
	report := opts.Report
	if report == nil {
		report = func(err error) { fmt.Fprintln(log, err) }
	}

	srv := NewServer(src, opts.Server)
	start := time.Now()
	if _, err := safely(ctx, rebuild, nil); err != nil {
		report(err)
		srv.Publish(Event{Err: err})
	} else {
		fmt.Fprintf(log, "built in %d ms\n", time.Since(start).Milliseconds())
	}

	w, err := Watch(opts.Site, opts.Watch, WatchOptions{Poll: opts.Poll, Logf: func(format string, args ...any) {
		fmt.Fprintf(log, format+"\n", args...)
	}})
	if err != nil {
		return fmt.Errorf("watching %s: %w", opts.Site, err)
	}
	defer w.Close()

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	if opts.Ready != nil {
		opts.Ready()
	}

	settle := opts.Settle
	if settle <= 0 {
		settle = defaultSettle
	}
	failing := false
	var held error                 // a failure caught mid-save, not yet shown
	var heldUntil <-chan time.Time // when it is shown, if nothing changes first
	fail := func(changed []string, err error) {
		srv.Publish(Event{Changed: changed, Err: err})
		failing = true
		report(err)
	}
	for {
		select {
		case <-heldUntil:
			fail(nil, held)
			held, heldUntil = nil, nil
		case <-ctx.Done():
			return shutdown(hs, srv)
		case err := <-served:
			srv.Close()
			return fmt.Errorf("serving: %w", err)
		case batch, ok := <-w.Changes():
			if !ok {
				return shutdown(hs, srv)
			}
			start := time.Now()
			changed, err := safely(ctx, rebuild, batch)
			if ctx.Err() != nil {
				return shutdown(hs, srv)
			}
			held, heldUntil = nil, nil
			if err != nil && midSave(err, opts.Site, batch) {
				held, heldUntil = err, time.After(settle)
				fmt.Fprintf(log, "waiting for %s to be saved whole\n", describe(opts.Site, batch))
				continue
			}
			if err != nil {
				fail(changed, err)
				continue
			}
			srv.Publish(Event{Changed: changed})
			if failing {
				fmt.Fprintln(log, "fixed: the site builds again")
				failing = false
			}
			fmt.Fprintf(log, "%s changed: %d %s updated in %d ms\n", describe(opts.Site, batch),
				len(changed), plural(len(changed), "file", "files"), time.Since(start).Milliseconds())
		}
	}
}

// safely runs rebuild, turning a panic into an error: whatever a file
// holds, the server must keep running.
func safely(ctx context.Context, rebuild Rebuild, changed []string) (out []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("rebuild failed unexpectedly: %v (please report this)", p)
		}
	}()
	return rebuild(ctx, changed)
}

// shutdown ends the event streams first: an open stream would keep
// Shutdown waiting for its full timeout.
func shutdown(hs *http.Server, srv *Server) error {
	srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("stopping the server: %w", err)
	}
	return nil
}

// describe names what changed, relative to the site, briefly.
func describe(site string, batch []string) string {
	if len(batch) == 0 {
		return "nothing"
	}
	first := batch[0]
	if rel, err := filepath.Rel(site, first); err == nil {
		first = filepath.ToSlash(rel)
	}
	if len(batch) == 1 {
		return first
	}
	return fmt.Sprintf("%s and %d more", first, len(batch)-1)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
