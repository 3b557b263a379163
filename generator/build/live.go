package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/generator/email"
	"github.com/briefing-digest/briefing/generator/render"
	"github.com/briefing-digest/briefing/generator/site"
)

// Live is a site built in memory and kept up to date file by file, for
// serve. Rebuild is given the files that changed and redoes only what
// they reach: it parses only those articles, and renders only the pages
// whose inputs changed (render.Plan.Sigs decides which; after saves of
// articles, render.Plan.EditSigs, for the files they can reach). The
// result is always what Generate would make from the same files.
//
// Rebuild must not be called concurrently; File may be called at any time
// and sees the last good build.
type Live struct {
	opts Options
	seed maphash.Seed

	mu    sync.RWMutex
	files map[string][]byte // the last good build, by output path
	reuse *reuse            // the memory of versions nobody reads any more

	// What the last rebuild knew, kept between rebuilds.
	loaded   bool // config read, templates parsed and every article read once
	cfg      generator.Config
	renderer *render.Renderer
	tmplErr  error             // the templates' errors, until they are fixed
	cfgErr   error             // briefing.yaml's positioned mistakes, until it is fixed
	waiting  plan              // asset changes held back by a failed rebuild
	gens     map[string]uint64 // bumped when a page template changes, so its pages render again
	sources  map[string]source // content files by site-relative path
	// prints are the sources' fingerprints by article, as Sigs asks for
	// them: ten thousand lookups by path cost more than by pointer. An
	// article replaced by a newer version may stay here a while.
	prints  map[*generator.Article]render.Fingerprints
	sigs    sigTable        // fingerprint of each file as last rendered
	assets  map[string]bool // output paths that are theme or static files
	good    bool            // the last rebuild succeeded, so plan and entries are current
	plan    *render.Plan
	entries map[string]*generator.Entry // the last good build's entries by file
	asm     *site.Live                  // the last good build's site, to update; nil when it must be assembled again
}

// source is one file under content/ as last read.
type source struct {
	article *generator.Article
	err     error
	prints  render.Fingerprints
}

// Change says what one Rebuild did.
type Change struct {
	Changed  []string // output paths whose bytes changed, appeared or went, sorted
	Rendered int      // files rendered or copied to find them
}

// NewLive prepares a live site; the first Rebuild builds all of it.
func NewLive(opts Options) (*Live, error) {
	abs, err := filepath.Abs(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("site folder: %w", err)
	}
	opts.Source = abs
	return &Live{opts: opts, seed: maphash.MakeSeed(), files: map[string][]byte{}, reuse: newReuse()}, nil
}

// File returns an output file of the last good build.
//
// The bytes stay as they are until Release(p, data): a rebuild may reuse
// the memory of a version nobody reads.
func (l *Live) File(p string) ([]byte, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	data, ok := l.files[p]
	if ok {
		l.reuse.read(data)
	}
	return data, ok
}

// Release says that bytes File returned are no longer read, so their
// memory may hold a later version of the page.
func (l *Live) Release(p string, data []byte) { l.reuse.release(data) }

// Paths lists every output file of the last good build, sorted.
func (l *Live) Paths() []string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	paths := make([]string, 0, len(l.files))
	for p := range l.files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// Rebuild brings the site up to date with the files named in changed
// (absolute, or relative to the site folder; a folder stands for
// everything in it). With changed nil, or before the first successful
// load, everything is read again. On error the last good build stays in
// place and the error lists every problem, as build would.
func (l *Live) Rebuild(ctx context.Context, changed []string) (change Change, err error) {
	wasGood := l.good
	l.good = false
	defer func() { l.good = err == nil }()
	work, err := l.classify(changed)
	if err != nil {
		return Change{}, err
	}
	// Changed assets are copied only into a good build; until then they wait.
	work.assets = append(work.assets, l.waiting.assets...)
	work.allAssets = work.allAssets || l.waiting.allAssets
	l.waiting = plan{}
	defer func() {
		if err != nil {
			l.waiting = plan{assets: work.assets, allAssets: work.allAssets || work.all}
		}
	}()
	if !l.loaded || work.config {
		if err := l.load(); err != nil {
			return Change{}, err
		}
		work.all = true
	}
	var before map[string]source
	if wasGood {
		before = l.current(work.content)
	}
	l.refreshContent(work)
	if work.all || len(work.templates) > 0 {
		l.refreshTemplates(work)
	}
	// Saves of articles are applied to the site as it stands, and only
	// the files they reach are fingerprinted; anything else assembles
	// the site again and fingerprints every file.
	s, edits, err := l.reassemble(work, before)
	if err != nil {
		return Change{}, err
	}
	updated := s != nil // the same entries, some moved, added or removed
	if s == nil {
		if s, err = l.assemble(); err != nil {
			return Change{}, err
		}
	}
	var p *render.Plan
	if updated && edits != nil && l.plan != nil && l.plan.Site() == s && l.renderer.Patch(l.plan, *edits) {
		p = l.plan // its files are the same ones, some with new pages
	} else {
		p = l.renderer.Plan(s)
	}
	if updated {
		// The search index is the longest job: it starts now, while the
		// fingerprints are worked out.
		p.StartIndex()
	}

	st := &staged{files: map[string][]byte{}, reuse: l.reuse}
	prints := func(a *generator.Article) render.Fingerprints {
		if fp, ok := l.prints[a]; ok {
			return fp
		}
		return l.sources[a.File].prints
	}
	// Hashed together, not mixed by XOR: two generations and two
	// fingerprints must not cancel out.
	withGen := func(i int, sig uint64) uint64 {
		return maphash.Comparable(l.seed, [2]uint64{sig, l.gens[p.Template(i)]})
	}
	var sigs []uint64
	var stale []bool
	var left []string
	if edits != nil {
		var known []render.Known
		sigs, known = p.EditSigs(prints, *edits, l.plan)
		for i, k := range known {
			if k == render.Computed {
				sigs[i] = withGen(i, sigs[i])
			}
		}
		stale, left = l.sigs.carry(p.Len(), p.Path, sigs, known)
	} else {
		sigs = p.Sigs(prints)
		for i := range sigs {
			sigs[i] = withGen(i, sigs[i])
		}
		stale, left = l.sigs.compare(p.Len(), p.Path, sigs, work.all)
	}
	stats, err := l.renderer.RenderPlan(ctx, p, func(i int) bool { return stale[i] }, st.out)
	if err != nil {
		return Change{}, err
	}

	assets, gone, err := l.refreshAssets(work, st.out)
	if err != nil {
		return Change{}, err
	}
	for _, old := range left {
		if !l.assets[old] {
			gone = append(gone, old)
		}
	}

	change.Rendered = stats.Files + assets
	change.Changed = l.publish(st, gone)
	l.sigs.replace(p.Len(), p.Path, sigs, left)
	if p != l.plan && (l.plan == nil || p.Site() != l.plan.Site()) {
		// A site assembled anew: its entries are new objects.
		s := p.Site()
		l.entries = make(map[string]*generator.Entry, len(s.Entries))
		for _, e := range s.Entries {
			l.entries[e.File] = e
		}
	}
	l.plan = p

	return change, nil
}

// assemble assembles the site again from every article, and keeps it
// for reassemble.
func (l *Live) assemble() (*generator.Site, error) {
	l.asm = nil
	var errs generator.ErrorList
	errs.Add(l.cfgErr)
	var articles []*generator.Article
	for _, src := range l.sources {
		errs.Add(src.err)
		if src.article != nil {
			articles = append(articles, src.article)
		}
	}
	articles, dups := content.Collect(articles, l.opts.Drafts)
	errs = append(errs, dups...)
	errs.Add(l.tmplErr)
	var asm *site.Live
	s, err := assemble(l.opts, errs, func(o site.Options) (*generator.Site, error) {
		var err error
		asm, err = site.NewLive(l.cfg, articles, o)
		return asm.Site(), err
	})
	errs.Add(err)
	if err = errs.Err(); err == nil {
		l.asm = asm
	}
	return s, err
}

// reassemble updates the last good site with the articles that changed,
// came or went, when nothing else changed: a new date, new names or a new
// title move an article among the site's weeks, terms and lists
// (site.Live.Replace), and an article is filed or taken out as the whole
// site's assembly would have (Insert, Remove). It returns a nil site when
// the site must be assembled again from every article, and nil edits when
// the saves added or removed a week or changed the newest, which every
// term's timeline and every issue's number show: every file is
// fingerprinted then.
func (l *Live) reassemble(w plan, before map[string]source) (*generator.Site, *render.Edits, error) {
	if l.asm == nil || before == nil || !w.articlesOnly() || l.cfgErr != nil || l.tmplErr != nil {
		return nil, nil, nil
	}
	for _, p := range w.content {
		old, now := before[p], l.sources[p]
		if now.err != nil || old.article == nil && now.article == nil {
			return nil, nil, nil
		}
	}
	asm := l.asm
	l.asm = nil // until it is up to date
	s := asm.Site()
	entries, issues, newest := slices.Clone(s.Entries), slices.Clone(s.Issues), latest(s)
	var list []render.Edit
	var weeks []time.Time // the weeks the edited articles left
	var err error
	added, removed := false, false
	for _, p := range w.content {
		old, now := before[p], l.sources[p]
		if old.prints == now.prints && old.article != nil && now.article != nil {
			continue
		}
		ed := render.Edit{Card: old.prints.Meta != now.prints.Meta, Body: old.prints.Body != now.prints.Body, Refiled: true}
		var ok bool
		// Each change checks every edition again, so the last one's error
		// is the whole site's.
		switch e := l.entries[p]; {
		case old.article == nil:
			if ok, err = asm.Insert(now.article); ok {
				added = true
				e = asm.Entry(p)
				ed.Entry, ed.Was, ed.Card, ed.Body = e, e.Index, true, true
				l.entries[p] = e
				weeks = append(weeks, e.Issue.Start)
			}
		case e == nil:
			// A draft the site leaves out, or leaves out no more.
		case now.article == nil:
			ed.Entry, ed.Was, ed.Terms, ed.Card, ed.Body = e, e.Index, allTerms(e), true, true
			weeks = append(weeks, e.Issue.Start)
			var gone *generator.Entry
			gone, err = asm.Remove(p)
			if ok = gone != nil; ok {
				removed = true
				delete(l.entries, p)
			}
		default:
			ed.Entry, ed.Was, ed.Terms = e, e.Index, allTerms(e)
			weeks = append(weeks, e.Issue.Start)
			ok, err = asm.Replace(now.article)
			ed.Refiled = !samePlace(old.article, now.article, l.cfg.Taxonomies) || e.Index != ed.Was
		}
		if !ok {
			return nil, nil, nil
		}
		list = append(list, ed)
	}
	if err != nil {
		return nil, nil, err
	}
	l.asm = asm
	// An article added and another removed leave as many entries as
	// before but not the same ones, and the removed one's place is no
	// longer its own: every file is fingerprinted (a rename is one).
	if !slices.Equal(issues, s.Issues) || latest(s) != newest || added && removed {
		return s, nil, nil
	}
	edits := &render.Edits{List: list, Lo: len(entries), Hi: -1}
	for i := range min(len(entries), len(s.Entries)) {
		if entries[i] != s.Entries[i] {
			edits.Lo, edits.Hi = min(edits.Lo, i), i
		}
	}
	switch {
	case len(entries) != len(s.Entries):
		// An article came or went: every one after it moved, and the run
		// of search results that held the last one is now shorter or
		// longer, even when the oldest article went and nothing moved.
		edits.Lo = min(edits.Lo, min(len(entries), len(s.Entries))-1)
		edits.Hi = max(len(entries), len(s.Entries)) - 1
	case edits.Lo <= edits.Hi:
		edits.Moved = entries[edits.Lo : edits.Hi+1]
	}
	for i := range edits.List {
		ed := &edits.List[i]
		ed.Terms = append(ed.Terms, allTerms(ed.Entry)...)
		ed.Weeks = nearWeeks(s, weeks[i], ed.Entry.Issue.Start)
	}
	return s, edits, nil
}

// allTerms lists every term e is filed under.
func allTerms(e *generator.Entry) []*generator.Term {
	var out []*generator.Term
	for _, ts := range e.Terms {
		out = append(out, ts...)
	}
	return out
}

// nearWeeks lists the site's weeks that start within a week of one of
// starts: those weeks and the ones either side.
func nearWeeks(s *generator.Site, starts ...time.Time) []*generator.Issue {
	const week = 7 * 24 * time.Hour
	var out []*generator.Issue
	for _, is := range s.Issues {
		for _, start := range starts {
			// A day's slack: a week that starts or ends with a change of
			// clocks is an hour longer or shorter.
			if d := is.Start.Sub(start); d > -week-24*time.Hour && d < week+24*time.Hour {
				out = append(out, is)
				break
			}
		}
	}
	return out
}

// latest is the site's newest week, "" for none.
func latest(s *generator.Site) string {
	if len(s.Issues) == 0 {
		return ""
	}
	return s.Issues[0].Slug
}

// staged holds the files a rebuild renders until it has succeeded.
type staged struct {
	mu    sync.Mutex
	files map[string][]byte
	reuse *reuse
}

// out is a render.Output: renderers reuse their buffers, so data is copied.
func (st *staged) out(p string, data []byte) error {
	// Copied before locking: other workers' pages wait on the lock, and
	// a long list page is megabytes.
	kept := st.reuse.copy(p, data)
	st.mu.Lock()
	defer st.mu.Unlock()
	st.files[p] = kept
	return nil
}

// publish puts the staged files in place of the last good build's and
// removes the gone ones, in one step for readers; it returns the paths
// whose bytes changed, sorted.
func (l *Live) publish(st *staged, gone []string) []string {
	var changed []string
	l.mu.Lock()
	for _, p := range gone {
		if old, ok := l.files[p]; ok {
			delete(l.files, p)
			changed = append(changed, p)
			l.reuse.retire("", old)
		}
	}
	for p, data := range st.files {
		old, ok := l.files[p]
		switch {
		case !ok:
			l.files[p] = data
			changed = append(changed, p)
		case !bytes.Equal(old, data):
			l.files[p] = data
			changed = append(changed, p)
			l.reuse.retire(p, old)
		default:
			l.reuse.retire(p, data) // the same bytes again: keep the old, spare the new
		}
	}
	l.mu.Unlock()
	l.reuse.sweep(gone)
	slices.Sort(changed)
	return changed
}

// current returns the sources of the given content paths as they stand.
func (l *Live) current(paths []string) map[string]source {
	out := make(map[string]source, len(paths))
	for _, p := range paths {
		out[p] = l.sources[p]
	}
	return out
}

// samePlace says whether b, a new version of a, is filed exactly as a is:
// same page, same week, same names spelled the same, drafted or not alike.
func samePlace(a, b *generator.Article, taxonomies []string) bool {
	if !a.Date.Equal(b.Date) || a.Slug != b.Slug || a.Draft != b.Draft {
		return false
	}
	for _, name := range taxonomies {
		if !slices.Equal(a.Terms(name), b.Terms(name)) {
			return false
		}
	}
	return true
}

// plan is what a set of changed files asks Rebuild to redo.
type plan struct {
	all       bool     // everything: first build, config change or a lost event
	config    bool     // briefing.yaml changed
	content   []string // changed paths under content/
	templates []string // changed paths under templates/
	assets    []string // changed output paths of theme/ and static/ files
	allAssets bool     // a theme or static folder changed
}

// articlesOnly says whether w changes content and nothing else: the
// only saves a rebuild may take without assembling the site again.
func (w plan) articlesOnly() bool {
	return !w.all && !w.config && !w.allAssets && len(w.templates) == 0 && len(w.assets) == 0 && len(w.content) > 0
}

// classify sorts changed paths by what they feed.
func (l *Live) classify(changed []string) (plan, error) {
	if changed == nil {
		return plan{all: true, config: true}, nil
	}
	var w plan
	for _, p := range changed {
		rel := p
		if filepath.IsAbs(p) {
			r, err := filepath.Rel(l.opts.Source, p)
			if err != nil {
				return w, fmt.Errorf("changed file %s: %w", p, err)
			}
			rel = r
		}
		rel = filepath.ToSlash(filepath.Clean(rel))
		top, below, _ := strings.Cut(rel, "/")
		switch top {
		case ".":
			w.all, w.config = true, true
		case config.FileName:
			w.config = true
		case content.Dir:
			w.content = append(w.content, rel)
		case "templates":
			w.templates = append(w.templates, below)
		case "theme", "static":
			if below == "" || isDir(filepath.Join(l.opts.Source, filepath.FromSlash(rel))) || l.assetsUnder(below) {
				w.allAssets = true
			} else {
				w.assets = append(w.assets, below)
			}
		}
	}
	return w, nil
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// assetsUnder says whether a removed path was a folder of published assets.
func (l *Live) assetsUnder(dir string) bool {
	for p := range l.assets {
		if strings.HasPrefix(p, dir+"/") {
			return true
		}
	}
	return false
}

// load reads the configuration and forgets every article and template, as
// a new build would. The published paths are kept, so that what the new
// configuration no longer makes is found and removed.
func (l *Live) load() error {
	l.loaded = false
	cfg, err := Config(l.opts)
	// As in Generate, positioned mistakes in briefing.yaml still leave the
	// keys it got right; the rebuild goes on with them, so the articles'
	// own errors are shown beside the config's.
	var list generator.ErrorList
	if err != nil && !errors.As(err, &list) {
		return err
	}
	l.cfgErr = err
	l.cfg = cfg
	l.sources = map[string]source{}
	l.prints = map[*generator.Article]render.Fingerprints{}
	if l.assets == nil {
		l.assets = map[string]bool{}
		l.gens = map[string]uint64{}
	}
	l.renderer = nil
	l.loaded = true
	return nil
}

// refreshContent reads again the content files that changed. A folder,
// or a path that is gone but had files under it, means its whole subtree.
func (l *Live) refreshContent(w plan) {
	root := l.opts.Source
	var reread, dirs []string
	rescan := w.all
	for _, rel := range w.content {
		abs := filepath.Join(root, filepath.FromSlash(rel))
		fi, err := os.Stat(abs)
		switch {
		case err == nil && fi.IsDir():
			rescan = true
			dirs = append(dirs, rel+"/")
		case err == nil:
			reread = append(reread, rel)
		case errors.Is(err, fs.ErrNotExist):
			delete(l.sources, rel)
			for p := range l.sources {
				if strings.HasPrefix(p, rel+"/") {
					delete(l.sources, p)
				}
			}
		default:
			l.sources[rel] = source{err: generator.Errorf(rel, 0, 0, "reading: %w", err)}
		}
	}
	if rescan {
		files, listErrs := content.Files(root)
		keep := make(map[string]bool, len(files))
		for _, f := range files {
			keep[f] = true
			// A folder in the changes may stand for lost events (the
			// watcher's queue overflowed), so everything in it is read.
			_, known := l.sources[f]
			if !known || w.all || slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(f, d) }) {
				reread = append(reread, f)
			}
		}
		for p := range l.sources {
			if !keep[p] {
				delete(l.sources, p)
			}
		}
		// Files' own errors (a file that is not Markdown) stay until the
		// next rescan or until that file changes.
		for _, e := range listErrs {
			l.sources[e.File] = source{err: e}
		}
	}
	var parse []string
	for _, rel := range reread {
		article, err := content.Classify(rel)
		switch {
		case err != nil:
			l.sources[rel] = source{err: err}
		case article:
			parse = append(parse, rel)
		default:
			delete(l.sources, rel)
		}
	}
	articles, errs := content.ReadAll(root, parse, l.cfg.Location)
	for i, rel := range parse {
		src := source{article: articles[i], err: errs[i]}
		if src.err != nil {
			src.article = nil
		} else {
			src.prints = render.Fingerprint(src.article)
			l.prints[src.article] = src.prints
		}
		l.sources[rel] = src
	}
	if len(l.prints) > 2*len(l.sources)+1024 {
		l.prints = make(map[*generator.Article]render.Fingerprints, len(l.sources))
		for _, src := range l.sources {
			if src.article != nil {
				l.prints[src.article] = src.prints
			}
		}
	}
}

// refreshTemplates parses the templates again and marks the pages that
// use a changed one: a page template's own pages, or every page when the
// base or a partial changed.
func (l *Live) refreshTemplates(w plan) {
	// Marks are made even when parsing fails, so the pages render once
	// the templates are fixed, whichever file the fix is in.
	for _, t := range w.templates {
		kind, ok := strings.CutSuffix(t, ".html")
		if ok && !strings.Contains(kind, "/") && kind != "base" {
			l.gens[kind]++ // a page's template, or the email's
			continue
		}
		for _, k := range render.Kinds() {
			l.gens[k]++
		}
		if !ok {
			// The folder itself (made, removed, renamed): any file in it,
			// the email's too, which base and the partials never reach.
			l.gens[strings.TrimSuffix(email.TemplateName, ".html")]++
		}
	}
	r, err := render.New(l.cfg, Templates(l.opts.Source))
	l.tmplErr = err
	if err == nil {
		r.KeepCards()
		l.renderer = r
	}
}

// refreshAssets copies the theme and static files that changed, or all of
// them, and returns how many it copied and which published ones are gone.
func (l *Live) refreshAssets(w plan, out render.Output) (int, []string, error) {
	fsys := Assets(l.opts.Source)
	var copies []string // assets to copy
	var gone []string
	if w.all || w.allAssets {
		files, err := assetFiles(fsys)
		if err != nil {
			return 0, nil, err
		}
		now := make(map[string]bool, len(files))
		for _, f := range files {
			now[f] = true
		}
		for p := range l.assets {
			if !now[p] {
				gone = append(gone, p)
				delete(l.assets, p)
			}
		}
		copies = files
	} else {
		for _, f := range w.assets {
			if !isAsset(f) {
				continue
			}
			if _, err := fs.Stat(fsys, f); errors.Is(err, fs.ErrNotExist) {
				if l.assets[f] {
					gone = append(gone, f)
					delete(l.assets, f)
				}
				continue
			}
			copies = append(copies, f)
		}
	}
	for _, f := range copies {
		if err := copyAsset(fsys, f, out); err != nil {
			return 0, nil, err
		}
		l.assets[f] = true
	}
	return len(copies), gone, nil
}
