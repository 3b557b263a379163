package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSummary(t *testing.T) {
	x := New()
	long := strings.Repeat("The council discussed the border and the budget at length. ", 10)
	tests := []struct {
		name, title, text, want string
	}{
		{"skips headline, dateline and byline",
			"Harbour reopens",
			"Harbour reopens\nLena Kowalczyk\nGDANSK 2024-03-14\nThe old harbour reopened to ferries on Thursday after a year of repairs. Traffic resumed at noon.",
			"The old harbour reopened to ferries on Thursday after a year of repairs. Traffic resumed at noon."},
		{"skips a wire dateline", "",
			"Evansville, Indiana, United States - This past week marked the opening night of an exhibit at the university.",
			"This past week marked the opening night of an exhibit at the university."},
		{"skips captions", "",
			"The far end of the floor. Image: Nick Moreau.\n\nThe 22nd Fan Expo took place in Toronto this weekend, attracting thousands.",
			"The 22nd Fan Expo took place in Toronto this weekend, attracting thousands."},
		{"keeps to about 300 characters at a sentence end", "", long, strings.TrimSpace(strings.Repeat("The council discussed the border and the budget at length. ", 5))},
		{"a sentence may end in an abbreviation", "",
			"The delegation arrived in Washington D.C. The talks began at once and ran late into the night, officials said.",
			"The delegation arrived in Washington D.C. The talks began at once and ran late into the night, officials said."},
		{"stops after the abbreviation when the next sentence would not fit", "",
			"A group of teenagers from Herat won a medal for courageous achievement on Tuesday at a robotics challenge held in a hall of the Daughters of the American Revolution in Washington D.C. " +
				"The six-member team, which consists entirely of girls, had been denied visas to enter the country until last week, drawing notice from critics of the policies of the U.S. administration on travel.",
			"A group of teenagers from Herat won a medal for courageous achievement on Tuesday at a robotics challenge held in a hall of the Daughters of the American Revolution in Washington D.C."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Extract(tt.title, tt.text).Summary
			if got != tt.want {
				t.Errorf("summary = %q, want %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > summaryLimit+20 {
				t.Errorf("summary has %d characters, want about %d at most", n, summaryLimit)
			}
		})
	}
}

func TestOverlongSentenceIsCutAtAWord(t *testing.T) {
	got := New().Extract("", "Officials "+strings.Repeat("talked ", 100)+"today.").Summary
	if !strings.HasPrefix(got, "Officials talked talked") || !strings.HasSuffix(got, "talked…") || utf8.RuneCountInString(got) > summaryLimit {
		t.Errorf("summary = %q (%d characters)", got, utf8.RuneCountInString(got))
	}
}

func TestAcronymsAndEvents(t *testing.T) {
	r := New().Extract("", "The Supreme National Security Council (SNSC) met. The SNSC secretary attended the Munich Security Conference, and the Munich Conference ended on Sunday.")
	if len(r.Organizations) != 1 || r.Organizations[0] != "Supreme National Security Council" {
		t.Errorf("organizations = %q, want SNSC resolved to Supreme National Security Council", r.Organizations)
	}
	if r.Event != "Munich Security Conference" {
		t.Errorf("event = %q, want Munich Security Conference", r.Event)
	}
	r = New().Extract("", "The Korean Central News Agency (KCNA) reported the launch. Later, KCNA said more would follow.")
	if strings.Join(r.Organizations, "|") != "Korean Central News Agency" {
		t.Errorf("organizations = %q, want the agency once, by the name the article spells out", r.Organizations)
	}
	if r := New().Extract("", "Prices rose on Monday in the capital."); r.Event != "" {
		t.Errorf("event = %q, want none for an article naming none", r.Event)
	}
}
