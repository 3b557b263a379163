package generator

import (
	"slices"
	"time"
)

// Site is everything a build renders, assembled from articles and config.
// It is built once per build and then only read, so renderers may share it
// across goroutines.
type Site struct {
	Config     Config
	Entries    []*Entry    // newest first
	Taxonomies []*Taxonomy // in the configured order
	Issues     []*Issue    // newest first
	// Clashes are spellings merged into one term because they slug alike
	// ("Türkiye" and "Turkiye"); check reports them.
	Clashes []Clash
	// Updated is the newest article's date: the site's "last changed",
	// used instead of the clock so two builds of the same files are equal.
	Updated time.Time
	// Preview is set when serve renders the site for its editor: unpublished
	// issues are then listed like the others and carry a banner.
	Preview bool
}

// Listed are the issues lists show, newest first: the published ones,
// or every one in a preview.
func (s *Site) Listed() []*Issue {
	if s.Preview {
		return s.Issues
	}
	out := make([]*Issue, 0, len(s.Issues))
	for _, is := range s.Issues {
		if is.Published {
			out = append(out, is)
		}
	}
	return out
}

// Latest is the issue the home page shows: the newest listed one, or nil
// when none is.
func (s *Site) Latest() *Issue {
	for _, is := range s.Issues {
		if is.Published || s.Preview {
			return is
		}
	}
	return nil
}

// Taxonomy returns the taxonomy called name ("countries"), or nil when
// the site does not render it.
func (s *Site) Taxonomy(name string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Terms returns the terms e names in the taxonomy called name, so callers
// need not know the configured order of taxonomies.
func (s *Site) Terms(e *Entry, name string) []*Term {
	for i, t := range s.Taxonomies {
		if t.Name == name {
			return e.Terms[i]
		}
	}
	return nil
}

// Entry is an article placed in the site: its week's issue, its
// neighbours in that week and the terms it names.
type Entry struct {
	*Article
	Index      int // its place in Site.Entries, newest first
	Issue      *Issue
	Prev, Next *Entry    // older and newer in the same week
	Terms      [][]*Term // Terms[i] are the names it gives in Site.Taxonomies[i]
	// Related are the articles of its own and the neighbouring weeks
	// sharing the most names with it, most first.
	Related []*Entry

	// path is Path, made once: every list an entry is on asks for it. An
	// entry's Article is only ever replaced by one with the same slug.
	path string
}

// NewEntry is the entry of a, at index in the site's entries, filed under
// taxonomies taxonomies.
func NewEntry(a *Article, index, taxonomies int) *Entry {
	return &Entry{Article: a, Index: index, Terms: make([][]*Term, taxonomies), path: "articles/" + a.Slug + "/"}
}

// URL is the entry's page path, relative to the site root.
func (e *Entry) Path() string {
	if e.path != "" {
		return e.path
	}
	return "articles/" + e.Slug + "/"
}

// Taxonomy is one way of grouping articles: countries, people, …
type Taxonomy struct {
	Name     string  // "countries": the field, and the URL folder
	Singular string  // "country"
	Title    string  // "Countries"
	Terms    []*Term // most articles first, then A–Z
	ByName   []*Term // A–Z
	bySlug   map[string]*Term
}

// URL is the taxonomy's list page, relative to the site root.
func (t *Taxonomy) Path() string { return t.Name + "/" }

// Term returns the term with this slug, or nil.
func (t *Taxonomy) Term(slug string) *Term { return t.bySlug[slug] }

// SetTerms installs the terms and their index; the site package calls it.
func (t *Taxonomy) SetTerms(terms []*Term, byName []*Term) {
	t.Terms, t.ByName = terms, byName
	t.bySlug = make(map[string]*Term, len(terms))
	for _, term := range terms {
		t.bySlug[term.Slug] = term
	}
}

// Term is one country, person, organization, event or topic.
type Term struct {
	Taxonomy *Taxonomy
	Name     string   // the spelling most articles use
	Slug     string   // from Name; every spelling that slugs alike is this term
	Key      string   // Name in lower case: the A–Z order, worked out once rather than in every comparison
	Entries  []*Entry // newest first
	// Related are the terms most often named in the same articles, one
	// group per taxonomy, most shared articles first.
	Related []Related

	path string // Path, made once: every card names its terms' pages
}

// NewTerm is the term of tax with this slug, with no name or articles yet.
func NewTerm(tax *Taxonomy, slug string) *Term {
	return &Term{Taxonomy: tax, Slug: slug, path: tax.Name + "/" + slug + "/"}
}

// URL is the term's page, relative to the site root.
func (t *Term) Path() string {
	if t.path != "" {
		return t.path
	}
	return t.Taxonomy.Name + "/" + t.Slug + "/"
}

// Related is a group of terms from one taxonomy named alongside another.
type Related struct {
	Taxonomy *Taxonomy
	Terms    []TermCount
}

// TermCount is a term and how many articles (of some set) name it.
type TermCount struct {
	Term  *Term
	Count int
}

// Mover is a term named more (or for the first time) in a week than in the
// week before.
type Mover struct {
	Term       *Term
	This, Last int
}

// Issue is one week's digest.
type Issue struct {
	Year, Week  int
	Start, Last time.Time // first and last day of the week, at midnight
	Slug        string    // "2021-w45"
	Title       string    // "Week 45 · 8–14 November 2021"
	Entries     []*Entry  // newest first
	// Groups are the week's articles by country: each article under the
	// first country it names, countries with most articles first, and
	// articles naming none last under an empty Term.
	Groups []IssueGroup
	// TopPeople and TopCountries are the week's most named: those named in
	// more than one article, or the first few when too few are.
	TopPeople    []TermCount
	TopCountries []TermCount
	Movers       []Mover // what rose since the previous calendar week; none when it had no articles
	Prev, Next   *Issue  // the older and the newer issue that have articles

	// Number counts the weeks that have articles: No. 1 is the oldest.
	Number int
	// Published says whether lists show the issue (see Site.Listed): a week
	// is published once a newer week has articles, or when its edition
	// file is there and does not say published: false.
	Published bool
	// Headline is the edition's title, or Title when it gives none.
	Headline string
	// Edition is the week's content/issues file, nil when there is none.
	Edition *Edition
	// Lead and Featured are the articles the edition puts first; Rest are
	// the others by country, as Groups files them, and Brief those shown
	// as one line each: an article alone under its country, when the issue
	// has a lead, featured articles or a country with several. Each of
	// Brief's groups holds one article.
	Lead     *Entry
	Featured []*Entry
	Rest     []IssueGroup
	Brief    []IssueGroup
	// Older and Newer are the neighbouring listed issues, for the pager:
	// an unpublished issue is no page to send a reader to.
	Older, Newer *Issue
}

// Edition is an editor's file for one week: content/issues/2021-w45.md.
type Edition struct {
	File      string // slash-separated, relative to the site root
	Week      string // the week's slug, from the file name: "2021-w45"
	Title     string
	Lead      EditionRef   // Lead.Slug is "" when the file names none
	Featured  []EditionRef // in the file's order
	Published *bool        // nil when the file does not say
	Note      []byte       // the editor's note, Markdown
	NoteLine  int          // the file's line where Note starts
}

// EditionRef is an article an edition names, and where it names it, so a
// slug that is no article of the week is reported at its place.
type EditionRef struct {
	Slug      string
	Line, Col int
}

// URL is the issue's page, relative to the site root.
func (i *Issue) Path() string { return "issues/" + i.Slug + "/" }

// Covered is up to n of the week's countries for a list of issues: those
// its groups are about, most articles first, so a row leads with what the
// week was mostly about; then the most named of the rest.
func (i *Issue) Covered(n int) []*Term {
	var out []*Term
	for _, g := range i.Groups {
		if g.Term != nil && len(out) < n {
			out = append(out, g.Term)
		}
	}
	for _, tc := range i.TopCountries {
		if len(out) < n && !slices.Contains(out, tc.Term) {
			out = append(out, tc.Term)
		}
	}
	return out
}

// IssueGroup is a country's share of one week.
type IssueGroup struct {
	Term    *Term // nil for articles that name no country
	Entries []*Entry
}

// Clash is two or more spellings that became one term.
type Clash struct {
	Taxonomy string
	Slug     string
	Names    []string // every spelling, the one used first
	Files    []string // the articles that use a spelling other than the one kept
}
