package render

import (
	"html/template"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/fphash"
)

// cards renders each article's card, the "entry" partial, once and reuses
// it on every list that shows it: the same article appears on its issue
// and on a page for each name it gives, and executing html/template is
// most of a build's time. With KeepCards (serve) cards are kept between
// renders too, keyed by what they show, so re-rendering a long term page
// re-executes only the cards that changed; a one-off build keeps them by
// article for the one render.
//
// A card is the partial executed with .Entry, .Except, .Countries (the
// entry's countries less .Except) and a .Page that holds only .Site;
// .Except is set only when it is one of the entry's countries, as those
// are the chips a card leaves out.
type cards struct {
	// html and keys are read by every worker for every card shown, so
	// they are sync.Maps, which read without locking.
	html sync.Map // cardKey → template.HTML
	size atomic.Int64
	mu   sync.Mutex
	keys sync.Map // *generator.Entry → its fingerprint this render
	// given are fingerprints Plan.Sigs already worked out, by entry
	// index in givenFor; serve renders after Sigs, so its cards cost no
	// hashing.
	given    []uint64
	givenFor []*generator.Entry
	// shared is set when every page template has the same "entry", so a
	// card made for an issue page serves the term pages too.
	shared bool
	// keepAll keeps the cards that leave out a country too, and keeps
	// cards between renders, keyed by fingerprint (serve).
	keepAll bool
	// byEntry holds, for a one-off render, each entry's card with no
	// country left out, by Entry.Index: at 100,000 articles a map of
	// them cost more memory, and more time in lookups, than the cards.
	byEntry []atomic.Pointer[template.HTML]
	site    *generator.Site
	// lists holds, with keepAll, each list of cards cardList made, keyed
	// by what its cards show: a save re-renders long term pages in which
	// only one week's list changed, and building the others again was
	// most of the memory a save copied.
	lists     sync.Map // uint64 → template.HTML
	listBytes atomic.Int64
	// own are the page kinds of the site's own templates, whose cards may
	// show anything of the site: they are keyed by whole, Plan.whole of
	// this render, as well.
	own   map[string]bool
	whole uint64
	// countries is the place of the countries in site's taxonomies, -1
	// for none: looked up by name for every card, it was a string
	// comparison per taxonomy, 150,000 times at 10,000 articles.
	countries int
}

// countriesOf is what p.Site.Terms(e, "countries") is, for e of c.site.
func (c *cards) countriesOf(p *Page, e *generator.Entry) []*generator.Term {
	if p.Site != c.site || c.countries < 0 || c.countries >= len(e.Terms) {
		return p.Site.Terms(e, "countries")
	}
	return e.Terms[c.countries]
}

// maxListBytes bounds the memory lists may hold before being emptied.
const maxListBytes = 256 << 20

type cardKey struct {
	kind   string
	card   uint64
	except string
}

func newCards() *cards {
	return &cards{}
}

// begin starts a render of s: entries are new objects each time a site
// is assembled, so their fingerprints are worked out afresh, and cards
// of articles long gone are dropped once they outnumber the live ones.
func (c *cards) begin(p *Plan) {
	s := p.site
	c.mu.Lock()
	defer c.mu.Unlock()
	c.given, c.givenFor = p.cards, s.Entries
	c.whole = p.whole
	if len(c.own) > 0 && p.whole == 0 {
		// Rendered without Sigs: nothing tells this site from the last.
		c.html.Clear()
		c.size.Store(0)
		c.lists.Clear()
		c.listBytes.Store(0)
	}
	c.keys.Clear()
	c.site, c.byEntry = s, nil
	c.countries = slices.IndexFunc(s.Taxonomies, func(t *generator.Taxonomy) bool { return t.Name == "countries" })
	if !c.keepAll && c.shared {
		c.byEntry = make([]atomic.Pointer[template.HTML], len(s.Entries))
	}
	if c.size.Load() > 8*int64(len(s.Entries))+1024 {
		c.html.Clear()
		c.size.Store(0)
	}
	if c.listBytes.Load() > maxListBytes {
		c.lists.Clear()
		c.listBytes.Store(0)
	}
}

// fingerprint returns e's card fingerprint, working it out once a render.
func (c *cards) fingerprint(e *generator.Entry) uint64 {
	if i := e.Index; i >= 0 && i < len(c.given) && i < len(c.givenFor) && c.givenFor[i] == e {
		return c.given[i]
	}
	if fp, ok := c.keys.Load(e); ok {
		return fp.(uint64)
	}
	var h fphash.Hash
	fp := card(&h, e, metaPrint(e.Article), nil)
	c.keys.Store(e, fp)
	return fp
}

// card returns the card of e on a page of p's kind, whose template is t.
func (r *Renderer) card(t *template.Template, kind string, p *Page, e *generator.Entry, except *generator.Term) (template.HTML, error) {
	c := r.cards
	key := cardKey{kind: kind}
	if c.shared {
		key.kind = ""
	}
	countries := c.countriesOf(p, e)
	if i := slices.Index(countries, except); except != nil && i >= 0 {
		key.except = except.Slug
		countries = slices.Delete(slices.Clone(countries), i, i+1)
	} else {
		except = nil
	}

	var slot *atomic.Pointer[template.HTML]
	switch {
	case c.byEntry != nil && except == nil && e.Index < len(c.byEntry) && c.site.Entries[e.Index] == e:
		slot = &c.byEntry[e.Index]
		if html := slot.Load(); html != nil {
			return *html, nil
		}
	case c.byEntry != nil && except != nil:
		if head, tail, ok, err := r.cardLess(t, kind, p, e, except); ok || err != nil {
			return head + tail, err
		}
		// Made from cached pieces each time; see below.
	default:
		key.card = c.fingerprint(e)
		if c.own[kind] {
			var h fphash.Hash
			putInt(&h, key.card)
			putInt(&h, c.whole)
			key.card = h.Sum64()
		}
		if html, ok := c.html.Load(key); ok {
			return html.(template.HTML), nil
		}
	}
	buf := getPiece()
	defer putPiece(buf)
	if r.goCard[kind] && !r.templatesOnly {
		// A card kept by entry is the one card of its entry this render
		// makes (cardLess cuts the others from it), so the text inside
		// it is written once and is not worth keeping apart.
		if err := r.writeCard(htmlw{buf}, t, kind, e, countries, slot == nil); err != nil {
			return "", err
		}
	} else {
		data := map[string]any{"Page": &Page{Site: p.Site}, "Entry": e, "Except": except, "Countries": countries}
		if err := t.ExecuteTemplate(buf, "entry", data); err != nil {
			return "", err
		}
	}
	html := template.HTML(buf.String())
	// A card less one country is shown on that country's page and its
	// issue's group at most, and the entry partial makes it from cached
	// pieces: a build keeping one per country an article names would
	// hold several copies of every card, too many at 100,000 articles.
	// serve keeps them, as its rebuilds re-render long country pages.
	switch {
	case slot != nil:
		slot.Store(&html)
	case except == nil || c.keepAll:
		if _, loaded := c.html.Swap(key, html); !loaded {
			c.size.Add(1)
		}
	}
	return html, nil
}

// cardLess is e's card less except's chip, as the two pieces of e's
// whole card on either side of that chip, when Go writes both the card
// and the chips of a build's page of kind: the chips are then the ones
// chips writes, in order, each a link to its own term, so the chip is
// found where it stands. A card less a country is shown on that
// country's page and in its group of an issue: made from its pieces, at
// 100,000 articles, that was 240 MB of copies, and the text of every
// card kept a second time. ok is false when the card must be made.
func (r *Renderer) cardLess(t *template.Template, kind string, p *Page, e *generator.Entry, except *generator.Term) (head, tail template.HTML, ok bool, err error) {
	c := r.cards
	if c.byEntry == nil || !r.goCard[kind] || !r.goChip[kind] || r.templatesOnly ||
		!slices.Contains(c.countriesOf(p, e), except) {
		return "", "", false, nil
	}
	whole, err := r.card(t, kind, p, e, nil)
	if err != nil {
		return "", "", false, err
	}
	chip := r.partials.written(r.partials.key(kind, "chip", except), func(w htmlw) { r.writeChip(w, except) })
	// The text before the chips is escaped, so the first place the chip
	// stands is in the list.
	at := strings.Index(string(whole), string(chip))
	if at < 0 {
		return "", "", false, nil
	}
	head, tail = whole[:at], whole[at+len(chip):]
	if strings.HasSuffix(string(head), chipsOpen) && strings.HasPrefix(string(tail), chipsClose) {
		// Its only chip: the list goes too, as writeCard leaves it out.
		return head[:len(head)-len(chipsOpen)], tail[len(chipsClose):], true, nil
	}
	return head, tail, true, nil
}

// cardList is the cards of entries, one per line. A list page's template
// calls it once for each group rather than card once for each article:
// on a page of 3,000 articles the template calls cost more than the
// cards, which are made once and reused.
func (r *Renderer) cardList(t *template.Template, kind string, p *Page, entries []*generator.Entry, except *generator.Term) (template.HTML, error) {
	c := r.cards
	var key uint64
	if c.keepAll {
		var h fphash.Hash
		if !c.shared {
			h.WriteString(kind)
		}
		h.WriteByte(0)
		if except != nil {
			h.WriteString(except.Slug)
		}
		h.WriteByte(0)
		if c.own[kind] {
			putInt(&h, c.whole)
		}
		for _, e := range entries {
			putInt(&h, c.fingerprint(e))
		}
		key = h.Sum64()
		if html, ok := c.lists.Load(key); ok {
			return html.(template.HTML), nil
		}
	}
	cards := make([]template.HTML, len(entries))
	size := len(entries)
	for i, e := range entries {
		html, err := r.card(t, kind, p, e, except)
		if err != nil {
			return "", err
		}
		cards[i] = html
		size += len(html)
	}
	var b strings.Builder
	b.Grow(size)
	for i, html := range cards {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(html))
	}
	list := template.HTML(b.String())
	if c.keepAll {
		if _, loaded := c.lists.Swap(key, list); !loaded {
			c.listBytes.Add(int64(len(list)))
		}
	}
	return list, nil
}
