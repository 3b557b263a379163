package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/briefing-digest/briefing/generator/ingest"
)

// An address on the command line is fetched and imported as the page a
// browser would have saved: its canonical URL, or the address it came
// from, becomes url:.

const (
	// fetchTimeout bounds one page's fetch, redirects and body included.
	fetchTimeout = 30 * time.Second
	// maxRedirects is as many as a news link needs (http to https, a
	// short link, a consent page).
	maxRedirects = 5
	// userAgent says who asks, so a site can tell an import from a crawler.
	userAgent = "briefing-import/1 (+https://github.com/briefing-digest/briefing)"
)

// isAddress reports whether a command-line argument is a web address
// rather than a path.
func isAddress(arg string) bool {
	scheme, _, ok := strings.Cut(arg, "://")
	return ok && scheme != "" && !strings.ContainsAny(scheme, `/\.`)
}

// FetchClient is the HTTP client fetches use: a timeout, and redirects
// limited in number and to http and https.
var FetchClient = &http.Client{
	Timeout: fetchTimeout,
	CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("more than %d redirects", maxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirected to a %s: address, not a web page", req.URL.Scheme)
		}
		return nil
	},
}

// fetch gets the page at address for import.
func fetch(ctx context.Context, client *http.Client, address string) (Input, error) {
	u, err := url.Parse(address)
	if err != nil {
		return Input{}, fmt.Errorf("%s: not an address: %w", address, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return Input{}, fmt.Errorf("%s: only http and https addresses can be fetched", address)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Input{}, fmt.Errorf("%s: %w", address, err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8")
	resp, err := client.Do(req)
	if err != nil {
		return Input{}, fmt.Errorf("fetching %s: %w", address, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Input{}, fmt.Errorf("fetching %s: the server answered %s", address, resp.Status)
	}
	if t, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil && t != "text/html" && t != "application/xhtml+xml" && t != "text/plain" {
		return Input{}, fmt.Errorf("fetching %s: it is %s, not a web page", address, t)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, ingest.MaxSize+1))
	if err != nil {
		return Input{}, fmt.Errorf("fetching %s: %w", address, err)
	}
	if len(data) > ingest.MaxSize {
		return Input{}, errors.New(address + ": the page is over " + fmt.Sprint(ingest.MaxSize>>20) + " MB, too big for an article")
	}
	// Where the page came from, as a browser notes it in a page it saves:
	// the address a page without a canonical URL is known by, and the
	// base of its relative links.
	final := resp.Request.URL.String()
	saved := fmt.Sprintf("<!-- saved from url=(%04d)%s -->\n", len(final), final)
	return Input{Name: address, Data: append([]byte(saved), data...)}, nil
}
