package extract

import "github.com/briefing-digest/briefing/generator/extract/gazetteer"

// countriesAndPlaces reads the gazetteer matches as countries and places,
// deciding the ambiguous ones by context. people holds the words of the
// people found, so "Valeska Paris" and "Michael Jordan" name no country.
func (s *scene) countriesAndPlaces(people set) (countries, places *ordered) {
	countries, places = newOrdered(), newOrdered()
	georgiaState := s.georgiaIsState()
	turkeyBird := s.turkeyIsFood()
	for _, m := range s.matches {
		tk := s.a.toks[m.from]
		l := s.a.lines[tk.line]
		if l.work {
			continue // "The Man From Lisbon (1952)" is a film, not Portugal
		}
		if s.noble[m.from] {
			// "Duchess of Wessex": a British title, though no place the
			// story happens in.
			if m.e.country != "" {
				countries.add(m.e.country, tk.start)
			}
			continue
		}
		if s.person[m.from] || s.taggedPerson(m.from, m.to) >= personOverPlaceConf {
			continue
		}
		word := tk.key
		if m.part >= 0 {
			word = fold(hyphenPart(tk.text, m.part))
		}
		switch m.e.kind {
		case kCountry, kDemonym:
			if people[word] && m.e.kind == kCountry {
				continue
			}
			if l.unsure && ambiguousCountry[word] {
				continue
			}
			switch {
			case word == "georgia" && georgiaState:
				places.add("Georgia", tk.start)
				continue
			case word == "turkey" && turkeyBird:
				continue
			case m.e.kind == kCountry && (s.namesFirm(m) || s.currency(m) || s.branch(m)):
				continue
			}
			countries.add(m.e.name, tk.start)
		case kCapital:
			if people[word] || s.taken[m.from] {
				continue
			}
			if l.unsure || l.role == roleDateline {
				places.add(m.e.name, tk.start)
				continue
			}
			metonym := s.metonym(m)
			if word == "washington" && !metonym {
				places.add(m.e.name, tk.start)
				continue
			}
			countries.add(m.e.country, tk.start)
			if !metonym {
				places.add(m.e.name, tk.start)
			}
		case kPlace:
			if people[word] || s.taken[m.from] {
				continue
			}
			places.add(m.e.name, tk.start)
			// A city or region is in its country, as the analyst files it:
			// "Las Vegas" is news from the United States.
			if m.e.country != "" && !(l.unsure && m.to-m.from == 1) {
				countries.add(m.e.country, tk.start)
			}
		}
	}
	return countries, places
}

// ambiguousCountry are country names that are also common words or names;
// a line in capitals cannot tell which they are.
var ambiguousCountry = set{"georgia": true, "jordan": true, "chad": true, "turkey": true, "niger": true, "guinea": true,
	"us": true, "china": true, "panama": true, "israel": true, "india": true, "kenya": true, "america": true}

func hyphenPart(text string, k int) string {
	n := 0
	start := 0
	for i, r := range text {
		if gazetteer.IsHyphen(r) {
			if n == k {
				return text[start:i]
			}
			n++
			start = i + len(string(r))
		}
	}
	return text[start:]
}

// namesFirm reports a country's name used as part of a firm's or paper's
// name: "China Daily", "Air France".
func (s *scene) namesFirm(m gazMatch) bool {
	toks := s.a.toks
	if m.part >= 0 {
		return false
	}
	if m.to < len(toks) && toks[m.to].nl == 0 && toks[m.to].upper && s.t.is(lexNotcountry, toks[m.to].key) {
		return true
	}
	return m.from > 0 && toks[m.from].nl == 0 && toks[m.from-1].key == "air" && toks[m.from-1].upper
}

// metonym reports a capital standing for its government: "Tehran-Moscow
// cooperation", "relations between Tehran and Moscow", "Beijing has
// warned".
func (s *scene) metonym(m gazMatch) bool {
	toks := s.a.toks
	if m.part >= 0 {
		return m.parts >= 2
	}
	if m.to+1 < len(toks) && toks[m.to].key == "and" && s.isCountryish(m.to+1) {
		return true
	}
	if m.from >= 2 && toks[m.from-1].key == "and" && s.isCountryish(m.from-2) {
		return true
	}
	if m.to < len(toks) && toks[m.to].nl == 0 {
		next := toks[m.to]
		if next.kind == tWord && !next.upper && s.t.is(lexAuxiliaries, next.key) {
			return true
		}
	}
	return false
}

func (s *scene) isCountryish(i int) bool {
	g, ok := s.gaz(i)
	return ok && (g.e.kind == kCountry || g.e.kind == kCapital)
}

// georgiaIsState weighs the article's clues to the U.S. state against
// clues to the Caucasian country.
func (s *scene) georgiaIsState() bool {
	state, country := 0, 0
	for _, t := range s.a.toks {
		switch t.key {
		case "atlanta", "savannah", "augusta", "macon", "alabama", "florida", "tennessee", "carolina", "county", "u.s.", "us", "republicans", "democrats", "governor":
			state++
		case "tbilisi", "georgian", "georgians", "caucasus", "abkhazia", "ossetia", "batumi", "kutaisi", "russia", "russian", "armenia", "azerbaijan", "ukraine", "nato", "eu":
			country++
		}
	}
	return state > country
}

// turkeyIsFood reports an article about the bird on the table rather than
// the country.
func (s *scene) turkeyIsFood() bool {
	food, country := 0, 0
	for _, t := range s.a.toks {
		switch t.key {
		case "thanksgiving", "roast", "roasted", "stuffing", "gravy", "poultry", "recipe", "oven", "dinner", "feathers", "farm", "christmas":
			food++
		case "turkish", "ankara", "istanbul", "erdogan", "kurdish", "turks", "lira":
			country++
		}
	}
	return food > 0 && country == 0
}

// currency reports an abbreviation that prefixes a currency: "US$ 20,000".
func (s *scene) currency(m gazMatch) bool {
	toks := s.a.toks
	return m.part < 0 && m.to < len(toks) && toks[m.to].key == "$" && toks[m.to].start == toks[m.to-1].end
}

// branch reports an abbreviation closing a firm's name: "Hitwise UK".
func (s *scene) branch(m gazMatch) bool {
	toks := s.a.toks
	if m.e.exact == "" || m.part >= 0 || m.from == 0 || toks[m.from].nl > 0 {
		return false
	}
	p := toks[m.from-1]
	if p.kind != tWord || !p.upper || p.sent || s.gazAt[m.from-1] >= 0 {
		return false
	}
	return !s.t.is(lexTitles, p.key) && !s.t.is(lexTitlemods, p.key) && !s.t.is(lexNotnames, p.key)
}
