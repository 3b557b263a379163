package extract

import (
	"slices"
	"testing"
)

func TestPeople(t *testing.T) {
	x := New()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"titles stripped", "Rear Admiral Ali Shamkhani met Prime Minister Narendra Modi. Mr. Modi said talks went well.", []string{"Ali Shamkhani", "Narendra Modi"}},
		{"office before a name", "U.S. Senator John Cornyn and NASA Administrator Charles Bolden spoke.", []string{"John Cornyn", "Charles Bolden"}},
		{"family name folds into the full name", "Marta Okonjo was named captain. Okonjo said she was proud.", []string{"Marta Okonjo"}},
		{"misspelt family name folds", "Ali Shamkhani met envoys. Shamkahni also stressed cooperation.", []string{"Ali Shamkhani"}},
		{"misspelt given name folds", "Kristin Wilkins curated the show. Kristen Wilkins said it drew crowds.", []string{"Kristin Wilkins"}},
		{"lone family name with a verb of saying", "Okonjo said she was proud to lead the side, and fans cheered Okonjo on Saturday.", []string{"Okonjo"}},
		{"initials", "R. Delacroix chaired the panel. L. Ron Hubbard founded the church.", []string{"R. Delacroix", "L. Ron Hubbard"}},
		{"hyphenated and family-name-first", "Kim Jong-un met Raymond Chan Chi-chuen and Cheng Chung-tai.", []string{"Kim Jong-un", "Raymond Chan Chi-chuen", "Cheng Chung-tai"}},
		{"particles and accents", "Kevin De Bruyne scored and Hernán Darío Gómez, the coach, said the team played well.", []string{"Kevin De Bruyne", "Hernán Darío Gómez"}},
		{"Arabic name with Al", "Khaled Al Maeena, a columnist, said the crane collapse was avoidable.", []string{"Khaled Al Maeena"}},
		{"role word before an unknown name", "According to the team's coach, Alireza Mehraban, the robot worked.", []string{"Alireza Mehraban"}},
		{"no person in a capitalised headline", "OKONJO NAMED AS NIGERIA CAPTAIN\n\nThe football federation announced its decision on Friday.", nil},
		{"headline names fold into the body's", "OKONJO NAMED AS NIGERIA CAPTAIN\n\nMarta Okonjo was named the new Nigeria captain on Friday.", []string{"Marta Okonjo"}},
		{"a leader's name used as an adjective", "Talks stalled. The Marcos regime refused, and Marcos's brutal regime held on.", []string{"Marcos"}},
		{"a title opening a sentence", "Talks stalled. Secretary Okonjo raised the matter on Monday.", []string{"Okonjo"}},
		{"Al and a word is a place without a cue", "Troops reached Al Qaim on Monday and struck targets near Al Baghdadi.", nil},
		{"a prize named after a person", "She won the Marta Varga Cup title on Sunday, said Rosa Hill.", []string{"Rosa Hill"}},
		{"a title's small word opens no name", "The family hoped for a settlement but may get less, according to A Quiet Hour.", nil},
		{"a word with a digit is no name", "Families will get cheaper cots through our Safe2Sleep campaign, the council said.", nil},
		{"a possessive opens no name", "Rosa Hill, a nurse and co-founder of My Little Helper, said: 'Sleep matters more than anything else.'", []string{"Rosa Hill"}},
		{"peoples are no person", "Sunni Arabs and Shia Kurds fled the town, said Rosa Hill.", []string{"Rosa Hill"}},
		{"a compound of peoples is no person", "The Mexican-American community gathered, said Rosa Hill.", []string{"Rosa Hill"}},
		{"places and bodies are no people", "The Supreme National Security Council met in New Delhi. Paris Hilton said she was not there.", []string{"Paris Hilton"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := x.Extract("", tt.text)
			if !slices.Equal(r.People, tt.want) && !(len(r.People) == 0 && len(tt.want) == 0) {
				t.Errorf("people = %q, want %q", r.People, tt.want)
			}
		})
	}
}

func TestKnownPeopleJoin(t *testing.T) {
	x := New(WithKnownPeople([]string{"Nikolay Patrushev", "Ali Shamkhani"}))
	r := x.Extract("", "Nikolai Patrushev met the Iranian delegation in Moscow. Patrushev said the talks were useful.")
	if !slices.Equal(r.People, []string{"Nikolay Patrushev"}) {
		t.Errorf("people = %q, want the site's existing spelling Nikolay Patrushev", r.People)
	}
}

func TestAliasesApply(t *testing.T) {
	x := New(WithAliases(Aliases{"Nikolay Patrushev": {"Nikolai Patrushev"}, "Islamic State": {"Daesh"}}))
	r := x.Extract("", "Nikolai Patrushev said Daesh remained a threat to Russia.")
	if !slices.Equal(r.People, []string{"Nikolay Patrushev"}) {
		t.Errorf("people = %q, want Nikolay Patrushev", r.People)
	}
	if !slices.Contains(r.Organizations, "Islamic State") {
		t.Errorf("organizations = %q, want Islamic State", r.Organizations)
	}
}

func TestCitiesFileUnderTheirCountry(t *testing.T) {
	r := New().Extract("", "Fire crews in Las Vegas worked through the night, and Bavaria braced for more heat.")
	for _, want := range []string{"United States", "Germany"} {
		if !slices.Contains(r.Countries, want) {
			t.Errorf("countries = %q, want %s among them", r.Countries, want)
		}
	}
}

func TestWorkTitlesNameNoCountry(t *testing.T) {
	r := New().Extract("", "A critic's list of forgotten films:\n\nThe Quiet Orchard (1938)\n\nThe Man From Lisbon (1952)\n\nRain Over the Harbour (1949)\n")
	if slices.Contains(r.Countries, "Portugal") {
		t.Errorf("countries = %q: a film's title names no country", r.Countries)
	}
}
