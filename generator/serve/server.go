package serve

import (
	"strings"
)

// The server's four ideas live in their own files: route.go maps a
// request to a file of the site and keeps paths and hosts honest;
// inject.go adds the reload script and the error overlay to pages;
// errtext.go turns a build error into the lines the overlay shows; and
// hub.go keeps the browsers' event streams. This file ties them together.

// Source is the built site the server shows. Paths are slash-separated,
// relative to the site root, without a leading slash: "index.html",
// "articles/x/index.html", "css/briefing.css", "404.html".
type Source interface {
	File(path string) ([]byte, bool)
}

// A Releaser is a Source that may reuse the memory of the bytes File
// returned once they are released: the server releases each file when it
// has written it.
type Releaser interface {
	Release(path string, data []byte)
}

// file returns a file of the source, and the function to call when done.
func (s *Server) file(path string) ([]byte, func(), bool) {
	body, ok := s.src.File(path)
	if !ok {
		return nil, func() {}, false
	}
	if r, isReleaser := s.src.(Releaser); isReleaser {
		return body, func() { r.Release(path, body) }, true
	}
	return body, func() {}, true
}

// Event is what one rebuild changed.
type Event struct {
	Changed []string // output paths (as Source names them) whose bytes changed, added or removed
	Err     error    // non-nil while the site has an error; the Source still holds the last good build
}

// ServerOptions configures a Server.
type ServerOptions struct {
	// BasePath is the URL path the site lives under, "/" or "/briefing/".
	// Requests outside it get 404, except "/", which redirects to it.
	BasePath string
	// Hosts lists the Host header values accepted, such as
	// "127.0.0.1:1313" and "localhost:1313", so a page on another origin
	// cannot reach the preview by DNS rebinding. Empty accepts any host.
	Hosts []string
}

// Server serves a Source over HTTP for preview: from memory, never cached,
// with a live-reload script and, while the last build failed, an overlay
// listing the errors on every page.
type Server struct {
	src   Source
	base  string          // "/" or "/x/": always leading and trailing slash
	hosts []string        // as given, for the 403 message
	allow map[string]bool // lower-cased Hosts
	hub   *hub            // the current error and the open event streams
}

// NewServer returns a Server showing src under opts.BasePath.
func NewServer(src Source, opts ServerOptions) *Server {
	s := &Server{
		src:   src,
		base:  cleanBase(opts.BasePath),
		hosts: opts.Hosts,
		allow: map[string]bool{},
		hub:   newHub(),
	}
	for _, h := range opts.Hosts {
		s.allow[strings.ToLower(h)] = true
	}
	return s
}

// Publish tells connected browsers what changed and sets the current error
// (nil clears it). It never waits for a browser.
func (s *Server) Publish(ev Event) {
	urls := make([]string, 0, len(ev.Changed))
	for _, name := range ev.Changed {
		urls = append(urls, s.urlFor(name))
	}
	s.hub.publish(urls, errorLines(ev.Err))
}

// Close ends all open event streams, so http.Server.Shutdown does not wait
// on them, and refuses new ones.
func (s *Server) Close() {
	s.hub.close()
}
