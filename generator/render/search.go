package render

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/search"
	"github.com/briefing-digest/briefing/internal/shares"
)

// The search index is three kinds of file under search/: meta.json (the
// facets, loaded first), t/N.json (the words, by shard, fetched as a
// query needs them) and d/N.json (what a result shows of each article of
// group N, see search.GroupSize).
const (
	searchMeta  = "search/meta.json"
	searchShard = "search/t/"
	searchDoc   = "search/d/"
)

// searchJobs lists the index's files. The shards and meta.json come from
// one pass over every article, made by the first of them to run.
func (r *Renderer) searchJobs(idx *searchIndex) []job {
	s := idx.site
	n := search.ShardCount(len(s.Entries))
	groups := search.GroupCount(len(s.Entries))
	jobs := make([]job, 0, n+1+groups)
	for g := range groups {
		entries := s.Entries[g*search.GroupSize : min((g+1)*search.GroupSize, len(s.Entries))]
		first := g * search.GroupSize
		jobs = append(jobs, job{path: searchDoc + strconv.Itoa(g) + ".json", group: entries,
			make: func(buf *bytes.Buffer, _ templateSet) error { return r.searchFragments(buf, idx, first, entries) }})
	}
	// The shards hold every body's words, so every body counts for Sigs.
	// So it does for meta.json: besides names and dates it lists the
	// heavy prefixes, split over more shards, which any body can make.
	whole := func(path string, bodies int, make func(buf *bytes.Buffer) error) job {
		return job{path: path, bodies: bodies, make: func(buf *bytes.Buffer, _ templateSet) error {
			if err := idx.build(); err != nil {
				return err
			}
			return make(buf)
		}}
	}
	jobs = append(jobs, whole(searchMeta, len(s.Entries), func(buf *bytes.Buffer) error {
		data, err := idx.meta.JSON()
		buf.Write(data)
		return err
	}))
	for i := range n {
		jobs = append(jobs, whole(searchShard+strconv.Itoa(i)+".json", len(s.Entries), func(buf *bytes.Buffer) error {
			buf.Write(idx.shards[i])
			return nil
		}))
	}
	return jobs
}

// searchFragments writes what a search result shows of each of entries,
// the site's from the firstth on. In a one-off build it also works out
// their words for the index from the plain text it made (idx.words): the
// index then reads no body again, and the fragments come first in the
// order the workers take files, before the index needs them.
func (r *Renderer) searchFragments(buf *bytes.Buffer, idx *searchIndex, first int, entries []*generator.Entry) error {
	texts := groupTexts.Get().(*search.Texts)
	defer func() {
		if texts.Size() <= 1<<20 {
			texts.Reset()
			groupTexts.Put(texts)
		}
	}()
	for _, e := range entries {
		// Add copies what it keeps, so the body may be reused.
		err := e.WithBody(func(body []byte) error { texts.Add(body); return nil })
		if err != nil {
			return err
		}
	}
	frags := make([]search.Fragment, len(entries))
	for i, e := range entries {
		frags[i] = search.Fragment{Title: e.Title, URL: r.cfg.RelURL(e.Path()), Date: e.Date.In(r.cfg.Location).Format("2006-01-02"),
			Source: e.Source, Summary: e.Summary, Body: texts.Text(i)}
		if at := first + i; idx != nil && at < len(idx.words) && !idx.taking.Load() && idx.site.Entries[at] == e && idx.words[at].Load() == nil {
			d := entryDoc(e, allTerms(e))
			d.Body = texts.Text(i)
			words := r.analyses.dict.Analyze(d)
			idx.words[at].Store(&words)
		}
	}
	search.WriteGroup(buf, frags)
	return nil
}

// groupTexts are the buffers of plain text searchFragments reuses: a
// string of its own for every body was 36 MB of garbage at 10,000
// articles, made while the collector had the pages to trace.
var groupTexts = sync.Pool{New: func() any { return new(search.Texts) }}

// searchIndex is the index of one render's site, made once a render.
type searchIndex struct {
	r      *Renderer
	site   *generator.Site
	once   *sync.Once
	err    error
	meta   search.Meta
	shards [][]byte
	// started is set by Plan.StartIndex: the next render takes the index
	// being built rather than making it again, and waits for it (early)
	// before it returns, even when no file of it needed the index.
	started bool
	early   sync.WaitGroup
	// words holds, in a one-off build, each entry's words as its file of
	// fragments worked them out (searchFragments), by entry index.
	words []atomic.Pointer[search.Analysis]
	// taking is set once the index takes words: a file of fragments
	// still running then leaves its words to the index, which would
	// otherwise find them kept for the rest of the render.
	taking atomic.Bool
}

// reset makes the next build read the articles again, as an edit in
// place (serve) changes entries' articles without making a new plan;
// unless the index was started for this render.
func (x *searchIndex) reset() {
	if x == nil {
		return // a plan made without one has no index to make
	}
	if x.started {
		x.started = false
		return
	}
	x.once, x.err, x.shards = new(sync.Once), nil, nil
	x.words = nil
	x.taking.Store(false)
	if !x.r.analyses.keep {
		x.words = make([]atomic.Pointer[search.Analysis], len(x.site.Entries))
	}
}

// StartIndex begins building the search index of p's site on another
// goroutine, for the next RenderPlan of p to take. Serve calls it as soon
// as it has the plan: the index is the longest job of a save that moves
// an article, and it needs nothing the fingerprints decide. The site must
// not change until that render.
func (p *Plan) StartIndex() {
	x := p.index
	if x == nil {
		return
	}
	x.once, x.err, x.shards = new(sync.Once), nil, nil
	x.started = true
	x.early.Go(func() { x.build() })
}

// wait returns once an index started early is built: the site it reads
// may change after the render.
func (x *searchIndex) wait() {
	if x != nil {
		x.early.Wait()
	}
}

func (x *searchIndex) build() error {
	x.once.Do(func() {
		s := x.site
		// The facets need no words: worked out meanwhile on another core.
		var meta search.Meta
		var facetsDone sync.WaitGroup
		facetsDone.Go(func() { meta = facets(s, x.r.cfg.Location) })
		defer facetsDone.Wait()
		x.taking.Store(true)
		docs, err := x.r.analyses.all(s, x.words)
		if err != nil {
			x.err = err
			return
		}
		var heavy []string
		if x.r.analyses.keep {
			x.shards, heavy = x.r.analyses.inc.Shards(docs, search.ShardCount(len(s.Entries)))
		} else {
			x.shards, heavy = x.r.analyses.dict.Shards(docs, search.ShardCount(len(s.Entries)))
		}
		facetsDone.Wait()
		x.meta = meta
		x.meta.Heavy = heavy
		x.meta.Group = search.GroupSize
	})
	return x.err
}

// analyses keeps each article's words between renders (serve), so a save
// reads one article again, not every body from disk. An article's file is
// read into a new Article whenever it changes, so the Article stands for
// its body; the names it files under can change without it (another
// article's spelling of a name), so they are compared too.
type analyses struct {
	dict *search.Dictionary
	inc  *search.Incremental // the shards, kept between renders if keep
	mu   sync.Mutex
	keep bool
	by   map[*generator.Article]analysis
}

type analysis struct {
	names []string
	words search.Analysis
}

func newAnalyses() *analyses {
	dict := search.NewDictionary()
	return &analyses{dict: dict, inc: search.NewIncremental(dict), by: map[*generator.Article]analysis{}}
}

// all analyses every entry of s, in order: those kept from the last
// render as they are, the others spread over the cores.
func (a *analyses) all(s *generator.Site, pre []atomic.Pointer[search.Analysis]) ([]search.Analysis, error) {
	out := make([]search.Analysis, len(s.Entries))
	errs := make([]error, len(s.Entries))
	kept := make([]bool, len(s.Entries))
	for i := range pre {
		// Taken, not read: the index is the words' last use, and left
		// in pre they would stay until the render ends.
		if words := pre[i].Swap(nil); words != nil && i < len(out) {
			out[i], kept[i] = *words, true
		}
	}
	a.mu.Lock()
	// Looked up on every core: serve does this for every article on
	// every save that moves one, and nothing writes the map meanwhile.
	shares.Run(len(s.Entries), 1024, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			e := s.Entries[i]
			if kept[i] {
				continue
			}
			if got, ok := a.by[e.Article]; ok && a.keep && sameNames(got.names, e) {
				out[i], kept[i] = got.words, true
			}
		}
	})
	a.mu.Unlock()
	var todo []int
	for i, k := range kept {
		if !k {
			todo = append(todo, i)
		}
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range next {
				out[i], errs[i] = a.one(s.Entries[i])
			}
		})
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	var list generator.ErrorList
	for _, err := range errs {
		if err != nil {
			list.Add(err)
		}
	}
	if err := list.Err(); err != nil {
		return nil, fmt.Errorf("indexing for search: %w", err)
	}
	a.mu.Lock()
	if len(a.by) > 2*len(s.Entries)+1024 {
		// Articles replaced by edits pile up; keep only the current ones.
		current := make(map[*generator.Article]analysis, len(s.Entries))
		for _, e := range s.Entries {
			if got, ok := a.by[e.Article]; ok {
				current[e.Article] = got
			}
		}
		a.by = current
	}
	a.mu.Unlock()
	return out, nil
}

// entryDoc is what the index reads of e, filed under names, but its
// body, which the caller adds as Markdown or as plain text: the words a
// file of fragments works out for the index must be the ones the index
// would work out itself.
func entryDoc(e *generator.Entry, names []string) search.Doc {
	return search.Doc{Title: e.Title, Summary: e.Summary, Names: names}
}

func (a *analyses) one(e *generator.Entry) (search.Analysis, error) {
	names := allTerms(e)
	var words search.Analysis
	// Analyze keeps nothing of the body, which may be a reused buffer.
	err := e.WithBody(func(body []byte) error {
		d := entryDoc(e, names)
		d.Markdown = body
		words = a.dict.Analyze(d)
		return nil
	})
	if err != nil {
		return search.Analysis{}, err
	}
	if a.keep {
		a.mu.Lock()
		a.by[e.Article] = analysis{names: names, words: words}
		a.mu.Unlock()
	}
	return words, nil
}

// sameNames reports whether e files under names, in order.
func sameNames(names []string, e *generator.Entry) bool {
	i := 0
	for _, ts := range e.Terms {
		for _, t := range ts {
			if i >= len(names) || names[i] != t.Name {
				return false
			}
			i++
		}
	}
	return i == len(names)
}
