package render

import (
	"slices"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/fphash"
)

// An Edit is one article's save as serve applied it to the site it keeps:
// the entry is in its new place, and the Edit says where it was.
type Edit struct {
	Entry *generator.Entry
	// Card and Body say what changed: its front matter or names (what a
	// list shows of it), its Markdown. Refiled says that its date, names
	// or place among its day's articles may have changed, which even the
	// files that show only where each article is (the sitemap, the
	// archive) show.
	Card, Body, Refiled bool
	// Was is its index in the site's entries before the save (after the
	// batch's earlier saves); for an article added, where it is now.
	Was int
	// Terms are the terms it was and is filed under. Weeks are the weeks
	// it left and joined and the weeks either side of those: their
	// articles' neighbours and related articles are all a save changes.
	Terms []*generator.Term
	Weeks []*generator.Issue
}

// Edits are the saves of one rebuild. Entries from Lo to Hi (inclusive)
// are those whose place in the site's entries changed, and Moved is what
// that stretch held before; Lo > Hi when none did.
type Edits struct {
	List   []Edit
	Lo, Hi int
	Moved  []*generator.Entry
}

// Known says what EditSigs knows of a file's fingerprint.
type Known uint8

const (
	// Carried: nothing the file shows was edited, so its last
	// fingerprint holds.
	Carried Known = iota
	// Worked out afresh.
	Computed
	// It must render, and its fingerprint is not known: it shows the
	// card or body of an edited article among every article's, or
	// anything at all (a site's own template).
	Stale
)

// EditSigs fingerprints the files of p that the edits may reach, for a
// rebuild that applied them to the site of an earlier plan without
// moving any week into or out of the site or changing the newest week
// (the caller fingerprints the whole plan then). The fingerprints are
// Sigs', worked out the same way; what it leaves out is what none of
// the edits can reach, judged by each file's inputs (an edit to an
// article's body alone reaches only its page and the files that show
// its body):
//   - an article's page shows its neighbours and related articles, all
//     in its own week or the weeks either side: only the edited weeks'
//     articles' pages are fingerprinted;
//   - a term's pages and feed, only for the edited articles' terms, old
//     and new: no other term's articles or names counted alongside it
//     changed;
//   - an issue's page, feed and email, only for the edited weeks;
//   - a run of search results, where it holds an edited article or one
//     that moved;
//   - taxonomy lists, whenever a card changed or an article was refiled
//     (they are small, and show every term's count and newest date);
//   - files drawn from every article's card (home, feeds, the search
//     index) are Stale when a card changed, or a body they show; those
//     drawn from every article's place only (the sitemap, the archive),
//     when an article was refiled; the pages of a site's own templates
//     are always Stale.
//
// prev is the plan the edits were made after, whose card fingerprints
// serve again for every article not edited (p may be prev itself).
func (p *Plan) EditSigs(prints func(*generator.Article) Fingerprints, edits Edits, prev *Plan) ([]uint64, []Known) {
	s := p.site
	// Whether each entry's page is fingerprinted, by index: ten thousand
	// lookups in a map were most of the time a save spent here.
	subjects := make([]bool, len(s.Entries))
	subject := func(e *generator.Entry) {
		if e.Index < len(s.Entries) && s.Entries[e.Index] == e {
			subjects[e.Index] = true
		}
	}
	terms := map[*generator.Term]bool{}
	weeks := map[*generator.Issue]bool{}
	anyCard, anyRefiled := false, false
	newestBody := -1 // the newest place of an edited body, -1 for none
	for _, ed := range edits.List {
		subject(ed.Entry) // none for an article removed
		anyCard, anyRefiled = anyCard || ed.Card, anyRefiled || ed.Refiled
		if ed.Body {
			for _, at := range []int{ed.Entry.Index, ed.Was} {
				if newestBody < 0 || at < newestBody {
					newestBody = at
				}
			}
		}
		if !ed.Card && !ed.Refiled {
			// Only its own page and the files that show its body show
			// the change: no list shows an article's body.
			continue
		}
		for _, t := range ed.Terms {
			terms[t] = true
		}
		for _, is := range ed.Weeks {
			weeks[is] = true
			for _, e := range is.Entries {
				subject(e)
			}
		}
	}
	edited := map[*generator.Entry]bool{}
	for _, ed := range edits.List {
		edited[ed.Entry] = true
	}
	// A run of search results is a slice of the site's entries by place.
	reaches := func(group []*generator.Entry) bool {
		if len(group) == 0 {
			return false
		}
		if lo, hi := group[0].Index, group[len(group)-1].Index; edits.Lo <= hi && lo <= edits.Hi {
			return true
		}
		return slices.ContainsFunc(group, func(e *generator.Entry) bool { return edited[e] })
	}

	// Cards are the last plan's but for the edited articles'; bodies are
	// fingerprinted as the files ask for them.
	p.carryCards(prints, prev, edits)
	fps := make([]Fingerprints, len(s.Entries))
	haveBody := make([]bool, len(s.Entries))
	// every and whole are left at zero: the files that show them are
	// Stale here, never Computed.
	w := sigShare{p: p,
		card: func(e *generator.Entry) uint64 {
			if e == nil {
				return 0
			}
			return p.cards[e.Index]
		},
		body: func(e *generator.Entry) uint64 {
			if !haveBody[e.Index] {
				fps[e.Index], haveBody[e.Index] = prints(e.Article), true
			}
			return fps[e.Index].Body
		},
		terms: map[*generator.Term]uint64{}, issues: map[*generator.Issue]uint64{}, newest: map[newestKey]uint64{}, names: map[*generator.Term]uint64{}}

	sigs := make([]uint64, len(p.jobs))
	known := make([]Known, len(p.jobs))
	own := len(p.own) > 0
	for i := range p.jobs {
		j := &p.jobs[i]
		if !own && j.entry != nil && !subjects[j.entry.Index] {
			continue // the page of an article no edit reaches: most of them
		}
		in := p.inputs(j)
		var k Known
		switch {
		case in.whole:
			k = Stale
		case in.subject != nil:
			k = computedIf(subjects[in.subject.Index])
		case in.term != nil:
			k = computedIf(terms[in.term])
		case in.issue != nil:
			k = computedIf(weeks[in.issue])
		case in.taxonomy != nil:
			k = computedIf(anyCard || anyRefiled)
		case in.group != nil:
			k = computedIf(reaches(in.group))
		case in.outline && anyRefiled, !in.outline && anyCard, newestBody >= 0 && newestBody < in.bodies:
			k = Stale
		}
		known[i] = k
		if k == Computed {
			sigs[i] = w.sig(j)
		}
	}
	return sigs, known
}

// carryCards gives p every entry's card fingerprint: prev's, at each
// entry's new place, and worked out afresh for the edited entries, whose
// cards alone an edit changes (Replace keeps every term's spelling). With
// no cards of prev's to go on, all are worked out.
func (p *Plan) carryCards(prints func(*generator.Article) Fingerprints, prev *Plan, edits Edits) {
	s := p.site
	if prev == nil || len(prev.cards) != len(s.Entries) {
		p.cards = allCards(s, prints, make([]Fingerprints, len(s.Entries)))
		return
	}
	cards := prev.cards
	if p != prev {
		cards = slices.Clone(prev.cards)
	}
	if edits.Lo <= edits.Hi {
		// The stretch that moved holds the same entries in a new order.
		was := make(map[*generator.Entry]uint64, len(edits.Moved))
		for k, e := range edits.Moved {
			was[e] = prev.cards[edits.Lo+k]
		}
		for i := edits.Lo; i <= edits.Hi; i++ {
			cards[i] = was[s.Entries[i]]
		}
	}
	var h fphash.Hash
	for _, ed := range edits.List {
		if i := ed.Entry.Index; i < len(s.Entries) && s.Entries[i] == ed.Entry { // not one removed
			cards[i] = card(&h, ed.Entry, prints(ed.Entry.Article).Meta, nil)
		}
	}
	p.cards = cards
}

func computedIf(b bool) Known {
	if b {
		return Computed
	}
	return Carried
}
