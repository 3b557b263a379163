package tagger

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// toyNames serve as people and as places alike, so only the context can
// tell which is which.
var toyNames = []string{"Zorek", "Vilum", "Ardo", "Besk", "Calmy", "Dunra", "Efto", "Gilva", "Horn", "Istra", "Jelm"}

// toyExamples builds sentences where a capitalised word after "met" is a
// person and one after "in" a place.
func toyExamples(n, offset int) []Example {
	var out []Example
	for i := 0; i < n; i++ {
		p := toyNames[(i+offset)%len(toyNames)]
		q := toyNames[(i*7+offset+3)%len(toyNames)]
		words := strings.Fields(fmt.Sprintf("yesterday the minister met %s in %s again .", p, q))
		if i%2 == 1 {
			words = strings.Fields(fmt.Sprintf("she was in %s when she met %s .", q, p))
		}
		ex := Example{Tokens: make([]Token, len(words))}
		for j, w := range words {
			ex.Tokens[j] = Token{Text: w}
			switch {
			case j > 0 && words[j-1] == "met":
				ex.Spans = append(ex.Spans, Span{From: j, To: j + 1, Kind: Person})
			case j > 0 && words[j-1] == "in":
				ex.Spans = append(ex.Spans, Span{From: j, To: j + 1, Kind: Place})
			}
		}
		out = append(out, ex)
	}
	return out
}

func toyModel(t *testing.T) *Model {
	t.Helper()
	return Train(toyExamples(60, 0), TrainOptions{Buckets: 1 << 12, Epochs: 5, Seed: 7, Runs: 2})
}

func TestTrainLearnsContextPattern(t *testing.T) {
	m := toyModel(t)
	sent := tokens("the minister met Quenby in Harlow again .")
	got := m.Tag(sent)
	want := []Span{{From: 3, To: 4, Kind: Person}, {From: 5, To: 6, Kind: Place}}
	if len(got) != len(want) {
		t.Fatalf("Tag(%q) = %v, want %v", "the minister met Quenby in Harlow again .", got, want)
	}
	for i := range want {
		if got[i].From != want[i].From || got[i].To != want[i].To || got[i].Kind != want[i].Kind {
			t.Errorf("span %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := toyModel(t).Save(&a); err != nil {
		t.Fatal(err)
	}
	if err := toyModel(t).Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings on the same examples wrote different model files")
	}
}

func TestCalibratedConfidenceIsHighForLearnedPattern(t *testing.T) {
	m := toyModel(t)
	if n := m.Calibrate(toyExamples(20, 3)); n == 0 {
		t.Fatal("Calibrate used no spans")
	}
	for _, s := range m.Tag(tokens("she was in Morvale when she met Drissa .")) {
		if s.Confidence < 0.5 || s.Confidence > 1 {
			t.Errorf("span %+v: confidence %v, want a sure span in [0.5, 1]", s, s.Confidence)
		}
	}
}

func TestFitLogisticOrdersMargins(t *testing.T) {
	// Wide margins are right, narrow ones wrong: the curve must rise.
	x := []float64{0, 1, 2, 3, 10, 12, 14, 16, 2, 11}
	y := []bool{false, false, false, false, true, true, true, true, true, false}
	a, b := fitLogistic(x, y)
	m := &Model{calA: float32(a), calB: float32(b)}
	if lo, hi := m.confidence(1), m.confidence(15); !(lo < 0.5 && hi > 0.5) {
		t.Errorf("confidence(1) = %v, confidence(15) = %v; want below and above one half", lo, hi)
	}
}

func tokens(s string) []Token {
	var out []Token
	for _, w := range strings.Fields(s) {
		out = append(out, Token{Text: w})
	}
	return out
}
