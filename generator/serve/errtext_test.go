package serve

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

func TestServerErrorLines(t *testing.T) {
	a := &generator.Error{File: "a.md", Line: 1, Col: 2, Msg: "x"}
	b := &generator.Error{File: "b.md", Line: 3, Msg: "y"}
	list := generator.ErrorList{a, b}
	tests := []struct {
		name string
		err  error
		want []string
	}{
		{"nil", nil, nil},
		{"plain", errors.New("disk full"), []string{"disk full"}},
		{"one Error", a, []string{"a.md:1:2: x"}},
		{"ErrorList", list, []string{"a.md:1:2: x", "b.md:3: y"}},
		{"*ErrorList", &list, []string{"a.md:1:2: x", "b.md:3: y"}},
		{"joined", errors.Join(list, errors.New("z")), []string{"a.md:1:2: x", "b.md:3: y", "z"}},
		{"wrapped list", fmt.Errorf("build: %w", list), []string{"a.md:1:2: x", "b.md:3: y"}},
		{"Error wrapping a join", &generator.Error{File: "c.md", Line: 5, Msg: "z", Err: errors.Join(a, b)}, []string{"c.md:5: z"}},
		{"wrapped Error", fmt.Errorf("build: %w", a), []string{"build: a.md:1:2: x"}},
		{"CR and NUL", errors.New("a\r\nb\rc\x00d\xff"), []string{"a\nb\nc\uFFFDd\uFFFD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errorLines(tt.err); !slices.Equal(got, tt.want) {
				t.Errorf("errorLines = %q, want %q", got, tt.want)
			}
		})
	}
}
