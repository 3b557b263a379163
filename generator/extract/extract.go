package extract

import "github.com/briefing-digest/briefing/generator"

// Result is what an article is about. Names are canonical display names;
// lists are never nil and hold each name once, in the order the article
// first mentions them.
type Result struct {
	People        []string // full names without titles, each person once
	Countries     []string // common English names: "United States", "Russia", "Iran"
	Organizations []string // full names; abbreviations the article spells out are resolved
	Places        []string // cities and regions that are not countries
	Event         string   // the named meeting, summit, dialogue, talks, exercise, attack or agreement; "" if none
	Topics        []string // from the vocabulary, strongest first
	Summary       string   // the first informative sentences, about 300 characters at most
	// Doubtful are names found but not filed above, for the analyst to
	// judge: import prints them.
	Doubtful []Doubt
}

// Extractor reads articles. Build one with New and share it: Extract is
// safe for concurrent use and does no set-up of its own.
type Extractor struct {
	t       *tables
	rec     *recognizer
	topics  *topicIndex
	aliases map[string]string
	known   []knownPerson
}

// New builds an Extractor, loading its tables once.
func New(opts ...Option) *Extractor {
	x := &Extractor{t: loadTables(), rec: newRecognizer()}
	for _, o := range opts {
		o(x)
	}
	if x.topics == nil {
		x.topics = compileVocabulary(DefaultVocabulary())
	}
	return x
}

// Extract reads one article. title may be "" when the text carries its
// own headline.
func (x *Extractor) Extract(title, text string) Result {
	a := prepare(title, text)
	s := newScene(x.t, a)
	s.tags, s.classes = x.rec.tagArticle(a)
	clusters := s.dropNobleAliases(clusterPeople(s.candidates()))
	people := newOrdered()
	words := set{}
	for _, c := range clusters {
		s.markPerson(c)
		for _, k := range c.name.keys {
			words[k] = true
		}
		people.add(x.canonicalPerson(c), a.toks[c.first].start)
	}
	ps := s.phrases()
	event := s.event(ps)
	orgs := s.organizations(ps)
	s.knownBodies(x.rec, orgs)
	countries, places := s.countriesAndPlaces(words)
	s.learnedPlaces(x.rec, countries, places)
	s.regionalDemonyms(x.rec, countries)
	x.rec.bodiesCountries(orgs, countries)
	return Result{
		People:        x.alias(people.list()),
		Countries:     x.alias(countries.list()),
		Organizations: x.alias(orgs.list()),
		Places:        x.alias(places.list()),
		Event:         x.aliasOne(event),
		Topics:        x.topics.topics(a),
		Summary:       summarize(a),
		Doubtful:      s.doubtful(clusters),
	}
}

// markPerson records the tokens of a person's name, so no country or
// place is read into "Michael Jordan" or "Valeska Paris".
func (s *scene) markPerson(c *personCluster) {
	for _, m := range c.fulls {
		for i := m.from; i < m.to; i++ {
			s.person[i] = true
		}
	}
}

// canonicalPerson prefers a name the site already uses for this person.
func (x *Extractor) canonicalPerson(c *personCluster) string {
	for _, k := range x.known {
		if sameFullName(k.keys, c.name.keys) || (c.name.single() && len(k.keys) > 1 && bare(k.keys[len(k.keys)-1]) == bare(c.name.keys[0])) {
			return k.name
		}
	}
	return c.display()
}

func (x *Extractor) alias(names []string) []string {
	if len(x.aliases) == 0 {
		return names
	}
	o := newOrdered()
	for i, n := range names {
		o.add(x.aliasOne(n), i)
	}
	return o.list()
}

func (x *Extractor) aliasOne(name string) string {
	if canon, ok := x.aliases[generator.Slugify(name)]; ok {
		return canon
	}
	return name
}
