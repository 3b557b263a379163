package extract

// Option configures an Extractor.
type Option func(*Extractor)

// WithVocabulary sets the topics Extract chooses from.
func WithVocabulary(v Vocabulary) Option {
	return func(x *Extractor) { x.topics = compileVocabulary(v) }
}

// WithAliases makes every variant in a name its canonical form.
func WithAliases(a Aliases) Option {
	return func(x *Extractor) { x.aliases = a.index() }
}

// WithKnownPeople gives the names the site already uses, so a new
// article's "Nikolai Patrushev" is filed under the existing "Nikolay
// Patrushev" rather than as a new person.
func WithKnownPeople(names []string) Option {
	return func(x *Extractor) {
		x.known = x.known[:0]
		for _, n := range names {
			keys := nameKeys(n)
			if len(keys) > 0 {
				x.known = append(x.known, knownPerson{name: n, keys: keys})
			}
		}
	}
}

// knownPerson is a name from the site's content, ready for comparing.
type knownPerson struct {
	name string
	keys []string
}

func nameKeys(name string) []string {
	var keys []string
	for _, t := range tokenize(name) {
		if t.kind == tWord {
			keys = append(keys, t.key)
		}
	}
	return keys
}
