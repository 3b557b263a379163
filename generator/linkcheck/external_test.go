package linkcheck

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// server answers on 127.0.0.1 the way sources out there do: pages that
// live, pages that are gone, a server refusing HEAD, one that moved, and
// one that never answers.
func server(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var asked []string
	mux := http.NewServeMux()
	mux.HandleFunc("/live", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/gethead", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/gone", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved-live", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/live", http.StatusFound) })
	stop := make(chan struct{})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.Method+" "+r.URL.Path)
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	release := sync.OnceFunc(func() { close(stop) })
	t.Cleanup(srv.Close)
	t.Cleanup(release) // runs first, so Close has nothing to wait for
	// The requests, sorted, once every handler has returned: a request
	// the checker gave up on may still be in its handler when the check
	// returns.
	requests := func() []string {
		release()
		srv.Close()
		mu.Lock()
		defer mu.Unlock()
		out := slices.Clone(asked)
		slices.Sort(out)
		return out
	}
	return srv, requests
}

func TestCheckSources(t *testing.T) {
	srv, asked := server(t)
	// A port that was listening and no longer is refuses connections.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/x"
	l.Close()
	sources := []Source{
		{"content/articles/live.md", srv.URL + "/live"},
		{"content/articles/gone.md", srv.URL + "/gone"},
		{"content/articles/gone-too.md", srv.URL + "/gone"},
		{"content/articles/gethead.md", srv.URL + "/gethead"},
		{"content/articles/moved.md", srv.URL + "/moved"},
		{"content/articles/moved-live.md", srv.URL + "/moved-live"},
		{"content/articles/hang.md", srv.URL + "/hang"},
		{"content/articles/closed.md", closed},
		{"content/articles/ftp.md", "ftp://example.org/x"},
		{"content/articles/none.md", ""},
	}
	dead := CheckSources(context.Background(), sources, Options{Timeout: 300 * time.Millisecond, HostGap: -1})
	got := make([]string, len(dead))
	for i, d := range dead {
		got[i] = strings.ReplaceAll(d.String(), srv.URL, "SRV")
	}
	want := []string{
		"content/articles/closed.md: source " + closed + ": cannot connect: connect: connection refused",
		"content/articles/ftp.md: source ftp://example.org/x: not a web address (http:// or https://)",
		"content/articles/gone-too.md: source SRV/gone: answers 404 Not Found",
		"content/articles/gone.md: source SRV/gone: answers 404 Not Found",
		"content/articles/hang.md: source SRV/hang: no answer within 300ms",
		"content/articles/moved.md: source SRV/moved: answers 404 Not Found (redirected to SRV/gone)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if dead[3].Status != 404 {
		t.Errorf("status of a gone page: %d", dead[3].Status)
	}
	// One request for an address two articles share, and a GET only
	// where HEAD was refused.
	wantAsked := []string{"GET /gethead", "HEAD /gethead", "HEAD /gone", "HEAD /gone", "HEAD /hang", "HEAD /live", "HEAD /live", "HEAD /moved", "HEAD /moved-live"}
	if got := asked(); !slices.Equal(got, wantAsked) {
		t.Errorf("requests: %q\nwant %q", got, wantAsked)
	}
}

// TestDeadlineEndsTheRun checks that sources which hang past the overall
// deadline are reported, not passed, and that the run does not wait for
// each one's own timeout.
func TestDeadlineEndsTheRun(t *testing.T) {
	srv, _ := server(t)
	var sources []Source
	for _, f := range []string{"a.md", "b.md", "c.md"} {
		sources = append(sources, Source{f, srv.URL + "/hang?" + f})
	}
	done := make(chan []Dead)
	go func() {
		done <- CheckSources(context.Background(), sources, Options{Concurrency: 1, Timeout: time.Hour, Deadline: 200 * time.Millisecond, HostGap: -1})
	}()
	select {
	case dead := <-done:
		if len(dead) != 3 {
			t.Fatalf("got %d dead, want 3: %v", len(dead), dead)
		}
		// The first was asked and never answered; the others never got
		// their turn.
		want := []string{"no answer before the 200ms allowed for all sources ran out",
			"not checked: the 200ms allowed for all sources ran out", "not checked: the 200ms allowed for all sources ran out"}
		for i, d := range dead {
			if d.Reason != want[i] {
				t.Errorf("%s: %q, want %q", d.File, d.Reason, want[i])
			}
		}
	case <-time.After(time.Minute):
		t.Fatal("the overall deadline did not stop sources that hang")
	}
}

// TestHostGap checks that requests to one host are spaced, however many
// may run at once.
func TestHostGap(t *testing.T) {
	var mu sync.Mutex
	var at []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, time.Now())
		mu.Unlock()
	}))
	defer srv.Close()
	var sources []Source
	for _, f := range []string{"a", "b", "c", "d"} {
		sources = append(sources, Source{f, srv.URL + "/" + f})
	}
	const gap = 200 * time.Millisecond
	if dead := CheckSources(context.Background(), sources, Options{Concurrency: 4, HostGap: gap}); len(dead) != 0 {
		t.Fatal(dead)
	}
	slices.SortFunc(at, time.Time.Compare)
	// Arrival at the server jitters a little around the spaced starts.
	if span := at[len(at)-1].Sub(at[0]); span < 3*gap-gap/2 {
		t.Errorf("4 requests to one host arrived within %s; want them %s apart", span, gap)
	}
}

// TestInterruptEndsTheRun checks that Ctrl-C (a cancelled context) ends
// the run at once and says so, rather than blaming a deadline.
func TestInterruptEndsTheRun(t *testing.T) {
	srv, _ := server(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	sources := []Source{{"a.md", srv.URL + "/hang?a"}, {"b.md", srv.URL + "/hang?b"}}
	dead := CheckSources(ctx, sources, Options{Concurrency: 1, Timeout: time.Hour, HostGap: -1})
	want := []string{"no answer before check was interrupted", "not checked: check was interrupted"}
	if len(dead) != 2 || dead[0].Reason != want[0] || dead[1].Reason != want[1] {
		t.Errorf("got %v, want reasons %q", dead, want)
	}
}
