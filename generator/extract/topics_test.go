package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

// hasTopic reports whether the article is filed under topic.
func hasTopic(x *Extractor, title, text, topic string) bool {
	return slices.Contains(x.Extract(title, text).Topics, topic)
}

// A keyword with several meanings counts only in the one its topic means,
// told by the words around it.
func TestTopicSenses(t *testing.T) {
	v, err := LoadVocabulary("testdata/vocabulary-senses.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s := v[0].Senses["campaign"]; !slices.Equal(s.With, []string{"election", "voter", "candidate"}) || !slices.Equal(s.Not, []string{"military", "bombing"}) {
		t.Fatalf("campaign's sense = %+v", s)
	}
	x := New(WithVocabulary(v))
	tests := []struct {
		name, title, text string
		want              bool
	}{
		{"confirmed by a neighbour", "Campaign enters its last week",
			"The campaign of the opposition candidate filled town halls across the north.\n\nHer campaign promised cheaper trains, and the candidate toured six towns in a day.", true},
		{"ruled out by a neighbour", "Campaign enters its last week",
			"The military campaign against the rebel stronghold went on with bombing raids at night.\n\nThe campaign has driven thousands from the valley, and the military says it will go on.", false},
		{"neither confirmed nor ruled out", "Campaign enters its last week",
			"The campaign to restore the old mill raised more than it had hoped.\n\nVolunteers say the campaign will now turn to the bridge.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasTopic(x, tt.title, tt.text, "Elections"); got != tt.want {
				t.Errorf("Elections = %v, want %v (topics %q)", got, tt.want, x.Extract(tt.title, tt.text).Topics)
			}
		})
	}
}

// The default vocabulary knows the common false friends of security news.
func TestDefaultSenses(t *testing.T) {
	x := New()
	tests := []struct {
		name, title, text, topic string
		want                     bool
	}{
		{"a basketball court is not a court of law", "Rivals meet on a packed court",
			"The home side ran the basketball court from the first whistle. Fans filled the court side seats, and the coach praised a team that never tired on court.", "Crime and justice", false},
		{"a court that tries a case is", "Court jails former mayor",
			"A court jailed the former mayor for six years on Monday. The judge said the fraud had cost the town dearly, and prosecutors said they would not appeal.", "Crime and justice", true},
		{"nail-polish oil is not energy", "Ten minutes to better nails",
			"Rub a drop of cuticle oil into each nail, then paint on the polish. A nail oil with vitamin E keeps the polish from chipping.", "Energy", false},
		{"offensive remarks are not a military offensive", "Comedian apologises",
			"The comedian apologised for offensive remarks made on stage. Viewers called the jokes deeply offensive and the channel cut the clip.", "Armed conflict", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasTopic(x, tt.title, tt.text, tt.topic); got != tt.want {
				t.Errorf("%s = %v, want %v (topics %q)", tt.topic, got, tt.want, x.Extract(tt.title, tt.text).Topics)
			}
		})
	}
}

// A keyword that the words before it deny does not count.
func TestTopicNegation(t *testing.T) {
	x := New()
	denied := "Police say warehouse fire was not a terror attack"
	body := "Detectives said the fire at the warehouse was not terrorism but an electrical fault. The owner said no terror plot had ever been suspected."
	if hasTopic(x, denied, body, "Terrorism") {
		t.Errorf("a denied terror attack is filed under Terrorism: %q", x.Extract(denied, body).Topics)
	}
	claimed := "Police say warehouse fire was a terror attack"
	body = "Detectives said the fire at the warehouse was terrorism, set by a cell of extremists. A terror plot against two other sites was foiled."
	if !hasTopic(x, claimed, body, "Terrorism") {
		t.Errorf("a terror attack is not filed under Terrorism: %q", x.Extract(claimed, body).Topics)
	}
}

// A word in passing does not make a topic; the same word heading the
// story, or filling it, does.
func TestTopicSalience(t *testing.T) {
	x := New()
	story := strings.Join([]string{
		"Voters in the coastal province went to the polls on Sunday in an election that was expected to be close.",
		"Turnout was high by noon, officials said, and long queues formed outside polling stations in the capital.",
		"The governing party's candidate promised new roads; her rival campaigned on the cost of living.",
		"Both candidates held final rallies on Friday night, and the electoral commission said counting would start at once.",
		"One observer noted that sanctions on a neighbouring state had raised fuel prices, which may have swayed some voters.",
		"Results are expected on Tuesday.",
	}, "\n\n")
	got := x.Extract("Coastal province votes in tight election", story).Topics
	if !slices.Equal(got, []string{"Elections"}) {
		t.Errorf("topics = %q, want only Elections: sanctions are mentioned in passing", got)
	}
	if got := x.Extract("Sanctions on neighbour loom over coastal election", story).Topics; !slices.Contains(got, "Sanctions") {
		t.Errorf("topics = %q, want Sanctions once the headline is about them", got)
	}
}

// An article may have no topic at all.
func TestNoTopic(t *testing.T) {
	got := New().Extract("A cake for the long weekend", "Cream the butter and sugar, fold in the flour and bake for forty minutes. Let it cool before icing; it keeps for three days in a tin.").Topics
	if len(got) != 0 {
		t.Errorf("topics = %q, want none", got)
	}
}

// A mistake in a sense is reported where the editor must look.
func TestBadSensePositioned(t *testing.T) {
	_, err := LoadVocabulary("testdata/vocabulary-bad-sense.yaml")
	var pe *generator.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *generator.Error", err)
	}
	if want := `testdata/vocabulary-bad-sense.yaml:3:31: Elections: campaign: "unless" is neither with nor not`; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

// Two keywords of one topic that are inflections of each other would let
// one's sense rules be bypassed by the other: the default has none.
func TestDefaultVocabularyHasNoTwins(t *testing.T) {
	for _, tp := range DefaultVocabulary() {
		seen := map[string]string{}
		for _, kw := range tp.Keywords {
			k := strings.Join(stemPhrase(kw), " ")
			if first, ok := seen[k]; ok {
				t.Errorf("%s: %q and %q match the same words", tp.Name, first, kw)
			}
			seen[k] = kw
		}
	}
}

// The default vocabulary knows the common names of security news: named
// exercises, Covid, bushfires, OFAC.
func TestDefaultVocabularyNames(t *testing.T) {
	x := New()
	tests := []struct{ title, text, topic string }{
		{"Nine nations open Exercise Northern Shield", "Troops from nine nations began Exercise Northern Shield on Monday. The exercise tests air, land and sea forces over ten days.", "Military exercises"},
		{"Covid cases climb again", "Covid-19 cases rose for a third week as the winter wave spread. Hospitals asked people with symptoms to stay at home.", "Health"},
		{"Bushfire forces towns to evacuate", "A bushfire burning since Friday jumped the highway overnight. Firefighters said the bushfire could reach the coast by Sunday.", "Natural disasters"},
		{"OFAC lists shipping firms", "Four shipping firms were added to OFAC's list this week. OFAC said the firms moved oil for a blacklisted buyer.", "Sanctions"},
	}
	for _, tt := range tests {
		t.Run(tt.topic, func(t *testing.T) {
			if !hasTopic(x, tt.title, tt.text, tt.topic) {
				t.Errorf("topics = %q, want %s", x.Extract(tt.title, tt.text).Topics, tt.topic)
			}
		})
	}
}

// A long story that names a topic outright twice is filed under it, though
// those two sentences fill little of it; named once, it is a word in
// passing.
func TestTopicNamedOutright(t *testing.T) {
	x := New()
	filler := strings.Repeat("The delegations discussed trade routes, grain prices and the harbour works at length. ", 12)
	twice := "Ministers met in the capital to review the port.\n\n" + filler + "\n\nThe minister said terrorism remained a worry.\n\n" + filler + "\n\nHe added that terrorism had cost the region dearly."
	if !hasTopic(x, "Ministers review port plans", twice, "Terrorism") {
		t.Error("terrorism named twice: want Terrorism")
	}
	once := "Ministers met in the capital to review the port.\n\n" + filler + "\n\nThe minister said terrorism remained a worry.\n\n" + filler
	if hasTopic(x, "Ministers review port plans", once, "Terrorism") {
		t.Error("terrorism named once in passing: want no Terrorism")
	}
}
