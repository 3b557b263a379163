package gazetteer

import "strings"

// Class is a set of bits saying what a token or a name can be. The bit
// values are part of the API: a tagger trained on them keeps working only
// while each bit keeps its position, so new bits are added at the end.
type Class uint32

const (
	// Given marks a given name: "Theresa", "Narendra".
	Given Class = 1 << iota
	// Surname marks a family name common enough to list.
	Surname
	// Country marks a country's name or abbreviation: "France", "U.S.".
	Country
	// Demonym marks a word for a country's people or things: "Iranian".
	Demonym
	// Capital marks a capital city, which news uses for its government.
	Capital
	// City marks a city or town that is not a capital.
	City
	// Region marks a state, province, region or area: "Catalonia",
	// "Middle East".
	Region
	// NationalBody marks a body of one state: "Foreign Office", "Pentagon".
	NationalBody
	// Organization marks an organisation's name, alias or acronym.
	Organization
	// OrgWord marks a word that heads organisation names: "Ministry",
	// "Council", "Party", "Brigade".
	OrgWord
	// PersonTitle marks a word put before a person's name: "Mr",
	// "President", "General".
	PersonTitle
	// EventWord marks a word that ends event names: "summit", "election",
	// "Cup", "Olympics".
	EventWord
	// Begin marks the first token of a gazetteer phrase of two or more
	// tokens.
	Begin
	// Inside marks a later token of such a phrase.
	Inside
	// Ambiguous marks a phrase that is also a common English word or a
	// person's name ("Reading", "Florence"), so its place reading is weak.
	Ambiguous
	// Blocked marks a known phrase that holds a gazetteer word but names
	// none of the kinds above: "West Indies", "African American". It lets
	// the longer phrase win over the country inside it.
	Blocked
)

// classNames lists the bits in order, for String.
var classNames = []string{
	"Given", "Surname", "Country", "Demonym", "Capital", "City", "Region", "NationalBody",
	"Organization", "OrgWord", "PersonTitle", "EventWord", "Begin", "Inside", "Ambiguous", "Blocked",
}

// Places are the bits a Place's Kind may hold.
const Places = Country | Capital | City | Region

// Has reports whether c holds every bit of b.
func (c Class) Has(b Class) bool { return c&b == b && b != 0 }

// String lists the bits set, joined by "|": "City|Begin".
func (c Class) String() string {
	if c == 0 {
		return "0"
	}
	var parts []string
	for i, n := range classNames {
		if c&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "|")
}
