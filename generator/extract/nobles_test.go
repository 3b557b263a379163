package extract

import (
	"slices"
	"testing"
)

func TestNobleTitles(t *testing.T) {
	x := New()
	r := x.Extract("Crowds greet Anne Countess of Wessex",
		"The Earl and Countess of Wessex toured the harbour. Anne, Countess of Wessex, cut the ribbon, and Anne said she was delighted.")
	want := []string{"Countess of Wessex", "Earl of Wessex"}
	got := slices.Clone(r.People)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("people = %q, want %q: the given name before the title is the same person", r.People, want)
	}
	if r := x.Extract("", "The Prince of Poets contest returned to television on Friday."); len(r.People) != 0 {
		t.Errorf("people = %q, want none: a prince of no place is a show", r.People)
	}
}
