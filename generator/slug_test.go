package generator

import "testing"

func TestSlugify(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Ali Shamkhani", "ali-shamkhani"},
		{"Türkiye", "turkiye"},
		{"Côte d'Ivoire", "cote-divoire"},
		{"Gérald Darmanin", "gerald-darmanin"},
		{"  United   States ", "united-states"},
		{"Lord's", "lords"},
		{"Øresund Straße", "oresund-strasse"},
		{"Kim Jong-un", "kim-jong-un"},
		{"U.S.", "u-s"},
		{"???", ""},
		{"Week 45 · 8–14 November", "week-45-8-14-november"},
		{"طهران", "طهران"},
		{"G7 summit", "g7-summit"},
	} {
		if got := Slugify(tc.in); got != tc.want {
			t.Errorf("Slugify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
