package extract

import (
	"fmt"
	"strings"
)

// lexSection names one list of lexicon.txt. The lists are typed so that a
// list missing from the file, or misspelt in the code, fails when the
// tables load rather than matching nothing in silence.
type lexSection uint8

const (
	lexTitles lexSection = iota
	lexTitlemods
	lexParticles
	lexOrgwords
	lexPlacewords
	lexEventwords
	lexEventprefix
	lexCues
	lexPossessions
	lexNotnames
	lexCjksurnames
	lexWesterngiven
	lexNotcountry
	lexSurnamewords
	lexThingwords
	lexWorknouns
	lexByverbs
	lexAuxiliaries
	lexPersonnouns
	lexGroups
	numLexSections
)

// lexSectionNames are the sections' names in lexicon.txt, by lexSection.
var lexSectionNames = [numLexSections]string{
	lexTitles:       "titles",
	lexTitlemods:    "titlemods",
	lexParticles:    "particles",
	lexOrgwords:     "orgwords",
	lexPlacewords:   "placewords",
	lexEventwords:   "eventwords",
	lexEventprefix:  "eventprefix",
	lexCues:         "cues",
	lexPossessions:  "possessions",
	lexNotnames:     "notnames",
	lexCjksurnames:  "cjksurnames",
	lexWesterngiven: "westerngiven",
	lexNotcountry:   "notcountry",
	lexSurnamewords: "surnamewords",
	lexThingwords:   "thingwords",
	lexWorknouns:    "worknouns",
	lexByverbs:      "byverbs",
	lexAuxiliaries:  "auxiliaries",
	lexPersonnouns:  "personnouns",
	lexGroups:       "groups",
}

// sectionNamed finds the section a "[name]" line of lexicon.txt opens.
func sectionNamed(name string) (lexSection, error) {
	for i, n := range lexSectionNames {
		if n == name {
			return lexSection(i), nil
		}
	}
	return 0, fmt.Errorf("unknown section [%s]; the code knows %s", name, strings.Join(lexSectionNames[:], ", "))
}

// checkSections reports the sections the file did not hold.
func checkSections(words *[numLexSections]set) error {
	var missing []string
	for i, w := range words {
		if w == nil {
			missing = append(missing, "["+lexSectionNames[i]+"]")
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("lexicon.txt has no %s", strings.Join(missing, ", "))
	}
	return nil
}
