package generator

import (
	"sync"
	"time"

	"github.com/briefing-digest/briefing/internal/fphash"
)

// Metadata is what an article's front matter says about it. Field names
// follow Hugo's where Hugo has one, so content moves between the two tools.
type Metadata struct {
	Title         string    `yaml:"title"`
	Date          time.Time `yaml:"date"`
	Source        string    `yaml:"source,omitempty"`
	URL           string    `yaml:"url,omitempty"`
	License       string    `yaml:"license,omitempty"`
	Sections      []string  `yaml:"sections,omitempty"`
	Summary       string    `yaml:"summary,omitempty"`
	People        []string  `yaml:"people,omitempty"`
	Countries     []string  `yaml:"countries,omitempty"`
	Organizations []string  `yaml:"organizations,omitempty"`
	Places        []string  `yaml:"places,omitempty"`
	Event         string    `yaml:"event,omitempty"`
	Topics        []string  `yaml:"topics,omitempty"`
	Draft         bool      `yaml:"draft,omitempty"`
	// Slug overrides the one derived from the file name.
	Slug string `yaml:"slug,omitempty"`
	// Fingerprint identifies the text an article was imported from, so a
	// second import of the same text is recognised whatever was edited since.
	Fingerprint string `yaml:"fingerprint,omitempty"`
}

// Article is one content file, parsed and validated.
type Article struct {
	Metadata
	// Path is the file the article came from, relative to the site root
	// and slash-separated, so errors and output are the same on every OS.
	File string
	// Slug names the article's page: /articles/<slug>/.
	Slug string
	// SlugLine and SlugCol are where front matter gives slug:, so that a
	// slug two articles share is reported there; 0 when the slug comes
	// from the file name.
	SlugLine, SlugCol int
	// Body is the Markdown after the front matter.
	Body []byte
	// BodyLine is the 1-based line of the file where Body starts, so
	// errors found in the body can name the file's own line.
	BodyLine int
	// Unknown are front matter keys briefing does not use, for check to
	// point out: a typo ("contries") would otherwise go unnoticed.
	Unknown []*Error
	// reread, when set, gives the body back after Body was let go to
	// save memory: it appends to buf what ends with the body, its last
	// bodyLen bytes. Where it was kept is the loader's business.
	reread  func(buf []byte) ([]byte, error)
	bodyLen int
	// bodyPrint is BodyPrint of a body let go, worked out while it was
	// in memory, so fingerprinting a big site reads no file twice.
	bodyPrint uint64
}

// LetGoOfBody drops the article's body from memory; read gives it back
// when it is needed, appending to buf bytes that end with the body (the
// whole file, say). A big site's bodies would not fit in memory all at
// once, and the loader knows where to find them again.
func (a *Article) LetGoOfBody(read func(buf []byte) ([]byte, error)) {
	a.bodyPrint = fphash.Bytes(a.Body)
	a.reread, a.bodyLen = read, len(a.Body)
	a.Body = nil
}

// BodyPrint fingerprints the article's Markdown, in memory or let go.
func (a *Article) BodyPrint() uint64 {
	if a.reread != nil {
		return a.bodyPrint
	}
	return fphash.Bytes(a.Body)
}

// ReadBody returns the article's Markdown: Body, or what the loader
// gives back when the body was let go.
func (a *Article) ReadBody() ([]byte, error) {
	if a.reread == nil {
		return a.Body, nil
	}
	data, err := a.reread(nil)
	if err != nil {
		return nil, err
	}
	return data[len(data)-a.bodyLen:], nil
}

// WithBody calls use with the article's Markdown, which use must not keep:
// a body let go is read into a buffer that the next call reuses. A build
// reads each body for its page, its search words, its search snippet
// and perhaps a feed; read into new memory each time, they were more
// garbage than the rest of a large build's pages together.
func (a *Article) WithBody(use func(body []byte) error) error {
	if a.reread == nil {
		return use(a.Body)
	}
	buf := bodyBuffers.Get().(*[]byte)
	defer bodyBuffers.Put(buf)
	data, err := a.reread((*buf)[:0])
	if err != nil {
		return err
	}
	*buf = data[:0]
	err = use(data[len(data)-a.bodyLen:])
	ScrubBuffer(data)
	return err
}

// ScrubBodyBuffers, set by tests, overwrites each buffer WithBody read a
// body into once use returns (and each the loader reads a file into once
// parsed), so that anything that kept the body shows up as wrong bytes in
// the pages rendered.
var ScrubBodyBuffers bool

// ScrubBuffer overwrites b, a reused buffer done with, when
// ScrubBodyBuffers is set.
func ScrubBuffer(b []byte) {
	if ScrubBodyBuffers {
		for i := range b {
			b[i] = '#'
		}
	}
}

// bodyBuffers are the buffers WithBody reads bodies let go into.
var bodyBuffers = sync.Pool{New: func() any { return new([]byte) }}

// Terms returns the article's names in the taxonomy called name
// ("countries", "people", …); nil for a taxonomy it has no field for.
func (a *Article) Terms(name string) []string {
	switch name {
	case "countries":
		return a.Countries
	case "people":
		return a.People
	case "organizations":
		return a.Organizations
	case "places":
		return a.Places
	case "topics":
		return a.Topics
	case "sections":
		return a.Sections
	case "events":
		if a.Event == "" {
			return nil
		}
		return []string{a.Event}
	}
	return nil
}
