package tagger

// Kind is what a name refers to.
type Kind uint8

// The kinds the tagger tells apart. Place covers countries as well as
// cities and regions, because the training corpora do not separate them.
const (
	Person Kind = iota
	Organization
	Place
	Event
	Misc
	numKinds
)

var kindNames = [numKinds]string{"Person", "Organization", "Place", "Event", "Misc"}

// String names the kind as it reads in docs and reports.
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Token is one word or punctuation mark of a sentence, as the caller
// tokenized it.
type Token struct {
	// Text is the token as written, in its original case.
	Text string
	// Classes is a bit set from the caller's gazetteers; the tagger only
	// learns what each bit means for the tokens around it.
	Classes uint32
	// Headline marks a token of a headline or title line, where capitals
	// say less about names than in running text.
	Headline bool
}

// Span is a name found in a sentence: tokens From up to, not including, To.
type Span struct {
	From, To int
	Kind     Kind
	// Confidence, in [0,1], is how likely the span is exactly right. It
	// comes from the margin between the best tag sequence and the best one
	// that tags the span differently (or runs it on into the next token),
	// squashed by a logistic curve fitted on held-out sentences, so 0.7
	// means about seven spans in ten with that confidence were right there.
	Confidence float32
}

// tag is a BIO label: 0 is outside, then a begin and an inside tag for each kind.
type tag uint8

const (
	tagO    tag = 0
	numTags     = 1 + 2*int(numKinds)
)

func beginTag(k Kind) tag  { return tag(1 + 2*int(k)) }
func insideTag(k Kind) tag { return tag(2 + 2*int(k)) }

func (t tag) isInside() bool { return t != tagO && t%2 == 0 }

func (t tag) kind() Kind { return Kind((int(t) - 1) / 2) }

// allowed says whether cur may follow prev; prev < 0 is the sentence start.
// An inside tag only continues a name of its own kind, so every decoded
// sequence reads as whole spans.
func allowed(prev int, cur tag) bool {
	if !cur.isInside() {
		return true
	}
	return prev >= 0 && prev != int(tagO) && tag(prev).kind() == cur.kind()
}

// spansOf reads the spans out of a tag sequence.
func spansOf(tags []tag) []Span {
	var spans []Span
	for i := 0; i < len(tags); {
		if tags[i] == tagO || tags[i].isInside() {
			i++
			continue
		}
		k := tags[i].kind()
		j := i + 1
		for j < len(tags) && tags[j] == insideTag(k) {
			j++
		}
		spans = append(spans, Span{From: i, To: j, Kind: k})
		i = j
	}
	return spans
}

// tagsOf writes spans as a tag sequence of length n; overlapping or
// out-of-range spans are dropped so bad training data cannot break decoding.
func tagsOf(spans []Span, n int) []tag {
	tags := make([]tag, n)
	for _, s := range spans {
		if s.From < 0 || s.To > n || s.From >= s.To || s.Kind >= numKinds {
			continue
		}
		free := true
		for i := s.From; i < s.To; i++ {
			free = free && tags[i] == tagO
		}
		if !free {
			continue
		}
		tags[s.From] = beginTag(s.Kind)
		for i := s.From + 1; i < s.To; i++ {
			tags[i] = insideTag(s.Kind)
		}
	}
	return tags
}
