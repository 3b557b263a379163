package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sync"

	"github.com/yuin/goldmark"

	"github.com/briefing-digest/briefing/generator"
)

// Output receives each rendered file: a slash-separated path relative to
// the output root, and its bytes. It is called from many goroutines at
// once, and data is only valid during the call.
type Output func(path string, data []byte) error

// Renderer renders sites with one configuration and one set of templates.
type Renderer struct {
	cfg  generator.Config
	md   goldmark.Markdown
	tmpl templateSet
}

// New parses the templates in fsys (the site's templates/ over the
// built-in ones) and configures Markdown for cfg.
func New(cfg generator.Config, templates fs.FS) (*Renderer, error) {
	r := &Renderer{cfg: cfg, md: newMarkdown(cfg.UnsafeHTML, cfg.BasePath())}
	set, err := parseTemplates(templates, funcs(&r.cfg))
	if err != nil {
		return nil, err
	}
	r.tmpl = set
	return r, nil
}

// Stats counts what a render produced.
type Stats struct {
	Pages int // HTML pages
	Files int // every file, pages included
}

// job renders one file into buf and returns its path.
type job func(buf *bytes.Buffer) (string, error)

// Render produces every page and file of s, in parallel, handing each to
// out. It reports every template failure (each distinct one once) and
// stops early only when ctx is cancelled or out fails.
func (r *Renderer) Render(ctx context.Context, s *generator.Site, out Output) (Stats, error) {
	jobs, pages := r.jobs(s)
	var (
		mu    sync.Mutex
		errs  generator.ErrorList
		seen  = map[string]bool{}
		fatal error
		wg    sync.WaitGroup
		next  = make(chan job)
		pool  = sync.Pool{New: func() any { return new(bytes.Buffer) }}
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
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range next {
				buf := pool.Get().(*bytes.Buffer)
				buf.Reset()
				p, err := j(buf)
				if err != nil {
					fail(err, false)
				} else if err := out(p, buf.Bytes()); err != nil {
					fail(fmt.Errorf("writing %s: %w", p, err), true)
				}
				pool.Put(buf)
			}
		})
	}
	for _, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- j
	}
	close(next)
	wg.Wait()
	if fatal != nil {
		return Stats{}, fatal
	}
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	return Stats{Pages: pages, Files: len(jobs)}, errs.Err()
}

// page returns a job that executes the template of p.Kind into path.
func (r *Renderer) page(path string, p *Page) job {
	return func(buf *bytes.Buffer) (string, error) {
		if p.Kind == "article" {
			body, err := r.markdown(p.Entry)
			if err != nil {
				return path, err
			}
			p.Body = body
		}
		if err := r.tmpl[p.Kind].ExecuteTemplate(buf, p.Kind+".html", p); err != nil {
			return path, templateError(err)
		}
		return path, nil
	}
}

// markdown renders an entry's body.
func (r *Renderer) markdown(e *generator.Entry) (template.HTML, error) {
	var b bytes.Buffer
	if err := r.md.Convert(e.Body, &b); err != nil {
		return "", generator.Errorf(e.File, e.BodyLine, 0, "rendering Markdown: %w", err)
	}
	return template.HTML(b.String()), nil
}

// static returns a job that writes fixed bytes.
func static(path string, data []byte) job {
	return func(buf *bytes.Buffer) (string, error) {
		buf.Write(data)
		return path, nil
	}
}
