package extract

import (
	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

// learnedPlaces maps the places the tagger finds, and the rules' own
// tables do not know, to their countries through the gazetteers: "Kobane"
// is in Syria, "the Algarve" in Portugal, "the Foreign Office" is the
// United Kingdom's.
func (s *scene) learnedPlaces(rec *recognizer, countries, places *ordered) {
	toks := s.a.toks
	for i := 0; i < len(toks); {
		t := s.tags[i]
		if t.conf < placeConf || (t.kind != tagger.Place && t.kind != tagger.Organization) || !s.a.capital(i) {
			i++
			continue
		}
		end := i + 1
		for end < len(toks) && s.tags[end].kind == t.kind && s.tags[end].conf > 0 && toks[end].nl == 0 {
			end++
		}
		if s.gazAt[i] < 0 && !s.person[i] && !s.taken[i] {
			name := s.text(i, end)
			if t.kind == tagger.Place {
				if p, ok := rec.gaz.Place(name); ok && p.Country != "" && !p.Ambiguous {
					countries.add(p.Country, toks[i].start)
					places.add(p.Name, toks[i].start)
				}
			} else if o, ok := rec.gaz.Organization(name); ok && o.Country != "" {
				countries.add(o.Country, toks[i].start)
			}
		}
		i = end
	}
}

// placeConf is how sure the tagger must be of a place the rules do not
// know before its country is filed.
const placeConf = 0.9

// bodiesCountries files a story that names a state's body under that
// state: "the Foreign Office" is the United Kingdom's, "the Pentagon" the
// United States'.
func (r *recognizer) bodiesCountries(orgs, countries *ordered) {
	for slug, name := range orgs.names {
		if o, ok := r.gaz.Organization(name); ok && o.Country != "" {
			countries.add(o.Country, orgs.pos[slug])
		}
	}
}

// regionalDemonyms files "Welsh", "Texan" or "Tasmanian" under the country
// the region is in; the rules' own tables know only nations' demonyms.
func (s *scene) regionalDemonyms(rec *recognizer, countries *ordered) {
	for i, c := range s.classes {
		if !c.Has(gazetteer.Demonym) || c.Has(gazetteer.Ambiguous) || s.gazAt[i] >= 0 || s.person[i] || !s.a.capital(i) {
			continue
		}
		if name, ok := rec.gaz.CountryOf(s.a.toks[i].text); ok {
			countries.add(name, s.a.toks[i].start)
		}
	}
}
