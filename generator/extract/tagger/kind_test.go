package tagger

import (
	"reflect"
	"testing"
)

func TestTagsAndSpansRoundTrip(t *testing.T) {
	spans := []Span{{From: 0, To: 2, Kind: Person}, {From: 2, To: 3, Kind: Person}, {From: 5, To: 8, Kind: Event}}
	if got := spansOf(tagsOf(spans, 9)); !reflect.DeepEqual(got, spans) {
		t.Errorf("spansOf(tagsOf(%v)) = %v", spans, got)
	}
}

func TestTagsOfDropsBadSpans(t *testing.T) {
	// An overlapping span and one past the end must not corrupt the tags
	// of the good span.
	spans := []Span{{From: 1, To: 3, Kind: Place}, {From: 2, To: 4, Kind: Person}, {From: 3, To: 9, Kind: Misc}}
	want := []Span{{From: 1, To: 3, Kind: Place}}
	if got := spansOf(tagsOf(spans, 5)); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestViterbiNeverStartsNameInside(t *testing.T) {
	// Emissions that favour an inside tag everywhere must still decode to
	// well-formed spans: the first token cannot be inside a name.
	l := &lattice{n: 3, emit: make([]float32, 3*numTags), trans: make([]float32, (numTags+1)*numTags)}
	for i := 0; i < 3; i++ {
		l.emit[i*numTags+int(insideTag(Person))] = 5
	}
	tags, _ := l.viterbi()
	if tags[0] != beginTag(Person) || tags[1] != insideTag(Person) || tags[2] != insideTag(Person) {
		t.Errorf("tags = %v, want B-Person I-Person I-Person", tags)
	}
}
