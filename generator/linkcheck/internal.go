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
	files map[string]bool  // every file's path
	pages map[string]*page // the HTML files, by path
	// Most links (the menu, the footer, term links) are the same on
	// thousands of pages, so each distinct link is kept once in table
	// and pages hold its position: at 10,000 articles this keeps a few
	// megabytes where a copy per page kept hundreds.
	table []ref
	index map[ref]int32
	// fixed are links that lead to one place from any page ("/x/",
	// "https://…"), with their position in table, or -1 for links that
	// leave the site; they are resolved once.
	fixed map[string]int32
	ids   map[string]string // interns anchors, which templates repeat
}

type page struct {
	refs []int32  // positions in Site.table
	ids  []string // its anchors, sorted
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
	return &Site{base: u, files: map[string]bool{}, pages: map[string]*page{},
		index: map[ref]int32{}, fixed: map[string]int32{}, ids: map[string]string{}}, nil
}

// Add records one file of the site; an HTML file's links and anchors are
// read from data, which Add does not keep.
func (s *Site) Add(name string, data []byte) error {
	// An issue's email holds the issue page's links again, made absolute:
	// read too, each broken one would be reported twice.
	if !strings.HasSuffix(name, ".html") || path.Base(name) == "email.html" {
		s.mu.Lock()
		s.files[name] = true
		s.mu.Unlock()
		return nil
	}
	links, ids := scan(data)
	slices.Sort(links)
	links = slices.Compact(links)
	slices.Sort(ids)
	ids = slices.Compact(ids)

	p := &page{refs: make([]int32, 0, len(links)), ids: ids}
	var pageURL *url.URL
	var todo []string // links not resolved before
	s.mu.Lock()
	for _, l := range links {
		if i, ok := s.fixed[l]; ok {
			if i >= 0 {
				p.refs = append(p.refs, i)
			}
			continue
		}
		todo = append(todo, l)
	}
	s.mu.Unlock()

	type resolved struct {
		ref
		leaves, fixed bool
	}
	rs := make([]resolved, len(todo))
	for i, l := range todo {
		if pageURL == nil {
			pageURL = s.pageURL(name)
		}
		r, in := s.resolve(pageURL, l)
		rs[i] = resolved{r, !in, isFixed(l)}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range rs {
		i := int32(-1)
		if !r.leaves {
			var ok bool
			if i, ok = s.index[r.ref]; !ok {
				i = int32(len(s.table))
				s.table = append(s.table, r.ref)
				s.index[r.ref] = i
			}
			p.refs = append(p.refs, i)
		}
		if r.fixed {
			s.fixed[r.raw] = i
		}
	}
	for j, id := range p.ids {
		if v, ok := s.ids[id]; ok {
			p.ids[j] = v
		} else {
			s.ids[id] = id
		}
	}
	s.files[name] = true
	s.pages[name] = p
	return nil
}

// isFixed says whether link leads to one place from every page: it is
// root-relative or has a scheme.
func isFixed(link string) bool {
	if strings.HasPrefix(link, "/") {
		return true
	}
	i := strings.IndexAny(link, ":/?#")
	return i > 0 && link[i] == ':'
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
	// Whether a link is broken does not depend on the page it is on.
	why := make([]string, len(s.table))
	for i, r := range s.table {
		why[i] = s.broken(r)
	}
	var out []Problem
	for name, p := range s.pages {
		for _, i := range p.refs {
			if why[i] != "" {
				out = append(out, Problem{Page: name, Link: s.table[i].raw, Reason: why[i]})
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
	p := s.pages[target]
	if p == nil {
		return "" // an anchor into a feed or a stylesheet is not ours to judge
	}
	// Browsers scroll to the top for #top when no element has that id.
	if _, ok := slices.BinarySearch(p.ids, r.fragment); ok || strings.EqualFold(r.fragment, "top") {
		return ""
	}
	return fmt.Sprintf("%s has no anchor #%s", target, r.fragment)
}

// scan returns the link targets of an HTML page (a, area and link hrefs;
// img, script, source, iframe srcs) and its anchors (every id, and the
// name of a elements).
func scan(data []byte) (links, ids []string) {
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
				switch key := string(k); {
				case key == "id", key == "name" && tag == "a":
					ids = append(ids, string(v))
				case key == "href" && (tag == "a" || tag == "link" || tag == "area"),
					key == "src" && (tag == "img" || tag == "script" || tag == "source" || tag == "iframe"):
					links = append(links, string(v))
				}
			}
		}
	}
}
