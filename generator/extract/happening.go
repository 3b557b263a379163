package extract

import "strings"

// Many stories are about an event with no proper name: "the attack in the
// Harbour district", "the liberation of Kadira", "barrel bomb attacks in
// Syria". An analyst files them under a short name made of the article's
// own words, the place first ("Harbour attack"), so describedEvent builds
// that name from the headline and the lead.

// happenings are the nouns that name an event when the headline or lead
// puts a place or a name to them.
var happenings = set{"attack": true, "attacks": true, "bombing": true, "bombings": true, "bombardment": true,
	"strike": true, "strikes": true, "airstrike": true, "airstrikes": true, "offensive": true, "ceasefire": true,
	"truce": true, "liberation": true, "fall": true, "capture": true, "siege": true, "advance": true,
	"protest": true, "protests": true, "vote": true, "referendum": true, "manhunt": true, "fire": true,
	"blaze": true, "explosion": true, "blast": true, "crash": true, "shooting": true, "massacre": true,
	"earthquake": true, "flood": true, "floods": true, "agreement": true, "accord": true, "resolution": true,
	"summit": true, "visit": true, "report": true, "trial": true, "eviction": true, "delivery": true,
	"plight": true, "coup": true, "invasion": true, "withdrawal": true, "evacuation": true, "kidnapping": true,
	"hijacking": true, "riot": true, "riots": true, "election": true, "listings": true, "killing": true,
	"killings": true, "assault": true, "raid": true, "raids": true, "uprising": true, "crackdown": true}

// ofEvents keep their place after "of", as people say them: "liberation
// of Kadira", "fall of Kadira".
var ofEvents = set{"liberation": true, "fall": true, "capture": true, "siege": true, "evacuation": true}

// eventModifiers may stand before a happening inside its name: "barrel
// bomb attacks", "nerve agent report", "state visit".
var eventModifiers = set{"bomb": true, "barrel": true, "car": true, "suicide": true, "chemical": true, "weapons": true,
	"nuclear": true, "air": true, "drone": true, "missile": true, "rocket": true, "terror": true, "military": true,
	"ground": true, "peace": true, "trade": true, "oil": true, "exports": true, "aid": true, "state": true,
	"presidential": true, "parliamentary": true, "general": true, "sanctions": true, "hospital": true, "bus": true,
	"train": true, "plane": true, "ferry": true, "school": true, "mosque": true, "church": true, "market": true,
	"airport": true, "prison": true, "camp": true, "gas": true, "mortar": true, "artillery": true, "knife": true,
	"gun": true, "mass": true, "hostage": true, "border": true, "naval": true, "tanker": true, "helicopter": true,
	"forest": true, "factory": true, "mine": true, "stadium": true, "concert": true, "hotel": true, "embassy": true,
	"rights": true, "budget": true, "leadership": true, "impeachment": true, "murder": true}

// eventPrepositions lead from a happening to where or to whom it happened.
var eventPrepositions = set{"of": true, "in": true, "on": true, "at": true, "against": true, "near": true, "to": true, "from": true}

// leadEnd is the token after the lead: the headline and the first two
// sentences of the story.
func (a *article) leadEnd() int {
	sentences := 0
	for i, t := range a.toks {
		l := a.lines[t.line]
		if l.role != roleBody || a.credit[i] || !t.sent {
			continue
		}
		sentences++
		if sentences == 3 {
			return i
		}
	}
	return len(a.toks)
}

// describedEvent is the best described event in the headline and lead,
// with a score on namedEvent's scale: where it stands, plus how often the
// story names the happening again.
func (s *scene) describedEvent(lead int) (string, int) {
	toks := s.a.toks
	mentions := map[string]int{}
	for i, t := range toks {
		if t.kind == tWord && !t.upper && happenings[t.key] && !s.a.credit[i] {
			mentions[stem(t.key)]++
		}
	}
	best, bestScore := "", 0
	for i := 0; i < lead && i < len(toks); i++ {
		t := toks[i]
		role := s.a.lines[t.line].role
		if t.kind != tWord || !happenings[t.key] || s.a.credit[i] || (role != roleBody && role != roleTitle) {
			continue
		}
		if t.upper && role != roleTitle && !s.a.lines[t.line].unsure {
			continue // a capital here belongs to a name, which namedEvent weighs
		}
		name, ok := s.describe(i)
		if !ok {
			continue
		}
		score := 1 + s.a.placeWeight(i, lead) + min(mentions[stem(t.key)]-1, 3)
		if score > bestScore {
			best, bestScore = name, score
		}
	}
	return best, bestScore
}

// describe names the happening at token i from the words around it: the
// modifiers before it, and the place or name a preposition leads to. It
// fails when no place or name is found, since "the attack" alone names
// nothing an analyst could file.
func (s *scene) describe(i int) (string, bool) {
	toks := s.a.toks
	line := toks[i].line
	var before []string
	proper := false
	for j := i - 1; j >= 0 && j >= i-4 && toks[j].line == line; j-- {
		t := toks[j]
		if t.kind == tPunct && t.key == "'s" {
			continue // "ISIL's advance"
		}
		if t.kind != tWord {
			break
		}
		if t.upper && (!t.sent || s.gazAt[j] >= 0) && !s.t.is(lexTitles, t.key) {
			proper = true // a name, or a known place opening the headline: "Turkey protests …"
		} else if !eventModifiers[t.key] {
			break
		}
		before = append([]string{t.text}, before...)
	}
	place, object := s.eventPlace(i)
	if place != "" {
		proper = true
	}
	if !proper {
		return "", false
	}
	head := toks[i].text
	if toks[i].upper {
		head = strings.ToLower(head)
	}
	var parts []string
	if ofEvents[toks[i].key] && place != "" {
		return head + " of " + place, true
	}
	if place != "" {
		parts = append(parts, place)
	}
	parts = append(parts, before...)
	if object != "" {
		parts = append(parts, object)
	}
	parts = append(parts, head)
	return strings.Join(parts, " "), true
}

// eventPlace reads right of a happening for the name it happened at or
// to ("attack in the Harbour district" → "Harbour"), and a common noun it
// was of ("delivery of aid" → "aid").
func (s *scene) eventPlace(i int) (place, object string) {
	toks := s.a.toks
	line := toks[i].line
	sawPrep := false
	for j := i + 1; j < len(toks) && j <= i+7 && toks[j].line == line; j++ {
		t := toks[j]
		switch {
		case t.kind != tWord:
			return place, object
		case eventPrepositions[t.key]:
			sawPrep = true
		case !sawPrep:
			return place, object
		case t.upper && !s.person[j]:
			end := j
			for end < len(toks) && end < j+3 && toks[end].line == line && toks[end].kind == tWord && toks[end].upper {
				end++
			}
			return s.text(j, end), object
		case t.key == "the" || t.key == "a" || placeNouns[t.key]:
		case object == "" && eventModifiers[t.key] && toks[j-1].key == "of":
			object = t.text
		default:
			if !eventPrepositions[toks[j-1].key] {
				return place, object
			}
		}
	}
	return place, object
}

// placeNouns stand between a preposition and a place's name: "in the
// Harbour district", "in the town of Kadira".
var placeNouns = set{"district": true, "town": true, "city": true, "village": true, "province": true, "region": true,
	"port": true, "towns": true, "cities": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "besieged": true, "syrian": true, "iraqi": true, "civilians": true, "residents": true, "people": true}
