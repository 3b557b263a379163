package generator

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Error is a problem in one input file, at a position when one is known.
// It prints as "file:line:col: message", the form editors and terminals
// turn into a link.
type Error struct {
	File string // slash-separated, relative to the site root when possible
	Line int    // 1-based; 0 when the problem is the whole file
	Col  int    // 1-based; 0 when only the line is known
	Msg  string
	Err  error // the cause, if any, for errors.Is/As
}

func (e *Error) Error() string {
	if e.File == "" {
		return e.Msg
	}
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrEmptyFile is the cause of the error for an article file with nothing
// in it. serve tells it apart: an editor saving a file often empties it
// first, and that moment is no mistake of the user's.
var ErrEmptyFile = errors.New("file is empty")

// Errorf returns an *Error at file:line:col with a formatted message. A %w
// verb in format keeps the cause reachable through errors.Is and errors.As.
func Errorf(file string, line, col int, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	return &Error{File: file, Line: line, Col: col, Msg: err.Error(), Err: errors.Unwrap(err)}
}

// ErrorList gathers every problem a pass found, so one build reports them
// all instead of stopping at the first.
type ErrorList []*Error

// Add appends err, flattening lists and wrapping plain errors.
func (l *ErrorList) Add(err error) {
	// A nil *Error passed as an error is not == nil, but means no error.
	if e, ok := err.(*Error); err == nil || ok && e == nil {
		return
	}
	var list ErrorList
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	*l = append(*l, &Error{Msg: err.Error(), Err: err})
}

// Sort orders the list by file, line and column, so output is stable
// however many goroutines found the problems.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
