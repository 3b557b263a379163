package extract

import (
	"slices"
	"testing"
)

func TestLineups(t *testing.T) {
	x := New()
	text := "Rovers held on to win the final.\n\n" +
		"Rovers: Okafor; Brennan, Diaz, Kowalski, Lindqvist; Marta Varga, Ferreira (capt)\n" +
		"Replacements: Moreau, Achterberg, Nakamura.\n"
	got := x.Extract("", text).People
	want := []string{"Okafor", "Brennan", "Diaz", "Kowalski", "Lindqvist", "Marta Varga", "Ferreira", "Moreau", "Achterberg", "Nakamura"}
	if !slices.Equal(got, want) {
		t.Errorf("people = %q, want %q", got, want)
	}
	// A list of places after a colon is no line-up.
	places := "The tour visits five cities: Paris, Berlin, Madrid, Lisbon, Vienna.\n"
	if got := x.Extract("", places).People; len(got) != 0 {
		t.Errorf("people in a list of cities = %q, want none", got)
	}
}
