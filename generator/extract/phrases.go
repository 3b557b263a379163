package extract

import "strings"

// phrase is a name that may run over "of", "for" or "on": "Church of
// Scientology", "Delhi Regional Security Dialogue on Afghanistan". head
// is the part whose last word says what the phrase names.
type phrase struct {
	from, to int
	head     span
}

// connectors may join a name's parts.
var connectors = set{"of": true, "for": true, "on": true, "de": true}

// phrases builds the article's multi-part names from its capitalised runs.
func (s *scene) phrases() []phrase {
	var segs []span
	for _, c := range s.t.nameChunks(s.a) {
		segs = append(segs, s.splitAtHeads(c)...)
	}
	var out []phrase
	for i := 0; i < len(segs); i++ {
		seg := s.trimPhraseStart(segs[i])
		if seg.from >= seg.to {
			continue
		}
		p := phrase{from: seg.from, to: seg.to, head: seg}
		// A name joins what follows when its head word opens the way:
		// "Centre for Control of Iodine Deficiency Disorders".
		for i+1 < len(segs) && (p.to > p.head.to || s.headWord(s.a.toks[p.to-1].key)) {
			next, ok := s.joins(p.to, segs[i+1], s.t.is(lexEventwords, s.a.toks[p.head.to-1].key))
			if !ok {
				break
			}
			p.to = next.to
			i++
		}
		out = append(out, p)
	}
	return out
}

// joins reports whether the run next follows a name across a connector
// and an optional "the". Only an event takes "on": "Dialogue on
// Afghanistan", but not "Kennedy Space Center on STS-1".
func (s *scene) joins(end int, next span, event bool) (span, bool) {
	toks := s.a.toks
	i := end
	if i >= len(toks) || toks[i].nl > 0 || !connectors[toks[i].key] || (toks[i].key == "on" && !event) {
		return next, false
	}
	i++
	if i < len(toks) && toks[i].key == "the" && toks[i].nl == 0 {
		i++
	}
	return next, i == next.from
}

// trimPhraseStart drops what precedes a name proper: a sentence-opening
// common word, "The", titles ("Secretary of …" is handled by not joining).
func (s *scene) trimPhraseStart(c span) span {
	toks := s.a.toks
	for c.from < c.to {
		k := toks[c.from].key
		switch {
		case toks[c.from].sent && s.commonAtStart(c.from) && !s.headWord(k):
		case k == "the" || k == ".":
		case s.t.is(lexTitles, k) && c.to-c.from > 1 && !s.headWord(k):
		default:
			return c
		}
		c.from++
	}
	return c
}

// text is the phrase as the article writes it.
func (s *scene) text(from, to int) string {
	return strings.TrimSpace(s.a.text[s.a.toks[from].start:s.a.toks[to-1].end])
}

func (s *scene) hasPerson(from, to int) bool {
	for i := from; i < to; i++ {
		if s.person[i] {
			return true
		}
	}
	return false
}
