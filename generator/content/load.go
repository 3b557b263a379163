package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// Dir is the folder under a site's root that holds its articles.
const Dir = "content"

// Options says what Load keeps.
type Options struct {
	Drafts   bool           // keep articles marked draft: true
	Location *time.Location // for dates given without a zone
	// BodyMemory, when above 0, is how many bytes of article bodies may
	// stay in memory; past it, every body is read again from its file
	// when needed (Article.ReadBody; body.go says how).
	BodyMemory int64
	// Listed, when set, is told how many article files there are once
	// they are listed and before any is read.
	Listed func(files int)
}

// Load reads every Markdown file under siteDir/content, in parallel, and
// returns the articles sorted newest first. It reports every bad file, and
// articles that would share a page, as one generator.ErrorList; the good
// articles are returned alongside so a caller can still show them.
func Load(siteDir string, opts Options) ([]*generator.Article, error) {
	files, errs := Files(siteDir)
	if opts.Listed != nil {
		opts.Listed(len(files))
	}
	var bodies *bodyBudget
	if opts.BodyMemory > 0 {
		bodies = &bodyBudget{siteDir: siteDir, limit: opts.BodyMemory, drafts: opts.Drafts, left: make([]bool, len(files))}
	}
	articles, fileErrs := readAll(siteDir, files, opts.Location, bodies)
	bodies.finish(articles)
	kept := articles[:0]
	for i, a := range articles {
		errs.Add(fileErrs[i])
		if a != nil && fileErrs[i] == nil {
			kept = append(kept, a)
		}
	}
	kept, dups := Collect(kept, opts.Drafts)
	errs = append(errs, dups...)
	return kept, errs.Err()
}

// bodyBudget keeps every body in memory when together they fit in limit
// bytes, and otherwise leaves them all on disk to be read again when
// rendered. Keeping them held 400 MB at 100,000 articles; reading them
// again costs a file read each, which a site that fits does not pay.
//
// Bodies are let go while the files are read, from the one that goes
// over the limit on: letting go of them only once all were read made the
// whole site's text, about 500 MB of live heap at 100,000 articles, the
// peak of a build's memory.
type bodyBudget struct {
	siteDir string
	limit   int64
	drafts  bool   // drafts are kept, so their bodies count
	total   int64  // bytes of the bodies counted so far
	left    []bool // left[i]: the i-th file's body is already on disk
	mu      sync.Mutex
	over    atomic.Bool // total is past limit: every body from now on is let go
}

// full says whether every body read from now on is let go.
func (b *bodyBudget) full() bool { return b != nil && b.over.Load() }

// take counts the body of the i-th article just read and lets go of it
// when the bodies counted so far no longer fit.
func (b *bodyBudget) take(i int, a *generator.Article) {
	if b == nil || a == nil || (a.Draft && !b.drafts) {
		return // a draft left out of the site costs nothing once dropped
	}
	b.mu.Lock()
	b.total += int64(len(a.Body))
	over := b.total > b.limit
	b.mu.Unlock()
	if over {
		b.over.Store(true)
		leaveOnDisk(a, b.siteDir)
		b.left[i] = true
	}
}

// readLettingGo reads and parses the i-th file once bodies are let go
// as they are read: the file is read into a buffer the next file reuses,
// as nothing of it is kept but its body, which is let go. At 100,000
// articles a new buffer for every file was 400 MB allocated.
func (b *bodyBudget) readLettingGo(i int, siteDir, rel string, loc *time.Location) (*generator.Article, error) {
	buf := fileBuffers.Get().(*[]byte)
	data, err := appendArticle((*buf)[:0], siteDir, rel)
	if err != nil {
		return nil, err
	}
	a, err := Parse(rel, data, loc)
	if err == nil {
		b.take(i, a)
	}
	if a != nil && a.Body != nil {
		// Not let go (a draft left out of the site, or an article
		// with errors): its body must not be the next file's bytes.
		a.Body = bytes.Clone(a.Body)
	}
	generator.ScrubBuffer(data)
	if cap(data) <= 1<<20 {
		*buf = data[:0]
		fileBuffers.Put(buf)
	}
	return a, err
}

// fileBuffers are the buffers readLettingGo reads files into.
var fileBuffers = sync.Pool{New: func() any { return new([]byte) }}

// finish lets go of the bodies read before the limit was reached, once
// the whole site did not fit.
func (b *bodyBudget) finish(articles []*generator.Article) {
	if b == nil || b.total <= b.limit {
		return
	}
	for i, a := range articles {
		if a != nil && !b.left[i] && (!a.Draft || b.drafts) {
			leaveOnDisk(a, b.siteDir)
		}
	}
}

// Collect turns parsed articles into a site's: drafts dropped unless
// asked for, sorted newest first, and every pair that would share a page
// reported. Load and serve's incremental rebuild both end here, so a
// rebuild sees exactly what a build sees. It reorders articles in place.
func Collect(articles []*generator.Article, drafts bool) ([]*generator.Article, generator.ErrorList) {
	kept := articles[:0]
	for _, a := range articles {
		if drafts || !a.Draft {
			kept = append(kept, a)
		}
	}
	Sort(kept)
	return kept, duplicateSlugs(kept)
}

// ReadAll reads and parses files (as Files names them) in parallel; the
// i-th article or error is for the i-th file.
func ReadAll(siteDir string, files []string, loc *time.Location) ([]*generator.Article, []error) {
	return readAll(siteDir, files, loc, nil)
}

// readAll is ReadAll, counting each body against bodies when not nil.
func readAll(siteDir string, files []string, loc *time.Location, bodies *bodyBudget) ([]*generator.Article, []error) {
	articles := make([]*generator.Article, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	// Twice as many readers as cores, each taking the next file itself:
	// while some wait on a read the others parse. One per core, handed
	// files over a channel, loaded 10,000 articles in 270-330 ms with
	// a core idle a third of the time; this takes 230-245 ms.
	var taken atomic.Int64
	for range 2 * runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(taken.Add(1) - 1)
				if i >= len(files) {
					return
				}
				if bodies.full() {
					articles[i], errs[i] = bodies.readLettingGo(i, siteDir, files[i], loc)
					continue
				}
				articles[i], errs[i] = ReadFile(siteDir, files[i], loc)
				if errs[i] == nil {
					bodies.take(i, articles[i])
				}
			}
		})
	}
	wg.Wait()
	return articles, errs
}

// ReadFile reads and parses one article; rel is slash-separated and
// relative to siteDir, as errors name it.
func ReadFile(siteDir, rel string, loc *time.Location) (*generator.Article, error) {
	data, err := readArticle(siteDir, rel)
	if err != nil {
		return nil, err
	}
	return Parse(rel, data, loc)
}

// Files lists the article files under siteDir/content, slash-separated and
// relative to siteDir, in a stable order. Files that are not Markdown are
// reported, except the hidden and backup files editors and systems leave.
func Files(siteDir string) ([]string, generator.ErrorList) {
	var files []string
	var errs generator.ErrorList
	root := filepath.Join(siteDir, Dir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll // a site with no articles yet still builds
			}
			errs.Add(generator.Errorf(relTo(siteDir, p), 0, 0, "reading: %w", err))
			return nil
		}
		name := d.Name()
		if Ignored(name) && p != root {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p == filepath.Join(root, IssuesDir) {
				return fs.SkipDir // editions, which LoadEditions reads
			}
			return nil
		}
		rel := relTo(siteDir, p)
		if !IsMarkdown(name) {
			errs.Add(notMarkdown(rel))
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		errs.Add(fmt.Errorf("walking %s: %w", root, err))
	}
	slices.Sort(files)
	return files, errs
}

func notMarkdown(rel string) *generator.Error {
	return generator.Errorf(rel, 0, 0, "not a Markdown file: content/ holds articles (.md); put images and other files in static/")
}

// Classify says what Files makes of the file at rel (slash-separated,
// relative to the site root, under content/): an article, an error (not
// Markdown), or neither when it or a folder above it is ignored. It lets
// a rebuild handle one changed file as a full walk would.
func Classify(rel string) (article bool, err error) {
	parts := strings.Split(rel, "/")
	if len(parts) < 2 || parts[0] != Dir || IsEdition(rel) {
		return false, nil
	}
	for _, part := range parts[1:] {
		if Ignored(part) {
			return false, nil
		}
	}
	if !IsMarkdown(parts[len(parts)-1]) {
		return false, notMarkdown(rel)
	}
	return true, nil
}

// IsMarkdown says whether a file name is an article's.
func IsMarkdown(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// Ignored says whether a file is one that editors, version control and
// operating systems leave beside real content, never an article.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		name == "4913" || strings.HasPrefix(name, "_") && strings.HasSuffix(name, ".bak")
}

func relTo(base, p string) string {
	rel, err := filepath.Rel(base, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// Sort orders articles newest first; same-day articles by title, then
// path, so every build lists them the same way.
func Sort(articles []*generator.Article) {
	slices.SortStableFunc(articles, Compare)
}

// Compare is Sort's order: negative when a comes before b.
func Compare(a, b *generator.Article) int {
	return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Title, b.Title), cmp.Compare(a.File, b.File))
}

// duplicateSlugs reports articles that would be written to the same page,
// naming the other file in each message.
func duplicateSlugs(articles []*generator.Article) generator.ErrorList {
	bySlug := map[string][]*generator.Article{}
	for _, a := range articles {
		bySlug[a.Slug] = append(bySlug[a.Slug], a)
	}
	var errs generator.ErrorList
	for slug, same := range bySlug {
		if len(same) < 2 {
			continue
		}
		for _, a := range same {
			var others []string
			for _, b := range same {
				if b != a {
					others = append(others, b.File)
				}
			}
			slices.Sort(others)
			errs = append(errs, generator.Errorf(a.File, a.SlugLine, a.SlugCol, "slug %q is also the slug of %s: each article needs its own (rename a file or set slug:)", slug, strings.Join(others, ", ")))
		}
	}
	return errs
}
