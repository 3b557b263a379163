package extract

import (
	"slices"
	"testing"
)

// Words that are both a country and something else are read by context.
func TestAmbiguousCountryWords(t *testing.T) {
	x := New()
	tests := []struct {
		name, text string
		want, not  []string // countries expected, and ones that must not appear
	}{
		{"Georgia the country", "Georgia accused Russia of moving troops near Tbilisi and into South Ossetia.", []string{"Georgia", "Russia"}, nil},
		{"Georgia the U.S. state", "The governor of Georgia said storms hit Atlanta and Savannah on Monday, and county officials in Georgia opened shelters.", nil, []string{"Georgia"}},
		{"Jordan the country", "Jordan closed its border with Syria after the attack, officials in Amman said.", []string{"Jordan", "Syria"}, nil},
		{"Jordan the player", "Michael Jordan said he would attend the game in Chicago. Jordan won six titles.", nil, []string{"Jordan"}},
		{"Chad the country", "Chad sent troops to Mali to fight militants, the government in N'Djamena said.", []string{"Chad", "Mali"}, nil},
		{"Chad the given name", "Chad Johnson, a lawyer from Ohio, said the ruling was unfair.", nil, []string{"Chad"}},
		{"Turkey the country", "Turkey said it would host talks between Ukraine and Russia in Istanbul.", []string{"Turkey", "Ukraine", "Russia"}, nil},
		{"turkey the bird", "Families across the country cooked a turkey for Thanksgiving dinner, with stuffing and gravy.", nil, []string{"Turkey"}},
		{"China Daily", "The report was carried by China Daily on Tuesday, citing officials in Japan.", []string{"Japan"}, []string{"China"}},
		{"Niger and Nigeria", "Niger closed its border with Nigeria after the coup in Niamey.", []string{"Niger", "Nigeria"}, nil},
		{"Papua New Guinea", "Australia sent aid to Papua New Guinea after the earthquake.", []string{"Australia", "Papua New Guinea"}, []string{"Guinea"}},
		{"Equatorial Guinea", "Oil output in Equatorial Guinea fell last year.", []string{"Equatorial Guinea"}, []string{"Guinea"}},
		{"Dominican Republic", "Haiti and the Dominican Republic share the island.", []string{"Haiti", "Dominican Republic"}, []string{"Dominica"}},
		{"Dominica", "Hurricane Maria devastated Dominica in 2017.", []string{"Dominica"}, []string{"Dominican Republic"}},
		{"Washington the person", "Denzel Washington said the film was his favourite.", nil, []string{"United States"}},
		{"Paris Hilton", "Paris Hilton said she would launch a new perfume.", nil, []string{"France"}},
		{"Paris the city", "Talks resumed in Paris on Monday.", []string{"France"}, nil},
		{"US in capitals is a word", "PLEASE JOIN US FOR THE MEETING\n\nThe club met on Friday.", nil, []string{"United States"}},
		{"US dollars are no country", "He was released on US$ 20,000 bail.", nil, []string{"United States"}},
		{"Northern Ireland is no Ireland", "Police in Northern Ireland arrested two men in Belfast.", nil, []string{"Ireland"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := x.Extract("", tt.text)
			for _, w := range tt.want {
				if !slices.Contains(r.Countries, w) {
					t.Errorf("countries = %q, want %q", r.Countries, w)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(r.Countries, n) {
					t.Errorf("countries = %q, must not hold %q", r.Countries, n)
				}
			}
		})
	}
}

// Countries are found through every way news writes them.
func TestCountryForms(t *testing.T) {
	x := New()
	tests := []struct{ name, text, want string }{
		{"demonym", "An Iranian official spoke to reporters.", "Iran"},
		{"plural demonym", "Thousands of Afghans fled the fighting.", "Afghanistan"},
		{"abbreviation", "The US imposed new sanctions.", "United States"},
		{"dotted abbreviation", "The U.S. imposed new sanctions.", "United States"},
		{"UK", "The UK summoned the ambassador.", "United Kingdom"},
		{"official name", "The Islamic Republic of Iran rejected the claim.", "Iran"},
		{"capital as government", "Tehran and Moscow signed an agreement.", "Russia"},
		{"compound of capitals", "They stressed Tehran-Moscow cooperation.", "Iran"},
		{"compound of countries", "The Iran-Russia relations grew.", "Russia"},
		{"capital as place", "The ministers met in New Delhi on Friday.", "India"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := x.Extract("", tt.text); !slices.Contains(r.Countries, tt.want) {
				t.Errorf("countries = %q, want %q", r.Countries, tt.want)
			}
		})
	}
}

// A capital standing for its government is a country, not a place; one
// where something happened is both.
func TestCapitalsAsPlaces(t *testing.T) {
	r := New().Extract("", "Relations between Tehran and Moscow improved. The two ministers met in New Delhi.")
	if !slices.Equal(r.Places, []string{"New Delhi"}) {
		t.Errorf("places = %q, want only New Delhi", r.Places)
	}
	if !slices.Equal(r.Countries, []string{"Iran", "Russia", "India"}) {
		t.Errorf("countries = %q, want Iran, Russia, India", r.Countries)
	}
}
