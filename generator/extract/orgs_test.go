package extract

import (
	"slices"
	"testing"
)

func TestOrganizationShapes(t *testing.T) {
	x := New()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a unit keeps its number", "Airmen of the 412th Air Refueling Wing left for the base on Monday.", []string{"412th Air Refueling Wing"}},
		{"a dash joins two names into one", "The Joint Task Force–Northern Shield commander spoke on Monday.", []string{"Joint Task Force–Northern Shield"}},
		{"a hyphen after an organisation word", "According to a Joint Task Force-Operation Northern Shield release, the raid ended.", []string{"Joint Task Force-Operation Northern Shield"}},
		{"the Coalition on its own", "Villagers asked the Coalition for help, and Coalition aircraft struck the bridge.", []string{"Coalition"}},
		{"a body the gazetteers know", "The Foreign Office said Da’esh had lost ground, and UNESCO agreed.", []string{"Foreign Office", "Da’esh", "UNESCO"}},
		{"one body under two of its names", "ISIL fighters fled. Later Daesh said it would return.", []string{"Islamic State"}},
		{"a longer name is not cut short", "The Coalition Provisional Authority ran the ministries.", []string{"Coalition Provisional Authority"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := x.Extract("", tt.text).Organizations; !slices.Equal(got, tt.want) {
				t.Errorf("organizations = %q, want %q", got, tt.want)
			}
		})
	}
}
