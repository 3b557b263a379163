package extract

import (
	"slices"
	"testing"
)

func TestNobleTitles(t *testing.T) {
	x := New()
	r := x.Extract("Crowds greet Anne Duchess of Wessex",
		"The Duke and Duchess of Wessex visited the harbour. Anne, Duchess of Wessex, cut the ribbon, and Anne said she was delighted.")
	want := []string{"Duchess of Wessex", "Duke of Wessex"}
	got := slices.Clone(r.People)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("people = %q, want %q: the given name before the title is the same person", r.People, want)
	}
	if r := x.Extract("", "The Prince of Poets contest returned to television on Friday."); len(r.People) != 0 {
		t.Errorf("people = %q, want none: a prince of no place is a show", r.People)
	}
}
