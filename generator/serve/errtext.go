package serve

// This file turns a build's error into the lines the overlay and the
// event stream show, one per problem.

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/briefing-digest/briefing/generator"
)

// errorLines lists an error's parts, one per problem: the entries of a
// generator.ErrorList or an errors.Join, each in its "file:line:col: message"
// form.
func errorLines(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case generator.ErrorList:
			for _, item := range e {
				if item != nil {
					out = append(out, normalizeText(item.Error()))
				}
			}
		case *generator.ErrorList:
			if e != nil {
				walk(*e)
			}
		case *generator.Error: // its position is the point, whatever it wraps
			out = append(out, normalizeText(e.Error()))
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		default:
			if list := wrappedList(err); list != nil {
				walk(list)
				return
			}
			out = append(out, normalizeText(err.Error()))
		}
	}
	walk(err)
	return out
}

// wrappedList finds the list or join inside a plain wrapper such as
// fmt.Errorf("build: %w", list): its items carry the positions, the prefix
// does not. A *generator.Error in the chain stops the search, since its own
// text is the point.
func wrappedList(err error) error {
	for inner := errors.Unwrap(err); inner != nil; inner = errors.Unwrap(inner) {
		switch inner.(type) {
		case *generator.Error:
			return nil
		case generator.ErrorList, *generator.ErrorList, interface{ Unwrap() []error }:
			return inner
		}
	}
	return nil
}

// normalizeText makes an error message survive the trip through an HTML
// attribute unchanged (the parser turns CR into LF and NUL and invalid
// UTF-8 into U+FFFD), so reload.js can compare the page's copy with the
// event's.
func normalizeText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}
