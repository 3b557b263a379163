package linkcheck

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// Source is an article's original address, and the file that gives it.
type Source struct {
	File string
	URL  string
}

// Dead is a source that did not answer as a live page does.
type Dead struct {
	Source
	Status int    // the final HTTP status, 0 when none came
	Final  string // the address answered from, when redirects led elsewhere
	Reason string
}

func (d Dead) String() string {
	s := fmt.Sprintf("%s: source %s: %s", d.File, d.URL, d.Reason)
	if d.Final != "" {
		s += " (redirected to " + d.Final + ")"
	}
	return s
}

// Options bound how long and how hard sources are checked.
type Options struct {
	Concurrency int           // requests at once; 8 when 0
	Timeout     time.Duration // for one address, redirects included; 10 s when 0
	Deadline    time.Duration // for all of them; 2 min when 0
	// HostGap is the least time between two requests to one host, so a
	// site of 500 articles from one outlet does not hammer it; 250 ms
	// when 0, none when negative.
	HostGap time.Duration
	// Client makes the requests; http.DefaultTransport's when nil.
	Client *http.Client
}

func (o Options) withDefaults() Options {
	o.Concurrency = cmp.Or(max(o.Concurrency, 0), 8)
	o.Timeout = cmp.Or(max(o.Timeout, 0), 10*time.Second)
	o.Deadline = cmp.Or(max(o.Deadline, 0), 2*time.Minute)
	if o.HostGap == 0 {
		o.HostGap = 250 * time.Millisecond
	}
	if o.Client == nil {
		o.Client = &http.Client{}
	}
	return o
}

// CheckSources asks every source's address whether it still answers and
// returns the ones that do not, ordered by file. An address several
// articles share is asked once. Sources still unasked when the deadline
// passes are reported as unchecked, so a slow run never passes for a
// clean one.
func CheckSources(ctx context.Context, sources []Source, opts Options) []Dead {
	opts = opts.withDefaults()
	ctx, cancel := context.WithTimeout(ctx, opts.Deadline)
	defer cancel()

	byURL := map[string][]Source{}
	var urls []string
	for _, s := range sources {
		if s.URL == "" {
			continue
		}
		if byURL[s.URL] == nil {
			urls = append(urls, s.URL)
		}
		byURL[s.URL] = append(byURL[s.URL], s)
	}
	pace := &pacer{gap: opts.HostGap, next: map[string]time.Time{}}
	results := make([]Dead, len(urls))
	alive := make([]bool, len(urls))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(opts.Concurrency, len(urls)) {
		wg.Go(func() {
			for i := range jobs {
				results[i], alive[i] = ask(ctx, opts, pace, urls[i])
			}
		})
	}
	for i := range urls {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	var out []Dead
	for i, u := range urls {
		if alive[i] {
			continue
		}
		for _, s := range byURL[u] {
			d := results[i]
			d.Source = s
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b Dead) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.URL, b.URL)) })
	return out
}

// ask requests one address: HEAD first, as it costs the server least,
// then GET when the server refuses HEAD.
func ask(ctx context.Context, opts Options, pace *pacer, raw string) (Dead, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Dead{Reason: "not a web address (http:// or https://)"}, false
	}
	if ctx.Err() != nil {
		return Dead{Reason: "not checked: " + stopped(ctx, opts)}, false
	}
	status, final, err := request(ctx, opts, pace, http.MethodHead, u)
	if err == nil && (status == http.StatusMethodNotAllowed || status == http.StatusNotImplemented) {
		status, final, err = request(ctx, opts, pace, http.MethodGet, u)
	}
	d := Dead{Status: status}
	if final != "" && final != raw {
		d.Final = final
	}
	switch {
	case err != nil && ctx.Err() != nil:
		d.Reason = "no answer before " + stopped(ctx, opts)
		return d, false
	case err != nil:
		d.Reason = describe(err, opts)
		return d, false
	case status >= 400:
		d.Reason = fmt.Sprintf("answers %d %s", status, http.StatusText(status))
		return d, false
	}
	return d, true
}

// stopped says why the whole run ended early.
func stopped(ctx context.Context, opts Options) string {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("the %s allowed for all sources ran out", opts.Deadline)
	}
	return "check was interrupted"
}

// request makes one request and returns the final status and address,
// redirects followed.
func request(ctx context.Context, opts Options, pace *pacer, method string, u *url.URL) (status int, final string, err error) {
	if err := pace.wait(ctx, u.Host); err != nil {
		return 0, "", err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), nil)
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("User-Agent", "briefing-check (a static site checking its sources)")
	resp, err := opts.Client.Do(req)
	if err != nil {
		return 0, "", err
	}
	// The body is not read: the status is the answer, and a GET of a
	// big page should not be downloaded to learn it.
	resp.Body.Close()
	return resp.StatusCode, resp.Request.URL.String(), nil
}

// describe turns a failed request into words a site's editor can act on.
func describe(err error, opts Options) string {
	var dns *net.DNSError
	var op *net.OpError
	var ue *url.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("no answer within %s", opts.Timeout)
	case errors.As(err, &dns):
		return "the host name does not resolve: " + dns.Err
	case errors.As(err, &op) && op.Op == "dial":
		return fmt.Sprintf("cannot connect: %v", op.Err)
	case errors.As(err, &ue):
		return ue.Err.Error() // the method and address are said already
	}
	return err.Error()
}

// pacer spaces requests to one host by gap.
type pacer struct {
	gap  time.Duration
	mu   sync.Mutex
	next map[string]time.Time // when a host may next be asked
}

func (p *pacer) wait(ctx context.Context, host string) error {
	if p.gap <= 0 {
		return nil
	}
	p.mu.Lock()
	now := time.Now()
	at := p.next[host]
	if at.Before(now) {
		at = now
	}
	p.next[host] = at.Add(p.gap)
	p.mu.Unlock()
	t := time.NewTimer(time.Until(at))
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
