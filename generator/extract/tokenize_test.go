package extract

import (
	"slices"
	"testing"

	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
)

// The rules' tokens and the gazetteer's phrases must split text alike, or
// a listed phrase would never be found.
func TestTokensAgreeWithGazetteer(t *testing.T) {
	text := "The U.S. sent 1,000 tonnes, 2.5 times more, to Kim Jong-un's envoy O'Brien in N. Korea."
	want := []string{"The", "U.S.", "sent", "1,000", "tonnes", ",", "2.5", "times", "more", ",", "to", "Kim", "Jong-un", "'s",
		"envoy", "O'Brien", "in", "N.", "Korea", "."}
	var got []string
	for _, tk := range tokenize(text) {
		got = append(got, tk.text)
	}
	if !slices.Equal(got, want) {
		t.Errorf("tokenize = %q\nwant       %q", got, want)
	}
	if g := gazetteer.Tokens(text); !slices.Equal(g, want) {
		t.Errorf("gazetteer.Tokens = %q\nwant              %q", g, want)
	}
}
