package browsertest

import (
	"context"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Response is one request a tab made: what it asked for and how it ended.
type Response struct {
	URL    string
	Type   network.ResourceType // Document, Stylesheet, Script, Image, Fetch, …
	Status int64                // HTTP status; 0 when no response came
	Failed string               // why the request failed, if it did
}

// Done says whether the request has ended, with a response or a failure.
func (r Response) Done() bool { return r.Status != 0 || r.Failed != "" }

// Recorder keeps every request a tab makes, in the order they were made,
// so a test can check what a page loaded or wait for a request to happen.
type Recorder struct {
	mu      sync.Mutex
	byID    map[network.RequestID]int
	list    []Response
	changed chan struct{} // closed and replaced on every change
}

// Record starts recording the requests of the tab ctx. It turns the tab's
// cache off, so every page really requests what it uses and a status is
// the server's answer rather than 304 from revalidating a cached copy.
func Record(t testing.TB, ctx context.Context) *Recorder {
	t.Helper()
	r := &Recorder{byID: map[network.RequestID]int{}, changed: make(chan struct{})}
	if err := chromedp.Listen(ctx, r.event); err != nil {
		t.Fatalf("browser test: recording requests: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatalf("browser test: turning the cache off: %v", err)
	}
	return r
}

// event runs in the tab's message loop, so it only files the event away.
func (r *Recorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.byID[ev.RequestID] = len(r.list)
		r.list = append(r.list, Response{URL: ev.Request.URL, Type: ev.Type})
	case *network.EventResponseReceived:
		if i, ok := r.byID[ev.RequestID]; ok {
			r.list[i].Status = ev.Response.Status
			r.list[i].Type = ev.Type
		}
	case *network.EventLoadingFailed:
		if i, ok := r.byID[ev.RequestID]; ok {
			r.list[i].Failed = ev.ErrorText
			if ev.Canceled {
				r.list[i].Failed = "canceled"
			}
		}
	default:
		return
	}
	close(r.changed)
	r.changed = make(chan struct{})
}

// Responses returns a copy of every request recorded so far.
func (r *Recorder) Responses() []Response {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Response(nil), r.list...)
}

// Reset forgets the requests recorded so far, as before opening another page.
func (r *Recorder) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = nil
	clear(r.byID)
}

// Wait blocks until ok holds for the recorded requests, or ctx ends.
func (r *Recorder) Wait(ctx context.Context, ok func([]Response) bool) error {
	for {
		r.mu.Lock()
		list := append([]Response(nil), r.list...)
		changed := r.changed
		r.mu.Unlock()
		if ok(list) {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
