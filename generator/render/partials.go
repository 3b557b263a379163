package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync"
)

// partials backs partialCached, which works as Hugo's does:
//
//	{{ partialCached "header" . .Kind .Taxonomy }}
//
// executes the partial once per render for each distinct set of
// variants (here, once per kind of page and taxonomy) and reuses the
// HTML everywhere else, whatever context later calls pass. It is for the
// parts of a page that are the same on many pages: executing templates
// is most of a build's time. The cache is emptied at the start of every
// render, so it never shows a site as it was before an edit.
type partials struct {
	html sync.Map // partialKey → template.HTML; read without locking by every worker
	// shared names the partials every page template defines alike; the
	// others are cached per page template as well.
	shared map[string]bool
}

// maxVariants bounds a key so it can be a comparable array.
const maxVariants = 4

type partialKey struct {
	kind, name string
	variants   [maxVariants]any
}

func newPartials(parsed templateSet) *partials {
	shared := map[string]bool{}
	for _, t := range parsed {
		for _, d := range t.Templates() {
			if name := d.Name(); !strings.HasSuffix(name, ".html") {
				shared[name] = sharedDefinition(parsed, name)
			}
		}
		break // every page template holds every shared definition
	}
	return &partials{shared: shared}
}

// begin starts a render.
func (c *partials) begin() {
	c.html.Clear()
}

// execute returns partial name executed with data in t, or the HTML an
// earlier call with the same variants made.
func (c *partials) execute(t *template.Template, kind, name string, data any, variants []any) (template.HTML, error) {
	if len(variants) > maxVariants {
		return "", fmt.Errorf("partialCached %q: at most %d variants, got %d", name, maxVariants, len(variants))
	}
	key := partialKey{name: name}
	if !c.shared[name] {
		key.kind = kind
	}
	for i, v := range variants {
		// A map or slice cannot key the cache; say so rather than panic.
		if v != nil && !reflect.TypeOf(v).Comparable() {
			return "", fmt.Errorf("partialCached %q: variant %d is a %T, which cannot tell calls apart; pass a name, number or single object", name, i+1, v)
		}
		key.variants[i] = v
	}
	return c.cached(key, func(buf *bytes.Buffer) error {
		if t.Lookup(name) == nil {
			return fmt.Errorf("partialCached: no template %q", name)
		}
		return t.ExecuteTemplate(buf, name, data)
	})
}

// cached returns the HTML stored under key, or what write makes, which
// is then stored: the Go that writes a built-in partial (fast.go) keeps
// its HTML where executing the template would, so either serves the other.
func (c *partials) cached(key partialKey, write func(*bytes.Buffer) error) (template.HTML, error) {
	if html, ok := c.html.Load(key); ok {
		return html.(template.HTML), nil
	}
	buf := getPiece()
	defer putPiece(buf)
	if err := write(buf); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	c.html.Store(key, html)
	return html, nil
}

// pieces are the buffers cards and partials are written in before being
// kept as strings of their own length. A new buffer for each grew from
// nothing by doubling: at 10,000 articles that was 90 MB of garbage, a
// tenth of what a build allocates.
var pieces = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getPiece() *bytes.Buffer {
	b := pieces.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// putPiece returns b to the pool, unless a site's own template made it
// big: a pool of big buffers would hold memory no card needs.
func putPiece(b *bytes.Buffer) {
	if b.Cap() <= 64<<10 {
		pieces.Put(b)
	}
}

// written is cached for the Go that writes a built-in partial, which
// cannot fail.
func (c *partials) written(key partialKey, write func(htmlw)) template.HTML {
	html, _ := c.cached(key, func(buf *bytes.Buffer) error {
		write(htmlw{buf})
		return nil
	})
	return html
}

// key is where partial name of a page of kind is kept, with variants
// that are comparable, and no more than maxVariants of them.
func (c *partials) key(kind, name string, variants ...any) partialKey {
	key := partialKey{name: name}
	copy(key.variants[:], variants)
	if !c.shared[name] {
		key.kind = kind
	}
	return key
}
