package build

import (
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/briefing-digest/briefing/generator/render"
)

// Size is what a build wrote of one kind of file.
type Size struct {
	Kind    string // "article", "term", "feed", "search-data", "assets", …
	Files   int
	Bytes   int64
	Largest string // the path of the biggest file of the kind
	Max     int    // its size in bytes
}

// Sizes counts a build's output by kind of file, so an editor can see
// where the bytes go: a build's time follows what it writes.
type Sizes struct {
	mu    sync.Mutex
	kinds map[string]string // output path to kind, from the render plan
	by    map[string]*Size
}

func newSizes() *Sizes {
	return &Sizes{kinds: map[string]string{}, by: map[string]*Size{}}
}

// plan records the kind of every file p will render.
func (s *Sizes) plan(p *render.Plan) {
	for i := range p.Len() {
		s.kinds[p.Path(i)] = kindOf(p.Template(i), p.Path(i))
	}
}

// pages wraps out, counting each file under the kind the plan gave it.
func (s *Sizes) pages(out render.Output) render.Output {
	return s.count(func(p string) string {
		if k, ok := s.kinds[p]; ok {
			return k
		}
		return "other"
	}, out)
}

// assets wraps out, counting every file as an asset: a site's static/
// file may share a path with a rendered one (robots.txt) and replace it.
func (s *Sizes) assets(out render.Output) render.Output {
	return s.count(func(string) string { return "assets" }, out)
}

// count wraps out, adding each file it writes under kind(path).
func (s *Sizes) count(kind func(string) string, out render.Output) render.Output {
	return func(p string, data []byte) error {
		if err := out(p, data); err != nil {
			return err
		}
		s.add(kind(p), p, len(data))
		return nil
	}
}

// reused counts a page the plan has that was carried over from the
// published site rather than rendered: it is written all the same.
func (s *Sizes) reused(p string, size int) {
	k, ok := s.kinds[p]
	if !ok {
		k = "other"
	}
	s.add(k, p, size)
}

// add counts one file of size bytes at p under kind k.
func (s *Sizes) add(k, p string, size int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sz := s.by[k]
	if sz == nil {
		sz = &Size{Kind: k}
		s.by[k] = sz
	}
	sz.Files++
	sz.Bytes += int64(size)
	if size > sz.Max || sz.Largest == "" || (size == sz.Max && p < sz.Largest) {
		sz.Largest, sz.Max = p, size
	}
}

// List is every kind written, the most bytes first.
func (s *Sizes) List() []Size {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := make([]Size, 0, len(s.by))
	for _, sz := range s.by {
		list = append(list, *sz)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Bytes != list[j].Bytes {
			return list[i].Bytes > list[j].Bytes
		}
		return list[i].Kind < list[j].Kind
	})
	return list
}

// kindOf names the kind of a rendered file: its page template, or for
// files made without one, what its path says it is.
func kindOf(template, p string) string {
	switch {
	case template != "":
		return template
	case path.Base(p) == "index.xml", p == "feed.json":
		return "feed"
	case p == "sitemap.xml", strings.HasPrefix(p, "sitemap-") && path.Ext(p) == ".xml" && !strings.Contains(p, "/"):
		return "sitemap"
	case strings.HasPrefix(p, "search/") && path.Ext(p) == ".json":
		return "search-data"
	}
	return "other"
}
