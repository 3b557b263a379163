package linkcheck

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// Problem is one internal link that a reader would find broken.
type Problem struct {
	Page   string // the page holding the link: "articles/x/index.html"
	Link   string // the link as the page writes it
	Reason string // what is wrong: "no page articles/nope/"
}

func (p Problem) String() string { return fmt.Sprintf("%s: link %q: %s", p.Page, p.Link, p.Reason) }

// Site gathers a rendered site's files and the links and anchors of its
// pages. Add may be called from many goroutines at once, as a build's
// render workers do; Problems is called once every file is in.
type Site struct {
	base *url.URL

	mu    sync.Mutex
	files map[string]bool            // every file's path
	ids   map[string]map[string]bool // an HTML page's anchors, by path
	refs  map[string][]ref           // an HTML page's links, by path
	// strs interns link text and targets: most links (the menu, the
	// footer, term links) are the same on thousands of pages.
	strs map[string]string
}

// ref is one link: as written, the file it reaches (path in the site),
// and its fragment. A link that cannot reach a file of the site carries
// its reason instead.
type ref struct {
	raw, target, fragment, reason string
}

// New returns an empty Site to be published at baseURL, whose path (such
// as /digest/) is where the site's root lives.
func New(baseURL string) (*Site, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("base URL %q: %w", baseURL, err)
	}
	if !u.IsAbs() || u.Host == "" {
		return nil, fmt.Errorf("base URL %q is not an absolute address", baseURL)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return &Site{base: u, files: map[string]bool{}, ids: map[string]map[string]bool{}, refs: map[string][]ref{}, strs: map[string]string{}}, nil
}

// Add records one file of the site; an HTML file's links and anchors are
// read from data, which Add does not keep.
func (s *Site) Add(name string, data []byte) error {
	if !strings.HasSuffix(name, ".html") {
		s.mu.Lock()
		s.files[name] = true
		s.mu.Unlock()
		return nil
	}
	links, ids := scan(data)
	page := s.pageURL(name)
	refs := make([]ref, 0, len(links))
	seen := map[string]bool{}
	for _, l := range links {
		if seen[l] {
			continue
		}
		seen[l] = true
		r, ok := s.resolve(page, l)
		if ok {
			refs = append(refs, r)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range refs {
		r := &refs[i]
		r.raw, r.target, r.fragment = s.intern(r.raw), s.intern(r.target), s.intern(r.fragment)
	}
	s.files[name] = true
	s.ids[name] = ids
	s.refs[name] = refs
	return nil
}

func (s *Site) intern(v string) string {
	if w, ok := s.strs[v]; ok {
		return w
	}
	s.strs[v] = v
	return v
}

// pageURL is where the page at name is read from: a folder's index.html
// is read as the folder, so relative links resolve from there.
func (s *Site) pageURL(name string) *url.URL {
	u := *s.base
	u.RawPath = ""
	if name == "index.html" || strings.HasSuffix(name, "/index.html") {
		name = strings.TrimSuffix(name, "index.html")
	}
	u.Path += name
	return &u
}

// resolve says where link, written on the page at page, leads. ok is
// false for links that leave the site: another host, mailto:, data: and
// the like are not this check's business.
func (s *Site) resolve(page *url.URL, link string) (r ref, ok bool) {
	r.raw = link
	u, err := page.Parse(strings.TrimSpace(link))
	if err != nil {
		r.reason = fmt.Sprintf("does not parse: %v", err)
		return r, true
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return r, false
	}
	if !strings.EqualFold(u.Host, s.base.Host) {
		return r, false
	}
	if !strings.HasPrefix(u.Path, s.base.Path) {
		// A root-relative link that forgot the base path leaves the site
		// once it is published under a path.
		r.reason = fmt.Sprintf("leaves the site's base path %s", s.base.Path)
		return r, true
	}
	r.target = strings.TrimPrefix(u.Path, s.base.Path)
	if r.target == "" || strings.HasSuffix(r.target, "/") {
		r.target += "index.html"
	}
	r.target = strings.TrimPrefix(path.Clean("/"+r.target), "/")
	r.fragment = u.Fragment
	return r, true
}

// Problems lists every broken internal link, ordered by page and link.
func (s *Site) Problems() []Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Problem
	for page, refs := range s.refs {
		for _, r := range refs {
			if why := s.broken(r); why != "" {
				out = append(out, Problem{Page: page, Link: r.raw, Reason: why})
			}
		}
	}
	slices.SortFunc(out, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Link, b.Link))
	})
	return out
}

func (s *Site) broken(r ref) string {
	if r.reason != "" {
		return r.reason
	}
	target := r.target
	if !s.files[target] {
		// A server answers /articles/x with /articles/x/, so a link that
		// drops the last slash still arrives.
		if !s.files[target+"/index.html"] {
			return "no file " + target + " in the site"
		}
		target += "/index.html"
	}
	if r.fragment == "" {
		return ""
	}
	ids, page := s.ids[target]
	if !page {
		return "" // an anchor into a feed or a stylesheet is not ours to judge
	}
	// Browsers scroll to the top for #top when no element has that id.
	if ids[r.fragment] || strings.EqualFold(r.fragment, "top") {
		return ""
	}
	return fmt.Sprintf("%s has no anchor #%s", target, r.fragment)
}

// scan returns the link targets of an HTML page (a, area and link hrefs;
// img, script, source, iframe srcs) and its anchors (every id, and the
// name of a elements).
func scan(data []byte) (links []string, ids map[string]bool) {
	ids = map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return links, ids
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := string(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				key := string(k)
				switch {
				case key == "id":
					ids[string(v)] = true
				case key == "name" && tag == "a":
					ids[string(v)] = true
				case key == "href" && (tag == "a" || tag == "link" || tag == "area"),
					key == "src" && (tag == "img" || tag == "script" || tag == "source" || tag == "iframe"):
					links = append(links, string(v))
				}
			}
		}
	}
}
