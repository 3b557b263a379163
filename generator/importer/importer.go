package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/generator/extract"
	"github.com/briefing-digest/briefing/generator/ingest"
)

// Files the user may keep at the site's root to steer extraction.
const (
	TopicsFile  = "topics.yaml"
	AliasesFile = "aliases.yaml"
)

// Options are the import command's flags.
type Options struct {
	Site     string    // the site's root folder
	Date     time.Time // used when an article gives no date
	Source   string    // the outlet, overriding what the page says
	URL      string    // the original address, overriding what the page says
	License  string    // the article's licence, for front matter
	DryRun   bool      // decide and report, write nothing
	Force    bool      // re-extract and rewrite articles imported before
	Now      func() time.Time
	Location *time.Location // the site's time zone
}

// Status is what happened to one input.
type Status int

// The outcomes of importing one input.
const (
	Imported  Status = iota // a new content file
	Updated                 // an existing file rewritten because of --force
	Unchanged               // imported before; the file was left alone
	Duplicate               // the same article as an earlier input of this batch
	Failed
)

func (s Status) String() string {
	return [...]string{"imported", "updated", "unchanged", "duplicate", "failed"}[s]
}

// Outcome is the result for one input.
type Outcome struct {
	Input    string // the path given, or "-"
	File     string // the content file, relative to the site root
	Status   Status
	Warnings []string
	Err      error
	Content  []byte // the file as written (or as it would be, on a dry run)
	// Match says how an input was recognised as an article imported
	// before ("the same address", "nearly the same text (…)"), for
	// Unchanged, Duplicate and Updated.
	Match string
}

// Importer imports articles into one site. Import may be called from
// many goroutines.
type Importer struct {
	opts Options
	x    *extract.Extractor

	mu    sync.Mutex
	index *index
}

// New reads the site's existing articles (to recognise re-imports and
// reuse the names already chosen), topics.yaml and aliases.yaml.
func New(opts Options) (*Importer, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = time.UTC
	}
	idx, err := loadIndex(opts.Site, opts.Location)
	if err != nil {
		return nil, err
	}
	xopts := []extract.Option{extract.WithKnownPeople(idx.people)}
	if v, err := extract.LoadVocabulary(filepath.Join(opts.Site, TopicsFile)); err == nil {
		xopts = append(xopts, extract.WithVocabulary(v))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if a, err := extract.LoadAliases(filepath.Join(opts.Site, AliasesFile)); err == nil {
		xopts = append(xopts, extract.WithAliases(a))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return &Importer{opts: opts, x: extract.New(xopts...), index: idx}, nil
}

// Input is one raw article.
type Input struct {
	Name string // a path, or "-" for standard input
	Data []byte
}

// ImportAll imports inputs in parallel and returns their outcomes in
// input order. progress, if not nil, is called after each one.
func (im *Importer) ImportAll(ctx context.Context, inputs []Input, progress func(done int, o Outcome)) []Outcome {
	out := make([]Outcome, len(inputs))
	// Ingest and extract in parallel; place and write in input order, so
	// which of two copies counts as the duplicate does not depend on timing.
	type prepared struct {
		p   *prep
		err error
	}
	ready := make([]chan prepared, len(inputs))
	for i := range ready {
		ready[i] = make(chan prepared, 1)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				p, err := im.prepare(inputs[i])
				ready[i] <- prepared{p, err}
			}
		})
	}
	go func() {
		defer close(next)
		for i := range inputs {
			select {
			case next <- i:
			case <-ctx.Done():
				for j := i; j < len(inputs); j++ {
					ready[j] <- prepared{err: ctx.Err()}
				}
				return
			}
		}
	}()
	for i := range inputs {
		r := <-ready[i]
		if r.err != nil {
			out[i] = Outcome{Input: inputs[i].Name, Status: Failed, Err: r.err}
		} else {
			out[i] = im.place(r.p)
		}
		if progress != nil {
			progress(i+1, out[i])
		}
	}
	wg.Wait()
	return out
}

// Import imports one input.
func (im *Importer) Import(in Input) Outcome {
	p, err := im.prepare(in)
	if err != nil {
		return Outcome{Input: in.Name, Status: Failed, Err: err}
	}
	return im.place(p)
}

// prep is an article read and extracted, not yet placed.
type prep struct {
	input    string
	meta     generator.Metadata
	body     []byte
	warnings []string
	userDate bool // the date is the one the user gave (file name, --date), the article giving none
}

// prepare reads one input and works out its front matter.
func (im *Importer) prepare(in Input) (*prep, error) {
	doc, err := ingest.Parse(in.Name, in.Data)
	if err != nil {
		return nil, err
	}
	p := &prep{input: in.Name, body: []byte(doc.Body), warnings: doc.Warnings}
	m := &p.meta
	present := map[string]bool{}
	if len(doc.FrontMatter) > 0 {
		a, keys, err := content.ParsePartial(displayName(in.Name), doc.FrontMatter, im.opts.Location)
		if err != nil {
			return nil, err
		}
		*m, present, p.body = a.Metadata, keys, a.Body
	}
	fill := func(key string, dst *string, v string) {
		if !present[key] && *dst == "" {
			*dst = v
		}
	}
	fill("title", &m.Title, doc.Title)
	fill("source", &m.Source, doc.Source)
	fill("url", &m.URL, doc.URL)
	if im.opts.Source != "" {
		m.Source = im.opts.Source
	}
	if im.opts.URL != "" {
		m.URL = im.opts.URL
	}
	if im.opts.License != "" {
		m.License = im.opts.License
	}
	if !present["sections"] && len(m.Sections) == 0 {
		m.Sections = doc.Sections
	}
	if strings.TrimSpace(m.Title) == "" {
		return nil, generator.Errorf(displayName(in.Name), 0, 0, "no title found: the first line of a text file should be the headline")
	}
	nameDay, _ := dateFromName(in.Name, im.opts.Location)
	if m.Date.IsZero() {
		switch {
		case !doc.Date.IsZero():
			m.Date = doc.Date
		case !nameDay.IsZero():
			m.Date, p.userDate = nameDay, true
		case !im.opts.Date.IsZero():
			m.Date, p.userDate = im.opts.Date, true
		default:
			now := im.opts.Now().In(im.opts.Location)
			m.Date = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, im.opts.Location)
			p.warnings = append(p.warnings, "no date in the article; used today's ("+m.Date.Format("2006-01-02")+"): set it with --date or in the file")
		}
	}
	r := im.x.Extract(m.Title, string(p.body))
	fillList := func(key string, dst *[]string, v []string) {
		if !present[key] && len(*dst) == 0 {
			*dst = v
		}
	}
	fillList("people", &m.People, withoutAuthors(r.People, doc.Authors))
	if !present["people"] {
		for _, d := range r.Doubtful {
			p.warnings = append(p.warnings, fmt.Sprintf("not filed under %s, doubtful (%.0f%% sure): %q, %s; add it by hand if it is right",
				d.Kind, 100*d.Confidence, d.Name, d.Why))
		}
	}
	fillList("countries", &m.Countries, r.Countries)
	fillList("organizations", &m.Organizations, r.Organizations)
	fillList("places", &m.Places, r.Places)
	fillList("topics", &m.Topics, r.Topics)
	fill("event", &m.Event, r.Event)
	fill("summary", &m.Summary, plainSummary(r.Summary))
	if m.Fingerprint == "" {
		m.Fingerprint = Fingerprint(in.Data)
	}
	return p, nil
}

// Fingerprint identifies an input's text: the same article copied twice,
// with different line endings or trailing blanks, has the same one.
func Fingerprint(data []byte) string {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		b.WriteString(strings.TrimRight(line, " \t"))
		b.WriteByte('\n')
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(b.String())))
	return "sha256:" + hex.EncodeToString(sum[:12])
}

// place decides where a prepared article goes and writes it.
func (im *Importer) place(p *prep) Outcome {
	im.mu.Lock()
	defer im.mu.Unlock()
	o := Outcome{Input: p.input, Warnings: p.warnings}
	prev := im.index.find(p.meta.Fingerprint, p.meta.URL, string(p.body))
	if prev != nil {
		o.File, o.Match = prev.file, prev.why
		// Nothing is written for these, so what extraction warned of is moot.
		switch {
		case prev.batch:
			o.Status, o.Warnings = Duplicate, nil
			return o
		case !im.opts.Force && p.userDate && !prev.near && !sameDay(prev.date, p.meta.Date):
			// Imported again with the right date: only the date changes.
			// Another outlet's copy, given the batch's date, is no
			// correction.
			if err := im.correctDate(prev.known, p.meta.Date); err != nil {
				return Outcome{Input: p.input, File: o.File, Status: Failed, Err: err}
			}
			o.File, o.Status, o.Warnings = prev.file, Updated, nil
			o.Match += "; date corrected to " + p.meta.Date.Format("2006-01-02")
			return o
		case !im.opts.Force:
			o.Status, o.Warnings = Unchanged, nil
			return o
		}
		// --force: rewrite the same file, keeping its name and slug.
		p.meta.Slug = prev.slugOverride
		o.Status = Updated
	} else {
		o.File = im.index.freePath(p.meta)
		o.Status = Imported
	}
	o.Content = content.Format(p.meta, p.body)
	if !im.opts.DryRun {
		if err := writeAtomic(filepath.Join(im.opts.Site, filepath.FromSlash(o.File)), o.Content, o.Status == Updated); err != nil {
			return Outcome{Input: p.input, File: o.File, Status: Failed, Err: err, Warnings: p.warnings}
		}
	}
	if o.Status == Updated {
		// --force may have changed the date: the file follows it.
		prev.date = p.meta.Date
		if _, err := im.moveToYear(prev.known); err != nil {
			return Outcome{Input: p.input, File: o.File, Status: Failed, Err: err, Warnings: p.warnings}
		}
		o.File = prev.file
	}
	im.index.add(o.File, p.meta, string(p.body), true)
	return o
}

func sameDay(a, b time.Time) bool {
	return a.Format("2006-01-02") == b.Format("2006-01-02")
}

// displayName is how errors name an input.
func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// writeAtomic writes a file through a temporary file and a rename, so a
// crash never leaves half an article. Unless replace is set, an existing
// file is never overwritten: a person's file wins over an import.
func writeAtomic(file string, data []byte, replace bool) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if replace {
		return os.Rename(tmp.Name(), file)
	}
	// A hard link fails if file exists, where a rename would replace it.
	if err := os.Link(tmp.Name(), file); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; not overwriting it", file)
		}
		return err
	}
	return nil
}

// articlePath is where a new article goes: content/articles/YYYY/slug.md.
func articlePath(year int, slug string) string {
	return path.Join(content.Dir, "articles", fmt.Sprint(year), slug+".md")
}

// Extract reads one input and returns the front matter an import would
// write, without looking at or touching the site's files.
func (im *Importer) Extract(in Input) (generator.Metadata, []string, error) {
	p, err := im.prepare(in)
	if err != nil {
		return generator.Metadata{}, nil, err
	}
	return p.meta, p.warnings, nil
}

// withoutAuthors drops from people the writers the page names as its
// authors: a story is not about its reporter.
func withoutAuthors(people, authors []string) []string {
	if len(authors) == 0 {
		return people
	}
	by := map[string]bool{}
	for _, a := range authors {
		by[strings.ToLower(strings.Join(strings.Fields(a), " "))] = true
	}
	out := make([]string, 0, len(people))
	for _, p := range people {
		if !by[strings.ToLower(strings.Join(strings.Fields(p), " "))] {
			out = append(out, p)
		}
	}
	return out
}
