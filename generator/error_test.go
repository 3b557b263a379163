package generator

import (
	"errors"
	"fmt"
	"testing"
)

// TestErrorListAdd checks that every error ends up once in the list, and
// that "no error" in any of its forms adds nothing: a nil *Error returned
// as an error is a non-nil interface, and once reported a bogus "<nil>".
func TestErrorListAdd(t *testing.T) {
	var none *Error
	var l ErrorList
	l.Add(nil)
	l.Add(none)
	if len(l) != 0 {
		t.Fatalf("adding no error gave %v", l)
	}
	l.Add(Errorf("a.md", 1, 2, "first"))
	l.Add(fmt.Errorf("wrapped: %w", ErrorList{Errorf("b.md", 3, 4, "second"), Errorf("c.md", 5, 6, "third")}))
	l.Add(errors.New("plain"))
	want := []string{"a.md:1:2: first", "b.md:3:4: second", "c.md:5:6: third", "plain"}
	if len(l) != len(want) {
		t.Fatalf("got %d errors %v, want %v", len(l), l, want)
	}
	for i, e := range l {
		if e.Error() != want[i] {
			t.Errorf("error %d is %q, want %q", i, e.Error(), want[i])
		}
	}
}
