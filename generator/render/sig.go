package render

import (
	"hash/maphash"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/fphash"
	"github.com/briefing-digest/briefing/internal/shares"
)

// inputs is what one file of a plan shows beyond the configuration. It
// is the one declaration of a file's dependencies: Sigs hashes it,
// EditSigs picks by it the files a save can reach, and the card cache
// keys by the same card fingerprints. At most one of subject, term, issue, group
// and taxonomy is set; pager comes with term.
//
// The rule behind it, for the built-in templates: a page shows its own
// subject in full and every other article only as a card (title, date,
// source, summary, names), so a page changes only when its subject or
// one of the cards it lists changes. A site's own template is held to
// that only when bounded shows it reads no more; otherwise its pages
// take the whole site.
type inputs struct {
	// subject is the article the file is about, shown in full: its card
	// and its body, and its neighbours' and related articles' cards.
	subject *generator.Entry
	// term is a term the file is about: its name, the cards of its
	// articles and the names counted alongside it.
	term *generator.Term
	// pager is set for a term's later pages, which show of the term only
	// its outline (name, count, newest date, pages and years) and the
	// cards of their own share of its articles: an edit to one article
	// of a big term re-renders the page it is on, not all of them.
	pager *Paginator
	// issue is a week the file is about: its title, its articles'
	// cards, what moved since the week before and its neighbours.
	issue *generator.Issue
	// group is a run of articles the file shows as search results: each
	// one's card and body, nothing of its neighbours.
	group []*generator.Entry
	// taxonomy is a taxonomy whose terms the file lists: each one's
	// name, address, count and newest date, and no article's card. A
	// save that moves an article among people leaves the countries'
	// list as it was.
	taxonomy *generator.Taxonomy
	// every is set for files drawn from the whole site: they list every
	// article's card, or with outline only its place (address, date,
	// names), never the card's text.
	every, outline bool
	// bodies is how many of the newest articles' bodies the file shows.
	bodies int
	// whole is set for the pages of a site's own templates, which may
	// read anything of the site: every article, every body.
	whole bool
}

// inputs declares what job j of p shows.
func (p *Plan) inputs(j *job) inputs {
	in := inputs{subject: j.entry, term: j.term, issue: j.issue, group: j.group, taxonomy: j.taxonomy, outline: j.outline, bodies: j.bodies}
	in.every = j.aboutSite()
	if j.term != nil && j.page != nil && j.page.Paginator != nil && j.page.Paginator.Number > 1 {
		in.pager = j.page.Paginator
	}
	kind := j.kind
	if kind == "" {
		kind = j.template // a file made with a template of its own, as the email is
	}
	in.whole = kind != "" && p.own[kind]
	return in
}

// Sigs fingerprints what each file of p shows (in plan order), hashing
// its inputs: when a path has the same fingerprint in two plans made by
// Renderers of the same configuration and templates, its bytes are the
// same, so an incremental rebuild may skip it. The hash has no seed, so
// this holds across processes and machines: a build may compare them
// with the ones an earlier build wrote down. prints gives an article's
// fingerprints (Fingerprint); the caller keeps them between rebuilds,
// since hashing every article again would cost more than most rebuilds
// render.
func (p *Plan) Sigs(prints func(*generator.Article) Fingerprints) []uint64 {
	s := p.site
	var h fphash.Hash
	// Each article's fingerprints are asked for once, and cards are
	// found by place rather than looked up: a page names several, and
	// the lookups for ten thousand articles' pages added up.
	fps := make([]Fingerprints, len(s.Entries))
	byIndex := allCards(s, prints, fps)
	p.cards = byIndex // the same fingerprints key reused cards when rendering
	card := func(e *generator.Entry) uint64 {
		if e == nil {
			return 0
		}
		return byIndex[e.Index]
	}

	h.Reset()
	for _, e := range s.Entries {
		putInt(&h, card(e))
	}
	// Home, the archive and the feeds show which issues are published, and
	// the latest one's edition.
	for _, is := range s.Issues {
		putEdition(&h, is)
	}
	every := h.Sum64()
	for i := range s.Entries {
		putInt(&h, fps[i].Body)
	}
	p.whole = h.Sum64()
	outline := outlineSig(s)

	// Many files share their inputs (a term's first page and feed, an
	// issue's page, feed and email, the search shards): each is hashed
	// once in each share of the plan.
	sigs := make([]uint64, len(p.jobs))
	shares.Run(len(p.jobs), 1024, func(lo, hi int) {
		w := sigShare{p: p, card: card, body: func(e *generator.Entry) uint64 { return fps[e.Index].Body }, every: every, outline: outline,
			terms: map[*generator.Term]uint64{}, issues: map[*generator.Issue]uint64{}, newest: map[newestKey]uint64{}, names: map[*generator.Term]uint64{}}
		for i := lo; i < hi; i++ {
			sigs[i] = w.sig(&p.jobs[i])
		}
	})
	return sigs
}

// outlineSig fingerprints the site's outline: each article's address,
// date and names, in the site's order, and which issues are published
// with what edition. The archive shows each week's count, title,
// headline and countries; the sitemap each page's address and date.
func outlineSig(s *generator.Site) uint64 {
	var h fphash.Hash
	names := map[*generator.Term]uint64{}
	for _, e := range s.Entries {
		putString(&h, e.Path())
		putTime(&h, e.Date)
		for _, ts := range e.Terms {
			putInt(&h, uint64(len(ts)))
			for _, t := range ts {
				n, ok := names[t]
				if !ok {
					n = termName(t)
					names[t] = n
				}
				putInt(&h, n)
			}
		}
	}
	for _, is := range s.Issues {
		putEdition(&h, is)
	}
	return h.Sum64()
}

// allCards fingerprints every entry's card, by index, keeping each
// article's fingerprints in fps. Serve works this out whenever it
// assembles the site again, before any page renders, so it takes every
// core.
func allCards(s *generator.Site, prints func(*generator.Article) Fingerprints, fps []Fingerprints) []uint64 {
	cards := make([]uint64, len(s.Entries))
	shares.Run(len(s.Entries), 1024, func(lo, hi int) {
		var h fphash.Hash
		names := map[*generator.Term]uint64{}
		for i := lo; i < hi; i++ {
			e := s.Entries[i]
			fps[i] = prints(e.Article)
			cards[i] = card(&h, e, fps[i].Meta, names)
		}
	})
	return cards
}

// sigShare is one share of Sigs' work: what every file's fingerprint
// draws on, and what several files share, hashed once.
type sigShare struct {
	p     *Plan
	card  func(*generator.Entry) uint64 // each entry's card fingerprint
	body  func(*generator.Entry) uint64 // each entry's Fingerprints.Body
	every uint64                        // every card and edition
	// outline is every article's place and every edition: what the
	// files of the site's outline show (inputs.outline).
	outline uint64
	h       fphash.Hash
	terms   map[*generator.Term]uint64
	issues  map[*generator.Issue]uint64
	newest  map[newestKey]uint64
	names   map[*generator.Term]uint64
}

// newestKey is what a file drawn from the whole site shows: how many of
// the newest bodies, and the outline or every card.
type newestKey struct {
	bodies  int
	outline bool
}

// name is t's slug and name hashed, remembered for the share.
func (w *sigShare) name(t *generator.Term) uint64 {
	n, ok := w.names[t]
	if !ok {
		n = termName(t)
		w.names[t] = n
	}
	return n
}

// termName fingerprints a term's slug and the spelling it is shown by.
func termName(t *generator.Term) uint64 {
	return fphash.String(t.Slug)*31 + fphash.String(t.Name)
}

// sig is the fingerprint of job j.
func (w *sigShare) sig(j *job) uint64 {
	p, s, h, card, body := w.p, w.p.site, &w.h, w.card, w.body
	in := p.inputs(j)
	var sig uint64
	switch {
	case in.subject != nil:
		e := in.subject
		h.Reset()
		putInt(h, card(e))
		putInt(h, body(e))
		putInt(h, card(e.Prev))
		putInt(h, card(e.Next))
		for _, r := range e.Related {
			putInt(h, card(r))
		}
		sig = h.Sum64()
	case in.pager != nil:
		sig = pagerSig(h, in.term, in.pager, card, latestWeek(s))
	case in.term != nil:
		var ok bool
		if sig, ok = w.terms[in.term]; !ok {
			sig = termSig(h, in.term, card, w.name, latestWeek(s))
			w.terms[in.term] = sig
		}
	case in.issue != nil:
		var ok bool
		if sig, ok = w.issues[in.issue]; !ok {
			sig = issueSig(h, in.issue, card)
			w.issues[in.issue] = sig
		}
	case in.taxonomy != nil:
		sig = taxonomySig(h, s, in.taxonomy)
	case in.group != nil:
		h.Reset()
		for _, e := range in.group {
			putInt(h, card(e))
			putInt(h, body(e))
		}
		sig = h.Sum64()
	default:
		key := newestKey{in.bodies, in.outline}
		var ok bool
		if sig, ok = w.newest[key]; !ok {
			h.Reset()
			if in.outline {
				putInt(h, w.outline)
			} else {
				putInt(h, w.every)
			}
			for _, e := range s.Entries[:min(in.bodies, len(s.Entries))] {
				putInt(h, body(e))
			}
			sig = h.Sum64()
			w.newest[key] = sig
		}
	}
	if in.whole {
		h.Reset()
		putInt(h, sig)
		putInt(h, p.whole)
		sig = h.Sum64()
	}
	return sig
}

// touch makes p.whole new after e changed in place, so no card of the
// site's own templates cached before the change is taken for one after.
func (p *Plan) touch(e *generator.Entry) {
	if p.whole != 0 {
		p.whole = maphash.Comparable(maphash.MakeSeed(), [2]uint64{p.whole, uint64(e.Index)})
	}
}

// Fingerprints of one article, which depend on its file alone.
type Fingerprints struct {
	Meta uint64 // its front matter and page address
	Body uint64 // its Markdown
}

// Fingerprint hashes an article for Sigs.
func Fingerprint(a *generator.Article) Fingerprints {
	return Fingerprints{Meta: metaPrint(a), Body: a.BodyPrint()}
}

func metaPrint(a *generator.Article) uint64 {
	var h fphash.Hash
	for _, f := range articleFields {
		f.put(&h, a)
	}
	return h.Sum64()
}

// articleFields are the fields of an article that Fingerprints.Meta
// covers, each by its Go name; TestArticleFieldsFingerprinted checks the
// list against the structs, so a field added to Metadata or Article
// cannot be forgotten here. Templates reach every exported field
// (.Entry.Article.X), so all of them count, even those the built-in
// templates never print; Body is Fingerprints.Body.
var articleFields = []struct {
	name string
	put  func(*fphash.Hash, *generator.Article)
}{
	{"Title", func(h *fphash.Hash, a *generator.Article) { putString(h, a.Title) }},
	{"Date", func(h *fphash.Hash, a *generator.Article) { putTime(h, a.Date) }},
	{"Source", func(h *fphash.Hash, a *generator.Article) { putString(h, a.Source) }},
	{"URL", func(h *fphash.Hash, a *generator.Article) { putString(h, a.URL) }},
	{"License", func(h *fphash.Hash, a *generator.Article) { putString(h, a.License) }},
	{"Sections", func(h *fphash.Hash, a *generator.Article) { putStrings(h, a.Sections) }},
	{"Summary", func(h *fphash.Hash, a *generator.Article) { putString(h, a.Summary) }},
	{"People", func(h *fphash.Hash, a *generator.Article) { putStrings(h, a.People) }},
	{"Countries", func(h *fphash.Hash, a *generator.Article) { putStrings(h, a.Countries) }},
	{"Organizations", func(h *fphash.Hash, a *generator.Article) { putStrings(h, a.Organizations) }},
	{"Places", func(h *fphash.Hash, a *generator.Article) { putStrings(h, a.Places) }},
	{"Event", func(h *fphash.Hash, a *generator.Article) { putString(h, a.Event) }},
	{"Topics", func(h *fphash.Hash, a *generator.Article) { putStrings(h, a.Topics) }},
	{"Draft", func(h *fphash.Hash, a *generator.Article) { putBool(h, a.Draft) }},
	{"Metadata.Slug", func(h *fphash.Hash, a *generator.Article) { putString(h, a.Metadata.Slug) }},
	{"Fingerprint", func(h *fphash.Hash, a *generator.Article) { putString(h, a.Fingerprint) }},
	{"File", func(h *fphash.Hash, a *generator.Article) { putString(h, a.File) }},
	{"Slug", func(h *fphash.Hash, a *generator.Article) { putString(h, a.Slug) }},
	{"SlugLine", func(h *fphash.Hash, a *generator.Article) { putInt(h, uint64(a.SlugLine)) }},
	{"SlugCol", func(h *fphash.Hash, a *generator.Article) { putInt(h, uint64(a.SlugCol)) }},
	{"BodyLine", func(h *fphash.Hash, a *generator.Article) { putInt(h, uint64(a.BodyLine)) }},
	{"Unknown", func(h *fphash.Hash, a *generator.Article) {
		putInt(h, uint64(len(a.Unknown)))
		for _, e := range a.Unknown {
			putString(h, e.Error())
		}
	}},
}

// notFingerprinted are the article's fields Fingerprints.Meta leaves
// out, and why.
var notFingerprinted = map[string]string{
	"Metadata":  "its fields are listed one by one",
	"Body":      "Fingerprints.Body",
	"reread":    "how a body let go is read again, not what it says",
	"bodyLen":   "where in what reread gives the body starts; Fingerprints.Body covers the text",
	"bodyPrint": "Fingerprints.Body, for a body let go",
}

func putBool(h *fphash.Hash, b bool) {
	if b {
		putInt(h, 1)
	} else {
		putInt(h, 0)
	}
}

// card fingerprints everything a list may show of an entry: its front
// matter, its page's address and the names it files under (a term's
// displayed spelling can change with other articles, so the resolved
// names count, not only the article's own).
//
// names remembers each term's fingerprint, as a term is on many cards;
// nil works them out every time.
func card(h *fphash.Hash, e *generator.Entry, meta uint64, names map[*generator.Term]uint64) uint64 {
	h.Reset()
	putInt(h, meta)
	putString(h, e.Issue.Slug)
	for _, ts := range e.Terms {
		putInt(h, uint64(len(ts)))
		for _, t := range ts {
			n, ok := names[t]
			if !ok {
				n = termName(t)
				if names != nil {
					names[t] = n
				}
			}
			putInt(h, n)
		}
	}
	return h.Sum64()
}

// termSig covers a term page and its feed: its articles, the terms
// named alongside it, and the newest week, where its timeline ends.
func termSig(h *fphash.Hash, t *generator.Term, card func(*generator.Entry) uint64, name func(*generator.Term) uint64, latest string) uint64 {
	h.Reset()
	putString(h, t.Name)
	putString(h, latest)
	for _, e := range t.Entries {
		putInt(h, card(e))
	}
	for _, rel := range t.Related {
		putString(h, rel.Taxonomy.Name)
		// Each related term by its name's fingerprint, worked out once:
		// a site's terms list up to forty each, and hashing their slugs
		// and names again for every term was most of Sigs.
		putInt(h, uint64(len(rel.Terms)))
		for _, tc := range rel.Terms {
			putInt(h, name(tc.Term))
			putInt(h, uint64(tc.Count))
		}
	}
	return h.Sum64()
}

// taxonomySig covers a taxonomy's list page and feed: its terms in both
// orders, each with its count and newest article's date (the map and
// the regions show them), the site's navigation, how many articles the
// site has and the newest one's date (the feed's).
func taxonomySig(h *fphash.Hash, s *generator.Site, tax *generator.Taxonomy) uint64 {
	h.Reset()
	putString(h, tax.Name)
	putInt(h, uint64(len(s.Entries)))
	putInt(h, uint64(s.Updated.UnixNano()))
	for _, other := range s.Taxonomies {
		putString(h, other.Name)
	}
	for _, t := range tax.Terms {
		putString(h, t.Slug)
		putString(h, t.Name)
		putInt(h, uint64(len(t.Entries)))
		if len(t.Entries) > 0 {
			putInt(h, uint64(t.Entries[0].Date.UnixNano()))
		}
	}
	putInt(h, uint64(len(tax.ByName)))
	for _, t := range tax.ByName {
		putString(h, t.Slug)
	}
	return h.Sum64()
}

// pagerSig covers a term's later page: the term's outline and the
// page's own articles. The first page and the feed are termSig's.
func pagerSig(h *fphash.Hash, t *generator.Term, pg *Paginator, card func(*generator.Entry) uint64, latest string) uint64 {
	h.Reset()
	putString(h, t.Name)
	putString(h, latest)
	putInt(h, uint64(len(t.Entries)))
	putInt(h, card(t.Entries[0]))
	putInt(h, uint64(pg.Number))
	putInt(h, uint64(pg.Total))
	for _, y := range pg.Years {
		putInt(h, uint64(y.Year))
		putInt(h, uint64(y.Count))
		putString(h, y.Path)
	}
	for _, e := range pg.Entries {
		putInt(h, card(e))
	}
	return h.Sum64()
}

// latestWeek names the site's newest issue: a term page's timeline counts
// back a year from it, so an article in a new week moves every timeline.
func latestWeek(s *generator.Site) string {
	if len(s.Issues) == 0 {
		return ""
	}
	return s.Issues[0].Slug
}

// issueSig covers an issue page and its feed. Its groups and top names
// follow from its articles' cards; what moved depends on the week before,
// and the pager on the neighbouring issues.
func issueSig(h *fphash.Hash, is *generator.Issue, card func(*generator.Entry) uint64) uint64 {
	h.Reset()
	putString(h, is.Title)
	for _, e := range is.Entries {
		putInt(h, card(e))
	}
	for _, m := range is.Movers {
		putString(h, m.Term.Slug)
		putString(h, m.Term.Name)
		putInt(h, uint64(m.This))
		putInt(h, uint64(m.Last))
	}
	for _, n := range []*generator.Issue{is.Prev, is.Next, is.Older, is.Newer} {
		if n != nil {
			putString(h, n.Slug)
			putString(h, n.Title)
			putString(h, n.Headline)
		} else {
			putString(h, "")
		}
	}
	putEdition(h, is)
	return h.Sum64()
}

// putEdition writes what an issue's edition file decides: its number,
// whether it is published (and shown as a preview), its headline, its
// note and its picks. Brief and Rest follow from the picks.
func putEdition(h *fphash.Hash, is *generator.Issue) {
	putInt(h, uint64(is.Number))
	var flags uint64
	if is.Published {
		flags |= 1
	}
	if is.Edition != nil {
		flags |= 2
	}
	putInt(h, flags)
	putString(h, is.Headline)
	if ed := is.Edition; ed != nil {
		putInt(h, uint64(len(ed.Note)))
		h.Write(ed.Note)
	}
	if is.Lead != nil {
		putString(h, is.Lead.Slug)
	} else {
		putString(h, "")
	}
	putInt(h, uint64(len(is.Featured)))
	for _, e := range is.Featured {
		putString(h, e.Slug)
	}
}

// putString writes s with its length, so ("ab","c") and ("a","bc") differ.
func putString(h *fphash.Hash, s string) {
	putInt(h, uint64(len(s)))
	h.WriteString(s)
}

func putStrings(h *fphash.Hash, list []string) {
	putInt(h, uint64(len(list)))
	for _, s := range list {
		putString(h, s)
	}
}

func putInt(h *fphash.Hash, n uint64) { h.WriteUint64(n) }

// putTime includes the zone: pages print dates in the article's own offset.
func putTime(h *fphash.Hash, t time.Time) {
	putInt(h, uint64(t.UnixNano()))
	name, offset := t.Zone()
	putString(h, name)
	putInt(h, uint64(offset))
}
