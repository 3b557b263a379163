package render

import (
	"hash/maphash"
	"slices"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// Sigs fingerprints what each file of p shows (in plan order): when a
// path has the same fingerprint in two plans made by one Renderer, its
// bytes are the same, so an incremental rebuild may skip it. The seed
// must be the same for both plans. prints gives an article's fingerprints
// (Fingerprints, with the same seed); the caller keeps them between
// rebuilds, since hashing every article again would cost more than most
// rebuilds render.
//
// The rule behind every fingerprint: a page shows its own subject in
// full and every other article only as a card (title, date, source,
// summary, names), so a page changes only when its subject or one of the
// cards it lists changes. Pages with no single subject (home, lists,
// sitemap, search) list every card.
func (p *Plan) Sigs(seed maphash.Seed, prints func(*generator.Article) Fingerprints) []uint64 {
	s := p.site
	cards := make(map[*generator.Entry]uint64, len(s.Entries))
	var h maphash.Hash
	h.SetSeed(seed)
	names := map[*generator.Term]uint64{}
	for _, e := range s.Entries {
		cards[e] = card(&h, e, prints(e.Article).Meta, names)
	}
	p.cards = cards // the same fingerprints key reused cards when rendering
	card := func(e *generator.Entry) uint64 {
		if e == nil {
			return 0
		}
		return cards[e]
	}

	h.Reset()
	for _, e := range s.Entries {
		putInt(&h, card(e))
	}
	global := h.Sum64()
	// What a page of the site's own templates may show: anything.
	for _, e := range s.Entries {
		putInt(&h, prints(e.Article).Body)
	}
	p.whole = h.Sum64()

	terms := map[*generator.Term]uint64{}
	issues := map[*generator.Issue]uint64{}
	sigs := make([]uint64, len(p.jobs))
	// The search index's many files each show every body: hash them once.
	newest := map[int]uint64{}
	for i := range p.jobs {
		j := &p.jobs[i]
		switch {
		case j.entry != nil:
			h.Reset()
			putInt(&h, card(j.entry))
			putInt(&h, prints(j.entry.Article).Body)
			putInt(&h, card(j.entry.Prev))
			putInt(&h, card(j.entry.Next))
			for _, r := range j.entry.Related {
				putInt(&h, card(r))
			}
			sigs[i] = h.Sum64()
		case j.term != nil:
			sig, ok := terms[j.term]
			if !ok {
				sig = termSig(&h, j.term, card)
				terms[j.term] = sig
			}
			sigs[i] = sig
		case j.issue != nil:
			sig, ok := issues[j.issue]
			if !ok {
				sig = issueSig(&h, j.issue, card)
				issues[j.issue] = sig
			}
			sigs[i] = sig
		default:
			sig, ok := newest[j.bodies]
			if !ok {
				h.Reset()
				putInt(&h, global)
				for _, e := range s.Entries[:min(j.bodies, len(s.Entries))] {
					putInt(&h, prints(e.Article).Body)
				}
				sig = h.Sum64()
				newest[j.bodies] = sig
			}
			sigs[i] = sig
		}
		if j.kind != "" && p.own[j.kind] {
			// A site's own template may range over the whole site: it is
			// not known to read less, so its pages follow every article.
			h.Reset()
			putInt(&h, sigs[i])
			putInt(&h, p.whole)
			sigs[i] = h.Sum64()
		}
	}
	return sigs
}

// ShowingBody lists the files of p that show e's body: its own page, and
// any file carrying the newest bodies when e is among them. When only an
// article's body changed, these are the only files that can change.
func (p *Plan) ShowingBody(e *generator.Entry) []int {
	pos := slices.Index(p.site.Entries, e)
	var out []int
	for i := range p.jobs {
		if j := &p.jobs[i]; j.entry == e || pos >= 0 && pos < j.bodies {
			out = append(out, i)
		}
	}
	return out
}

// CardChanged is for an entry whose front matter changed but not its place
// in the site: the same date, names and position in every list. It
// records e's new card for rendering (meta is its new Fingerprints.Meta)
// and lists the files that can show the card: the entry's own page and
// its neighbours' (their pager names it) and those listing it as related, its issue's and its terms'
// pages and feeds, and the files drawn from the whole site but for those
// showing only its outline.
func (p *Plan) CardChanged(seed maphash.Seed, e *generator.Entry, meta uint64) []int {
	if p.cards != nil {
		var h maphash.Hash
		h.SetSeed(seed)
		p.cards[e] = card(&h, e, meta, nil)
	}
	terms := map[*generator.Term]bool{}
	for _, ts := range e.Terms {
		for _, t := range ts {
			terms[t] = true
		}
	}
	var out []int
	for i := range p.jobs {
		j := &p.jobs[i]
		if j.entry == e && j.page != nil {
			// The page was given the old title and summary.
			site := j.page.Site
			*j.page = *articlePage(e)
			j.page.Site = site
		}
		whole := j.entry == nil && j.term == nil && j.issue == nil && !j.outline
		if whole || j.issue == e.Issue || terms[j.term] ||
			j.entry != nil && (j.entry == e || j.entry == e.Prev || j.entry == e.Next || slices.Contains(j.entry.Related, e)) {
			out = append(out, i)
		}
	}
	return out
}

// Fingerprints of one article, which depend on its file alone.
type Fingerprints struct {
	Meta uint64 // its front matter and page address
	Body uint64 // its Markdown
}

// Fingerprint hashes an article for Sigs.
func Fingerprint(seed maphash.Seed, a *generator.Article) Fingerprints {
	return Fingerprints{Meta: metaPrint(seed, a), Body: maphash.Bytes(seed, a.Body)}
}

func metaPrint(seed maphash.Seed, a *generator.Article) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
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
	put  func(*maphash.Hash, *generator.Article)
}{
	{"Title", func(h *maphash.Hash, a *generator.Article) { putString(h, a.Title) }},
	{"Date", func(h *maphash.Hash, a *generator.Article) { putTime(h, a.Date) }},
	{"Source", func(h *maphash.Hash, a *generator.Article) { putString(h, a.Source) }},
	{"URL", func(h *maphash.Hash, a *generator.Article) { putString(h, a.URL) }},
	{"License", func(h *maphash.Hash, a *generator.Article) { putString(h, a.License) }},
	{"Sections", func(h *maphash.Hash, a *generator.Article) { putStrings(h, a.Sections) }},
	{"Summary", func(h *maphash.Hash, a *generator.Article) { putString(h, a.Summary) }},
	{"People", func(h *maphash.Hash, a *generator.Article) { putStrings(h, a.People) }},
	{"Countries", func(h *maphash.Hash, a *generator.Article) { putStrings(h, a.Countries) }},
	{"Organizations", func(h *maphash.Hash, a *generator.Article) { putStrings(h, a.Organizations) }},
	{"Places", func(h *maphash.Hash, a *generator.Article) { putStrings(h, a.Places) }},
	{"Event", func(h *maphash.Hash, a *generator.Article) { putString(h, a.Event) }},
	{"Topics", func(h *maphash.Hash, a *generator.Article) { putStrings(h, a.Topics) }},
	{"Draft", func(h *maphash.Hash, a *generator.Article) { putBool(h, a.Draft) }},
	{"Metadata.Slug", func(h *maphash.Hash, a *generator.Article) { putString(h, a.Metadata.Slug) }},
	{"Fingerprint", func(h *maphash.Hash, a *generator.Article) { putString(h, a.Fingerprint) }},
	{"File", func(h *maphash.Hash, a *generator.Article) { putString(h, a.File) }},
	{"Slug", func(h *maphash.Hash, a *generator.Article) { putString(h, a.Slug) }},
	{"SlugLine", func(h *maphash.Hash, a *generator.Article) { putInt(h, uint64(a.SlugLine)) }},
	{"SlugCol", func(h *maphash.Hash, a *generator.Article) { putInt(h, uint64(a.SlugCol)) }},
	{"BodyLine", func(h *maphash.Hash, a *generator.Article) { putInt(h, uint64(a.BodyLine)) }},
	{"Unknown", func(h *maphash.Hash, a *generator.Article) {
		putInt(h, uint64(len(a.Unknown)))
		for _, e := range a.Unknown {
			putString(h, e.Error())
		}
	}},
}

// notFingerprinted are the article's fields Fingerprints.Meta leaves
// out, and why.
var notFingerprinted = map[string]string{
	"Metadata": "its fields are listed one by one",
	"Body":     "Fingerprints.Body",
	"onDisk":   "where the body is kept, not what it says",
}

func putBool(h *maphash.Hash, b bool) {
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
func card(h *maphash.Hash, e *generator.Entry, meta uint64, names map[*generator.Term]uint64) uint64 {
	h.Reset()
	putInt(h, meta)
	putString(h, e.Issue.Slug)
	seed := h.Seed()
	for _, ts := range e.Terms {
		putInt(h, uint64(len(ts)))
		for _, t := range ts {
			n, ok := names[t]
			if !ok {
				n = maphash.String(seed, t.Slug)*31 + maphash.String(seed, t.Name)
				if names != nil {
					names[t] = n
				}
			}
			putInt(h, n)
		}
	}
	return h.Sum64()
}

// termSig covers a term page and its feed: its articles and the terms
// named alongside it.
func termSig(h *maphash.Hash, t *generator.Term, card func(*generator.Entry) uint64) uint64 {
	h.Reset()
	putString(h, t.Name)
	for _, e := range t.Entries {
		putInt(h, card(e))
	}
	for _, rel := range t.Related {
		putString(h, rel.Taxonomy.Name)
		putCounts(h, rel.Terms)
	}
	return h.Sum64()
}

// issueSig covers an issue page and its feed. Its groups and top names
// follow from its articles' cards; what moved depends on the week before,
// and the pager on the neighbouring issues.
func issueSig(h *maphash.Hash, is *generator.Issue, card func(*generator.Entry) uint64) uint64 {
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
	for _, n := range []*generator.Issue{is.Prev, is.Next} {
		if n != nil {
			putString(h, n.Slug)
			putString(h, n.Title)
		} else {
			putString(h, "")
		}
	}
	return h.Sum64()
}

func putCounts(h *maphash.Hash, list []generator.TermCount) {
	putInt(h, uint64(len(list)))
	for _, tc := range list {
		putString(h, tc.Term.Slug)
		putString(h, tc.Term.Name)
		putInt(h, uint64(tc.Count))
	}
}

// putString writes s with its length, so ("ab","c") and ("a","bc") differ.
func putString(h *maphash.Hash, s string) {
	putInt(h, uint64(len(s)))
	h.WriteString(s)
}

func putStrings(h *maphash.Hash, list []string) {
	putInt(h, uint64(len(list)))
	for _, s := range list {
		putString(h, s)
	}
}

func putInt(h *maphash.Hash, n uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(n >> (8 * i))
	}
	h.Write(b[:])
}

// putTime includes the zone: pages print dates in the article's own offset.
func putTime(h *maphash.Hash, t time.Time) {
	putInt(h, uint64(t.UnixNano()))
	name, offset := t.Zone()
	putString(h, name)
	putInt(h, uint64(offset))
}
