package render

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/email"
)

// Output receives each rendered file: a slash-separated path relative to
// the output root, and its bytes. It is called from many goroutines at
// once, and data is only valid during the call.
type Output func(path string, data []byte) error

// Renderer renders sites with one configuration and one set of templates.
type Renderer struct {
	cfg generator.Config
	md  goldmark.Markdown
	// sets holds a copy of the templates for each render worker.
	sets []templateSet
	// own are the page kinds made with the site's own templates (see
	// parseTemplates): their pages may read anything of the site.
	own      map[string]bool
	cards    *cards
	partials *partials
	email    *email.Renderer // each issue's email edition
	analyses *analyses       // each article's words, for the search index
	// feedBodies are the JSON feed's bodies as HTML, kept between renders.
	feedBodies feedBodies
	// bufs are the render workers' output buffers, one each. They
	// outlive a render, so serve's rebuilds reuse the big ones rather than
	// allocate and clear megabytes for every save, and a build grows each
	// only to its biggest page rather than again after every collection.
	bufs []*bytes.Buffer
	// fast are the page kinds written in Go rather than by executing
	// their built-in templates (see fast.go); templatesOnly, set by
	// tests, executes the templates anyway, to compare the two.
	fast          map[string]fastPage
	goCard        map[string]bool // kinds whose cards Go writes
	goChip        map[string]bool // kinds whose chips Go writes
	templatesOnly bool
}

// New parses the templates in fsys (the site's templates/ over the
// built-in ones) and configures Markdown for cfg.
func New(cfg generator.Config, templates fs.FS) (*Renderer, error) {
	r := &Renderer{cfg: cfg, md: newMarkdown(cfg.UnsafeHTML, cfg.BasePath()), cards: newCards(), analyses: newAnalyses()}
	parsed, own, overrides, err := parseTemplates(templates, r.funcs())
	if err != nil {
		return nil, err
	}
	if r.email, err = email.Load(cfg, templates, r.md); err != nil {
		return nil, err
	}
	// The email edition is given the issue, from which its articles'
	// terms lead to the whole site: a site's own email.html may show any
	// of it. (The plain-text part is made in Go, from the issue alone.)
	if src, err := fs.ReadFile(templates, email.TemplateName); err == nil && !builtIn(email.TemplateName, src) {
		own["email"] = true
	}
	r.own = own
	// A page template may define what a card calls ("entry-text", "chip")
	// differently from the others, so its cards are its own.
	r.cards.shared = sharedDefinition(parsed, "entry") && !overrides
	r.cards.own = own
	r.partials = newPartials(parsed)
	r.fast, r.goCard, r.goChip = fastPages(parsed, templates)
	if r.sets, err = r.workerSets(parsed, workers()); err != nil {
		return nil, err
	}
	for range r.sets {
		r.bufs = append(r.bufs, new(bytes.Buffer))
	}
	return r, nil
}

// KeepCards makes r keep every card it renders between renders, for a
// renderer that renders the same site again and again, as serve's does.
func (r *Renderer) KeepCards() { r.cards.keepAll, r.analyses.keep = true, true }

// Stats counts what a render produced.
type Stats struct {
	Pages int // HTML pages
	Files int // every file, pages included
}

// job is one file of the site: where it goes, what it shows beyond the
// configuration (so Sigs can tell when it must be made again), and how
// to make it.
type job struct {
	path string
	kind string // the template of an HTML page; "" for feeds and data files
	// template names the template of a file that is not a page but is
	// made with one (an issue's email), so a rebuild after editing it
	// makes the file again.
	template string

	// At most one of entry, term, issue and group is set: the page or
	// feed is about it, or a file of search fragments shows the cards
	// and bodies of the group's articles. With none set the file draws
	// on the whole site.
	entry *generator.Entry
	term  *generator.Term
	issue *generator.Issue
	group []*generator.Entry
	// taxonomy is set for a taxonomy's list page and feed, which show
	// that taxonomy's terms (names, counts, newest dates) and no card.
	taxonomy *generator.Taxonomy
	// bodies is how many of the newest articles' bodies the file shows.
	bodies int
	// page is what the template is given, for an HTML page.
	page *Page
	// outline is set for files that show only the site's outline:
	// addresses, dates, names and counts, never an article's card.
	outline bool

	// make writes the file; nil for an HTML page, which writePage renders.
	make func(buf *bytes.Buffer, set templateSet) error
}

// aboutSite says whether the file is about no one article, term, issue,
// run of search results or taxonomy, but draws on the whole site.
func (j *job) aboutSite() bool {
	return j.entry == nil && j.term == nil && j.issue == nil && j.group == nil && j.taxonomy == nil
}

// run makes the file, turning a panic (in goldmark, say) into an error
// naming the file: in a worker goroutine it would end the whole process,
// and serve must outlive any input.
func (j *job) run(r *Renderer, buf *bytes.Buffer, set templateSet) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rendering %s failed unexpectedly: %v (please report this)", j.path, p)
		}
	}()
	if j.make == nil {
		return r.writePage(buf, set, j.page)
	}
	return j.make(buf, set)
}

// labels tag the job's samples in a CPU profile with the kind of file it
// makes (the page template, or the file's name for feeds and data), so
// "go tool pprof -tags" splits a build's time between them.
func (j *job) labels() pprof.LabelSet {
	kind := j.kind
	if kind == "" {
		kind = path.Base(j.path)
	}
	return pprof.Labels("kind", kind)
}

// Plan is every file of one site, in a fixed order.
type Plan struct {
	site    *generator.Site
	entries int // how many entries the site had when planned
	jobs    []job
	pages   int
	cards   []uint64        // card fingerprints by entry index, once Sigs or EditSigs has worked them out
	index   *searchIndex    // made afresh by each render: serve renders one plan again after an edit
	mail    *messages       // the email editions, likewise
	own     map[string]bool // the Renderer's own kinds
	// whole fingerprints every article of the site, once Sigs has
	// worked it out: what a page of the site's own templates shows.
	whole uint64
}

// Plan lists the files s renders to, without rendering any.
func (r *Renderer) Plan(s *generator.Site) *Plan {
	jobs, pages, index, mail := r.jobs(s)
	return &Plan{site: s, entries: len(s.Entries), jobs: jobs, pages: pages, index: index, mail: mail, own: r.own}
}

// Site is the site the plan renders.
func (p *Plan) Site() *generator.Site { return p.site }

// Len is the number of files in the plan.
func (p *Plan) Len() int { return len(p.jobs) }

// Path is the output path of file i.
func (p *Plan) Path(i int) string { return p.jobs[i].path }

// IsPage says whether file i is an HTML page (Stats.Pages counts them).
func (p *Plan) IsPage(i int) bool { return p.jobs[i].kind != "" }

// Template is the template file i is made with, "" if none.
func (p *Plan) Template(i int) string {
	if t := p.jobs[i].template; t != "" {
		return t
	}
	return p.jobs[i].kind
}

// Render produces every page and file of s, in parallel, handing each to
// out. It reports every template failure (each distinct one once) and
// stops early only when ctx is cancelled or out fails.
func (r *Renderer) Render(ctx context.Context, s *generator.Site, out Output) (Stats, error) {
	return r.RenderPlan(ctx, r.Plan(s), nil, out)
}

// RenderPlan renders the files of p for which only(i) is true, or all of
// them when only is nil. Stats count the files rendered.
func (r *Renderer) RenderPlan(ctx context.Context, p *Plan, only func(i int) bool, out Output) (Stats, error) {
	r.cards.begin(p)
	p.index.reset()
	p.mail.reset()
	r.partials.begin()
	var (
		mu    sync.Mutex
		errs  generator.ErrorList
		seen  = map[string]bool{}
		fatal error
		wg    sync.WaitGroup
		next  = make(chan *job)
		stats Stats
	)
	fail := func(err error, isFatal bool) {
		mu.Lock()
		defer mu.Unlock()
		if isFatal && fatal == nil {
			fatal = err
		}
		if !isFatal && !seen[err.Error()] {
			seen[err.Error()] = true
			errs.Add(err)
		}
	}
	for w, set := range r.sets {
		buf := r.bufs[w]
		wg.Go(func() {
			for j := range next {
				buf.Reset()
				var err error
				pprof.Do(ctx, j.labels(), func(context.Context) { err = j.run(r, buf, set) })
				if err != nil {
					fail(err, false)
				} else if err := out(j.path, buf.Bytes()); err != nil {
					fail(j.writeError(err), true)
				}
				if buf.Cap() > keepBuffer {
					*buf = bytes.Buffer{}
				}
			}
		})
	}
	for _, i := range p.order(only) {
		if ctx.Err() != nil {
			break
		}
		j := &p.jobs[i]
		stats.Files++
		if j.kind != "" {
			stats.Pages++
		}
		next <- j
	}
	close(next)
	wg.Wait()
	p.index.wait()
	if fatal != nil {
		return Stats{}, fatal
	}
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	return stats, errs.Err()
}

// order lists the files of p for which only(i) is true (all when only is
// nil) in the order they are handed to the workers: first the search
// fragments (whose articles' words the index takes), then the search
// index's meta.json and the other files drawn from the whole site, then
// the rest in plan order, and the search shards last. A file drawn from
// the whole site (the sitemap, home, the search index that meta.json
// builds) is one long job; handed out last, as the plan lists it, it was
// the tail of a render that every other worker had finished, and the
// shards, which wait for the index, held workers idle.
func (p *Plan) order(only func(i int) bool) []int {
	out := make([]int, 0, len(p.jobs))
	var fragments, rest, shards []int
	// Only a one-off build's fragments work out words for the index
	// (searchIndex.words); serve's index keeps its own between saves.
	early := p.index != nil && p.index.words != nil
	for i := range p.jobs {
		if only != nil && !only(i) {
			continue
		}
		j := &p.jobs[i]
		switch {
		case early && strings.HasPrefix(j.path, searchDoc):
			// A build's files of fragments work out their articles'
			// words for the index as they go: before the index.
			fragments = append(fragments, i)
		case j.path == searchMeta:
			// It builds the search index, the longest job of all, which
			// the shards wait for: first after the fragments.
			out = slices.Insert(out, 0, i)
		case strings.HasPrefix(j.path, searchShard):
			shards = append(shards, i)
		case j.aboutSite(), j.taxonomy != nil: // a taxonomy's list is long too
			out = append(out, i)
		default:
			rest = append(rest, i)
		}
	}
	return append(append(append(fragments, out...), rest...), shards...)
}

// keepBuffer is the most a worker's buffer keeps between files. The
// files drawn from the whole site come first in a render (Plan.order),
// and at 100,000 articles a sitemap part is 8 MB and the search index's
// files several more: kept, every worker held one of them to the end of
// the render, 50 MB of a 460 MB heap when the build's memory peaks. Up
// to this size serve's rebuilds still reuse what the last one grew.
const keepBuffer = 4 << 20

// workers is how many files render at once: twice as many as cores, as
// out writes to disk in a build, and while some workers wait on it the
// others keep the cores busy. On 10,000 articles this took a fifth off
// the build; four times as many gained nothing more and used more memory.
func workers() int { return 2 * runtime.GOMAXPROCS(0) }

// page returns a job that executes the template of p.Kind into path.
func (r *Renderer) page(path string, p *Page) job {
	// No closure: the job is rendered by writePage, one allocation less
	// for each of the site's pages on every plan serve makes.
	return job{path: path, kind: p.Kind, entry: p.Entry, term: p.Term, issue: p.Issue, page: p}
}

// writePage renders an HTML page with its template, or with the page
// writer that matches it byte for byte.
func (r *Renderer) writePage(buf *bytes.Buffer, set templateSet, p *Page) error {
	write := r.fast[p.Kind]
	if r.templatesOnly {
		write = nil
	}
	if p.Kind == "article" {
		// The body is read into a buffer the next page reuses: nothing
		// of the page may keep it, hence the deferred clearing.
		return p.Entry.WithBody(func(source []byte) error {
			p.source = source
			// Pages outlive their render (serve keeps the plan); their
			// bodies would hold every article's HTML until the next.
			defer func() { p.Body, p.source = "", nil }()
			// The Go page writer renders the body straight into the page
			// (writeArticleMain); a template is given it as .Body.
			if write == nil {
				body, err := r.markdown(p.Entry, source)
				if err != nil {
					return err
				}
				p.Body = body
			}
			return r.execute(write, buf, set, p)
		})
	}
	return r.execute(write, buf, set, p)
}

// execute writes p with write, its Go page writer, or with its template
// when write is nil.
func (r *Renderer) execute(write fastPage, buf *bytes.Buffer, set templateSet, p *Page) error {
	if write != nil {
		return write(r, htmlw{buf}, set, p)
	}
	if err := set[p.Kind].ExecuteTemplate(buf, p.Kind+".html", p); err != nil {
		return templateError(err)
	}
	return nil
}

// markdown renders an entry's body, source.
func (r *Renderer) markdown(e *generator.Entry, source []byte) (template.HTML, error) {
	var b bytes.Buffer
	// HTML is about a fifth longer than its Markdown; sizing the buffer
	// once saves growing it by copies.
	b.Grow(len(source) + len(source)/4 + 64)
	if err := r.markdownTo(&b, e, source); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// markdownTo writes what markdown returns to dst. Written into the page
// itself, an article's body costs neither a buffer nor a string of its
// own: at 10,000 articles those were 84 MB of a build's garbage.
func (r *Renderer) markdownTo(dst io.Writer, e *generator.Entry, source []byte) error {
	// Plain prose, most articles, needs no parse (plainmd.go).
	if b, ok := dst.(*bytes.Buffer); ok {
		taken, err := plainMarkdown(b, source, r.goldmarkTo)
		if err != nil {
			return generator.Errorf(e.File, e.BodyLine, 0, "rendering Markdown: %w", err)
		}
		if taken {
			return nil
		}
	}
	if err := r.goldmarkTo(dst, source); err != nil {
		return generator.Errorf(e.File, e.BodyLine, 0, "rendering Markdown: %w", err)
	}
	return nil
}

// goldmarkTo writes the HTML of source, a whole body or a run of its
// blocks, to dst.
func (r *Renderer) goldmarkTo(dst io.Writer, source []byte) error {
	// goldmark wraps a writer in a new bufio.Writer unless it is one.
	w := bufWriters.Get().(*bufio.Writer)
	defer bufWriters.Put(w)
	w.Reset(dst)
	err := r.md.Convert(source, w)
	if err == nil {
		err = w.Flush()
	}
	w.Reset(nil)
	return err
}

// bufWriters are the writers markdown hands goldmark, reused between articles.
var bufWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 8<<10) }}

// static returns a job that writes fixed bytes.
func static(path string, data []byte) job {
	return job{path: path, make: func(buf *bytes.Buffer, _ templateSet) error {
		buf.Write(data)
		return nil
	}}
}
