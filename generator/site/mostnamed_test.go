package site

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

// TestMostNamedCarriesInformation checks the week's "most named" boxes:
// a week where ten countries are named once each shows the first three,
// not eight names that each say "1"; a week with names in several
// articles shows those, and no name named once beside them.
func TestMostNamedCarriesInformation(t *testing.T) {
	var flat []*generator.Article
	for i := range 10 {
		flat = append(flat, article(fmt.Sprintf("f%d", i), "2022-03-09", []string{fmt.Sprintf("Land %c", 'A'+i)}, nil))
	}
	s := Build(generator.DefaultConfig(), flat)
	if got := names(s.Issues[0].TopCountries); got != "Land A 1, Land B 1, Land C 1" {
		t.Errorf("a week of single mentions shows %s, want the first three", got)
	}

	var busy []*generator.Article
	for i := range 6 {
		countries := []string{fmt.Sprintf("Land %c", 'A'+i)}
		if i < 4 {
			countries = append(countries, "Peru", "Chile")
		}
		if i < 3 {
			countries = append(countries, "Fiji")
		}
		if i < 2 {
			countries = append(countries, "Oman", "Laos")
		}
		busy = append(busy, article(fmt.Sprintf("b%d", i), "2022-03-09", countries, nil))
	}
	s = Build(generator.DefaultConfig(), busy)
	if got := names(s.Issues[0].TopCountries); got != "Chile 4, Peru 4, Fiji 3, Laos 2, Oman 2" {
		t.Errorf("a busy week shows %s, want only the names in more than one article", got)
	}
}

// TestCoveredLeadsWithGroups checks what a row of the issues archive
// shows of a week: the countries most of its articles are about first,
// though another country is named in more of them, then the rest by
// how often they are named.
func TestCoveredLeadsWithGroups(t *testing.T) {
	s := Build(generator.DefaultConfig(), []*generator.Article{
		article("a", "2023-02-24", []string{"United Kingdom", "France"}, nil),
		article("b", "2023-02-23", []string{"United Kingdom", "France"}, nil),
		article("c", "2023-02-22", []string{"United Kingdom", "Albania"}, nil),
		article("d", "2023-02-21", []string{"Libya", "France", "Albania"}, nil),
		article("e", "2023-02-20", []string{"Eritrea", "Afghanistan"}, nil),
	})
	var got []string
	for _, term := range s.Issues[0].Covered(4) {
		got = append(got, term.Name)
	}
	if strings.Join(got, ", ") != "United Kingdom, Eritrea, Libya, France" {
		t.Errorf("the week's row shows %v, want the United Kingdom (three articles about it) first", got)
	}
}
