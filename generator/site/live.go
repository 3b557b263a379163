package site

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/content"
)

// Live is a site kept assembled while its articles change, for serve.
// Assembling ten thousand articles again took a third of a save's wait
// when the save renamed or dated one of them; Replace instead redoes
// what the article reaches: the terms and the weeks it leaves and
// joins, the names counted alongside those terms, and the related
// articles of the weeks around it. The site it keeps is always the one
// Assemble would make from the same articles (TestLiveRandomReplace
// holds it to that).
type Live struct {
	s      *generator.Site
	opts   Options
	ix     *index
	byFile map[string]*generator.Entry
	issues map[string]*generator.Issue // by slug
	// spellings count, for each term of each taxonomy, how often each
	// spelling names it: its Name is the one most used.
	spellings []map[*generator.Term]map[string]int
	slugs     map[string]string // each spelling's slug, as slugging folds Unicode
}

// NewLive assembles a site, as Assemble does, to be kept up to date.
func NewLive(cfg generator.Config, articles []*generator.Article, opts Options) (*Live, error) {
	s, ix, err := assembleIndexed(cfg, articles, opts)
	l := &Live{s: s, opts: opts, ix: ix, byFile: make(map[string]*generator.Entry, len(s.Entries)),
		issues: make(map[string]*generator.Issue, len(s.Issues)), slugs: map[string]string{}}
	for _, e := range s.Entries {
		l.byFile[e.File] = e
	}
	for _, is := range s.Issues {
		l.issues[is.Slug] = is
	}
	l.spellings = make([]map[*generator.Term]map[string]int, len(s.Taxonomies))
	for i, tax := range s.Taxonomies {
		counts := make(map[*generator.Term]map[string]int, len(tax.Terms))
		for _, e := range s.Entries {
			for j, n := range e.Article.Terms(tax.Name) {
				t := e.Terms[i][j]
				c := counts[t]
				if c == nil {
					c = map[string]int{}
					counts[t] = c
				}
				c[n]++
			}
		}
		l.spellings[i] = counts
	}
	return l, err
}

// Site is the site as it stands. Replace, Insert and Remove change it in
// place.
func (l *Live) Site() *generator.Site { return l.s }

// Entry is the entry of the article of file, nil if the site holds none.
func (l *Live) Entry(file string) *generator.Entry { return l.byFile[file] }

// Replace puts a in place of the article of the same file, and brings
// the site up to date with it. It reports false, having changed
// nothing, for an edit it does not follow: an article the site does not
// hold (new, or a draft it leaves out), a new page address or draft
// flag, or a change to which spelling names a term, which may reorder
// every list the term is in. The caller then assembles the site again.
// The error is the editions' (see Assemble), with the site up to date.
func (l *Live) Replace(a *generator.Article) (bool, error) {
	e := l.byFile[a.File]
	if e == nil || e.Slug != a.Slug || e.Draft != a.Draft {
		return false, nil
	}
	if !l.keepsNames(e, a) {
		return false, nil
	}
	old := e.Issue
	if l.keepsPlace(e, a) {
		// Most saves: the text, a summary, a title that keeps its day's
		// order. No list, count, neighbour or related article changes;
		// only what its week's edition arranges may.
		e.Article = a
		return true, l.editions(old).Err()
	}
	touched := l.leaveTerms(e)
	leave(&e.Issue.Entries, e)

	e.Article = a
	l.move(e)
	l.joinTerms(e, touched)
	l.refile(e, old, false)
	l.s.Updated = l.s.Entries[0].Date
	l.clashes()
	return true, l.editions(old, e.Issue).Err()
}

// keepsPlace says whether a, a new version of e's article, is filed as
// it is: the same date, the same names spelled the same, and between the
// same neighbours in the site's order.
func (l *Live) keepsPlace(e *generator.Entry, a *generator.Article) bool {
	if !e.Date.Equal(a.Date) {
		return false
	}
	for _, tax := range l.s.Taxonomies {
		if !slices.Equal(e.Article.Terms(tax.Name), a.Terms(tax.Name)) {
			return false
		}
	}
	entries := l.s.Entries
	i := e.Index
	return (i == 0 || content.Compare(entries[i-1].Article, a) <= 0) &&
		(i == len(entries)-1 || content.Compare(a, entries[i+1].Article) <= 0)
}

// Insert adds a, the article of a file the site does not hold yet, as
// Assemble would have filed it. It reports false, having changed
// nothing, for an article it does not follow: a draft, one whose slug
// another article has (an error for the caller's full assembly to
// report), or one whose spellings would rename a term. The error is the
// editions', as Replace's.
func (l *Live) Insert(a *generator.Article) (bool, error) {
	s := l.s
	if l.byFile[a.File] != nil || a.Draft || len(s.Entries) == 0 {
		return false, nil
	}
	for _, x := range s.Entries {
		if x.Slug == a.Slug {
			return false, nil
		}
	}
	e := generator.NewEntry(&generator.Article{File: a.File, Slug: a.Slug}, len(s.Entries), len(s.Taxonomies))
	if !l.keepsNames(e, a) {
		return false, nil
	}
	s.Entries = append(s.Entries, e)
	e.Article = a
	l.move(e)
	l.joinTerms(e, nil)
	l.byFile[a.File] = e
	l.refile(e, nil, false)
	s.Updated = s.Entries[0].Date
	l.clashes()
	return true, l.editions(e.Issue).Err()
}

// Remove takes out the article of file, as if Assemble had never been
// given it, and returns its entry, whose Index is where it was. It
// reports nil, having changed nothing, when the site does not hold the
// file, when it is the site's only article, or when its spellings
// leaving would rename a term. The error is the editions', as Replace's:
// an edition may pick it.
func (l *Live) Remove(file string) (*generator.Entry, error) {
	s := l.s
	e := l.byFile[file]
	if e == nil || len(s.Entries) < 2 {
		return nil, nil
	}
	if !l.keepsNames(e, &generator.Article{File: e.File, Slug: e.Slug}) {
		return nil, nil
	}
	old := e.Issue
	touched := l.leaveTerms(e)
	leave(&e.Issue.Entries, e)
	s.Entries = slices.Delete(s.Entries, e.Index, e.Index+1)
	for k := e.Index; k < len(s.Entries); k++ {
		s.Entries[k].Index = k
	}
	delete(l.byFile, file)
	delete(l.ix.ids, e)
	changed := make([]bool, len(s.Taxonomies))
	for i, ts := range e.Terms {
		changed[i] = len(ts) > 0
	}
	l.settle(changed, touched)
	l.refile(e, old, true)
	s.Updated = s.Entries[0].Date
	l.clashes()
	return e, l.editions(old).Err()
}

// leaveTerms takes e out of the terms it is filed under, as it was, and
// returns them.
func (l *Live) leaveTerms(e *generator.Entry) []*generator.Term {
	s := l.s
	var touched []*generator.Term // terms e leaves or joins, or stays in
	for i := range s.Taxonomies {
		for j, t := range e.Terms[i] {
			if !slices.Contains(e.Terms[i][:j], t) {
				leave(&t.Entries, e)
				touched = append(touched, t)
			}
			respell(l.spellings[i][t], e.Article.Terms(s.Taxonomies[i].Name)[j], -1)
		}
	}
	return touched
}

// joinTerms files e, at its new place, under the terms its article
// names, making the terms no article named before. touched are the terms
// it left.
func (l *Live) joinTerms(e *generator.Entry, touched []*generator.Term) {
	s, a := l.s, e.Article
	changed := make([]bool, len(s.Taxonomies)) // taxonomies whose terms' counts changed
	for i, tax := range s.Taxonomies {
		old := e.Terms[i]
		terms := make([]*generator.Term, 0, len(a.Terms(tax.Name)))
		for _, n := range a.Terms(tax.Name) {
			slug := l.slug(n)
			t := tax.Term(slug)
			if t == nil {
				t = generator.NewTerm(tax, slug)
				tax.SetTerms(append(tax.Terms, t), append(tax.ByName, t))
				l.spellings[i][t] = map[string]int{}
				l.ix.addTerm(t, i)
			}
			respell(l.spellings[i][t], n, 1)
			if !slices.Contains(terms, t) {
				join(&t.Entries, e)
				touched = append(touched, t)
			}
			terms = append(terms, t)
		}
		e.Terms[i] = terms
		if !sameSet(old, terms) {
			changed[i] = true
		}
	}
	l.ix.file(e)
	l.settle(changed, touched)
}

// settle sorts again the taxonomies whose terms' counts changed, and
// counts again the names alongside each touched term.
func (l *Live) settle(changed []bool, touched []*generator.Term) {
	s := l.s
	for i, tax := range s.Taxonomies {
		if changed[i] {
			l.resort(i, tax)
		}
	}
	slices.SortFunc(touched, func(a, b *generator.Term) int { return cmp.Compare(l.ix.number[a], l.ix.number[b]) })
	for _, t := range slices.Compact(touched) {
		if len(t.Entries) > 0 {
			relateTerm(s, l.ix, l.ix.number[t], t)
		}
	}
}

// keepsNames says whether every term e's new version a names, or stops
// naming, keeps the spelling it is shown by.
func (l *Live) keepsNames(e *generator.Entry, a *generator.Article) bool {
	for i, tax := range l.s.Taxonomies {
		delta := map[string]map[string]int{} // by slug, each spelling's change
		add := func(n string, by int) {
			slug := l.slug(n)
			if delta[slug] == nil {
				delta[slug] = map[string]int{}
			}
			delta[slug][n] += by
		}
		for _, n := range e.Article.Terms(tax.Name) {
			add(n, -1)
		}
		for _, n := range a.Terms(tax.Name) {
			add(n, 1)
		}
		for slug, d := range delta {
			t := tax.Term(slug)
			if t == nil {
				continue // a new term is named as its spellings say
			}
			counts := map[string]int{}
			for n, c := range l.spellings[i][t] {
				counts[n] = c
			}
			for n, c := range d {
				counts[n] += c
				if counts[n] == 0 {
					delete(counts, n)
				}
			}
			if len(counts) > 0 && preferred(counts) != t.Name {
				return false
			}
		}
	}
	return true
}

// move puts e, whose article changed, at its place in the site's entries.
func (l *Live) move(e *generator.Entry) {
	entries := l.s.Entries
	from := e.Index
	entries = slices.Delete(entries, from, from+1)
	to, _ := slices.BinarySearchFunc(entries, e.Article, func(x *generator.Entry, a *generator.Article) int {
		return content.Compare(x.Article, a)
	})
	entries = slices.Insert(entries, to, e)
	for k := min(from, to); k <= max(from, to); k++ {
		entries[k].Index = k
	}
	l.s.Entries = entries
}

// resort drops the terms of taxonomy i that no article names any more
// and sorts the rest again, as buildTaxonomy does.
func (l *Live) resort(i int, tax *generator.Taxonomy) {
	terms := slices.DeleteFunc(tax.Terms, func(t *generator.Term) bool {
		if len(t.Entries) > 0 {
			return false
		}
		delete(l.spellings[i], t)
		return true
	})
	for _, t := range terms {
		if t.Key == "" { // made by this edit
			t.Name = preferred(l.spellings[i][t])
			t.Key = strings.ToLower(t.Name)
		}
	}
	byName := slices.Clone(terms)
	sortTerms(terms, byName)
	tax.SetTerms(terms, byName)
}

// refile takes e out of old, the week it was in (nil for an article new
// to the site), and files it in its week now (none when gone), and redoes
// what the weeks around both show.
func (l *Live) refile(e *generator.Entry, old *generator.Issue, gone bool) {
	s := l.s
	cfg := s.Config
	var starts []time.Time
	if old != nil {
		starts = append(starts, old.Start)
		if len(old.Entries) == 0 {
			s.Issues = slices.DeleteFunc(s.Issues, func(is *generator.Issue) bool { return is == old })
			delete(l.issues, old.Slug)
		}
	}
	var is *generator.Issue
	if !gone {
		w := WeekOf(e.Date, cfg.Location, cfg.WeekStart)
		is = l.issues[w.Slug()]
		if is == nil {
			is = &generator.Issue{Year: w.Year, Week: w.Number, Start: w.Start, Last: w.Last(), Slug: w.Slug(), Title: w.Title()}
			l.issues[is.Slug] = is
			at, _ := slices.BinarySearchFunc(s.Issues, is, func(x, is *generator.Issue) int { return is.Start.Compare(x.Start) })
			s.Issues = slices.Insert(s.Issues, at, is)
		}
		join(&is.Entries, e)
		e.Issue = is
		starts = append(starts, is.Start)
	}
	linkIssues(s.Issues)

	// The weeks whose articles' related articles may change: those e
	// left and joined and the calendar weeks either side, whose articles
	// look into them. Further weeks see none of it.
	var near []*generator.Issue
	for _, start := range starts {
		for _, d := range []int{-7, 0, 7} {
			day := start.AddDate(0, 0, d)
			if x := l.issues[WeekOf(day, cfg.Location, cfg.WeekStart).Slug()]; x != nil && !slices.Contains(near, x) {
				near = append(near, x)
			}
		}
	}
	for _, x := range near {
		if old != nil && x.Start.Equal(old.Start) || x == is {
			linkEntries(x)
			tally(s, l.ix, x)
		}
	}
	// What moved in a week compares it with the week before.
	for _, x := range near {
		for _, start := range starts {
			if !x.Start.Before(start) && !x.Start.After(start.AddDate(0, 0, 7)) {
				findMovers(l.ix, x)
				break
			}
		}
	}
	r := newRelater(s, l.ix)
	for _, x := range near {
		for _, c := range x.Entries {
			r.relate(c)
		}
	}
}

// editions applies the editions again: the issues' numbers, what is
// published and the editions' picks follow from every issue. The
// articles of a week are arranged again when its edition may pick
// others now, or when its articles changed (changed lists those weeks).
func (l *Live) editions(changed ...*generator.Issue) generator.ErrorList {
	for _, is := range l.s.Issues {
		is.Number, is.Published, is.Headline, is.Edition = 0, false, "", nil
		is.Lead, is.Featured, is.Older, is.Newer = nil, nil, nil, nil
	}
	errs := decideEditions(l.s, l.opts.Editions, l.opts.Preview || l.opts.Unpublished)
	for _, is := range l.s.Issues {
		if is.Edition != nil || slices.Contains(changed, is) {
			arrange(l.s, is)
		}
	}
	return errs
}

// clashes lists again the spellings merged into one term, in the order
// buildTaxonomy finds them: by the first article naming the term.
func (l *Live) clashes() {
	l.s.Clashes = nil
	for i, tax := range l.s.Taxonomies {
		var terms []*generator.Term
		for t, sp := range l.spellings[i] {
			if len(sp) > 1 {
				terms = append(terms, t)
			}
		}
		first := func(t *generator.Term) (int, int) {
			e := t.Entries[0]
			return e.Index, slices.Index(e.Terms[i], t)
		}
		slices.SortFunc(terms, func(a, b *generator.Term) int {
			ai, aj := first(a)
			bi, bj := first(b)
			return cmp.Or(cmp.Compare(ai, bi), cmp.Compare(aj, bj))
		})
		for _, t := range terms {
			l.s.Clashes = append(l.s.Clashes, clash(tax.Name, t, l.spellings[i][t]))
		}
	}
}

func (l *Live) slug(n string) string {
	slug, ok := l.slugs[n]
	if !ok {
		slug = generator.Slugify(n)
		l.slugs[n] = slug
	}
	return slug
}

// respell adds by to spelling n's count, forgetting a spelling used no more.
func respell(counts map[string]int, n string, by int) {
	counts[n] += by
	if counts[n] == 0 {
		delete(counts, n)
	}
}

// leave takes e out of a list of entries newest first.
func leave(list *[]*generator.Entry, e *generator.Entry) {
	if i, ok := slices.BinarySearchFunc(*list, e.Index, byIndex); ok {
		*list = slices.Delete(*list, i, i+1)
	}
}

// join puts e into a list of entries newest first.
func join(list *[]*generator.Entry, e *generator.Entry) {
	i, _ := slices.BinarySearchFunc(*list, e.Index, byIndex)
	*list = slices.Insert(*list, i, e)
}

func byIndex(x *generator.Entry, i int) int { return cmp.Compare(x.Index, i) }

// sameSet says whether two lists hold the same terms.
func sameSet(a, b []*generator.Term) bool {
	for _, t := range a {
		if !slices.Contains(b, t) {
			return false
		}
	}
	for _, t := range b {
		if !slices.Contains(a, t) {
			return false
		}
	}
	return true
}
