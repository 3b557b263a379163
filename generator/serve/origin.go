package serve

import (
	"net/http"
	"strings"
)

// absoluteForm says whether a request names its target as a whole URL
// ("GET http://host/path"), the form sent to proxies. net/http then takes
// the host from the URL and forgets the Host header, so such a request
// could name an allowed host while coming for another; no browser sends
// it to a server it does not take for a proxy.
func absoluteForm(r *http.Request) bool {
	return r.URL.IsAbs() || r.URL.Host != ""
}

// sameOrigin says whether a request's Origin, when it has one, is this
// server as the request reached it: http, the Host that passed the host
// check, no path. A page of another site that opens the live-reload
// stream (to learn which files change as the user edits) sends its own.
func sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true // not sent for same-origin requests by every browser
	}
	host, ok := strings.CutPrefix(origin, "http://")
	return ok && host != "" && !strings.Contains(host, "/") && strings.EqualFold(host, r.Host)
}
