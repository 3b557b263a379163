package serve

// This file is the server's routing: which file of the site a request
// names, and the path, host and method checks that come before.

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// internalDir holds the server's own endpoints under the base path. It
// hides a site file of the same name, which no theme ships.
const internalDir = "__briefing/"

func cleanBase(p string) string {
	p = path.Clean("/" + strings.Trim(p, "/"))
	if p != "/" {
		p += "/"
	}
	return p
}

// urlFor turns an output path into the URL a browser shows for it:
// "articles/x/index.html" becomes "/base/articles/x/".
func (s *Server) urlFor(name string) string {
	name = strings.TrimPrefix(name, "/")
	if name == "index.html" {
		name = ""
	} else if strings.HasSuffix(name, "/index.html") {
		name = strings.TrimSuffix(name, "index.html")
	}
	return (&url.URL{Path: s.base + name}).EscapedPath()
}

// ServeHTTP answers GET and HEAD for the site's files, the reload script
// and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if absoluteForm(r) {
		s.write(w, r, http.StatusBadRequest, "text/plain; charset=utf-8", []byte("briefing serve is not a proxy: request a path, not a whole URL\n"))
		return
	}
	if len(s.allow) > 0 && !s.allow[strings.ToLower(r.Host)] {
		host := r.Host
		if host == "" {
			host = "no host at all"
		}
		msg := fmt.Sprintf("briefing serve answers only to %s; this request was for %s. "+
			"Use one of those addresses, or --bind 0.0.0.0 to serve other hosts on purpose.\n",
			strings.Join(s.hosts, ", "), host)
		s.write(w, r, http.StatusForbidden, "text/plain; charset=utf-8", []byte(msg))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.write(w, r, http.StatusMethodNotAllowed, "text/plain; charset=utf-8", []byte("405 method not allowed\n"))
		return
	}

	// r.URL.Path is already decoded, so "%2e%2e" and "%5c" arrive as ".."
	// and "\". Browsers resolve dot segments before sending, so a request
	// still carrying one is crafted: refuse it rather than guess.
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if strings.ContainsAny(p, "\\\x00") || hasDotDot(p) {
		s.notFound(w, r)
		return
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	switch {
	case clean != p: // "//" or "/./": send the browser to the form relative links work from
		s.redirect(w, r, clean, http.StatusMovedPermanently)
		return
	case p == "/" && s.base != "/":
		// Temporary: a cached permanent redirect would outlive a change of base path.
		s.redirect(w, r, s.base, http.StatusFound)
		return
	case p+"/" == s.base:
		s.redirect(w, r, s.base, http.StatusMovedPermanently)
		return
	}
	rel, ok := strings.CutPrefix(p, s.base)
	if !ok {
		s.notFound(w, r)
		return
	}

	switch rel {
	case internalDir + "reload.js":
		s.write(w, r, http.StatusOK, "text/javascript; charset=utf-8", reloadJS)
		return
	case internalDir + "events":
		if !sameOrigin(r) {
			s.write(w, r, http.StatusForbidden, "text/plain; charset=utf-8", []byte("the live-reload stream is only for the preview's own pages\n"))
			return
		}
		s.events(w, r)
		return
	}

	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if body, done, ok := s.file(name); ok {
		s.serveFile(w, r, http.StatusOK, name, body)
		done()
		return
	}
	if rel != "" && !strings.HasSuffix(rel, "/") {
		if _, done, ok := s.file(rel + "/index.html"); ok {
			done()
			s.redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	s.notFound(w, r)
}

func hasDotDot(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return true
		}
	}
	return false
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if body, done, ok := s.file("404.html"); ok {
		s.serveFile(w, r, http.StatusNotFound, "404.html", body)
		done()
		return
	}
	s.write(w, r, http.StatusNotFound, "text/plain; charset=utf-8", []byte("404 page not found\n"))
}

// redirect sends to a cleaned, slash-rooted path, so the Location can never
// be read as another host ("//evil").
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to string, code int) {
	u := url.URL{Path: to, RawQuery: r.URL.RawQuery}
	w.Header().Set("Location", u.String())
	s.write(w, r, code, "text/plain; charset=utf-8", nil)
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, code int, name string, body []byte) {
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		body = s.decorate(body, s.urlFor(name))
	}
	s.write(w, r, code, ctype, body)
}

// write sends a complete response. no-store keeps the preview from ever
// showing a stale page, redirects included (a cached 301 would stick).
func (s *Server) write(w http.ResponseWriter, r *http.Request, code int, ctype string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(body) // an error means the browser went away: nothing to tell it
	}
}

// contentTypes is explicit because mime.TypeByExtension reads the
// machine's /etc/mime.types, which differs between systems.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".xml":         "application/xml", // feeds too: RSS readers accept it, browsers show it
	".xsl":         "application/xml",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".webmanifest": "application/manifest+json",
	".pdf":         "application/pdf",
	".wasm":        "application/wasm",
	".mp4":         "video/mp4",
	".webm":        "video/webm",
	".mp3":         "audio/mpeg",
}

// contentType names the type of an output file. Files without an extension
// ("CNAME", ".nojekyll") are hosting settings, shown as text.
func contentType(name string) string {
	base := path.Base(name)
	ext := strings.ToLower(path.Ext(base))
	if ext == "" || ext == "." || len(ext) == len(base) {
		return "text/plain; charset=utf-8"
	}
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
