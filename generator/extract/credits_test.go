package extract

import (
	"slices"
	"testing"
)

func TestCreditsAreNoPeople(t *testing.T) {
	x := New()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"byline with outlet", "Harbour reopens\n\nBy Lena Kowalczyk for the Baltic Courier\n\nMayor Piotr Nowak cut the ribbon on Thursday.", []string{"Piotr Nowak"}},
		{"byline after a timestamp", "14 March 2024 Last updated at 10:02 By Lena Kowalczyk Baltic News, Gdansk\n\nMayor Piotr Nowak cut the ribbon on Thursday.", []string{"Piotr Nowak"}},
		{"wire desk credits", "Mayor Piotr Nowak cut the ribbon on Thursday.\n\n(Reporting by Lena Kowalczyk; Editing by Tomasz Lis)", []string{"Piotr Nowak"}},
		{"photo credit after a caption", "Mayor Piotr Nowak cuts the ribbon in Gdansk. Photograph: Lena Kowalczyk/AFP\n\nThe harbour reopened on Thursday.", []string{"Piotr Nowak"}},
		{"bracketed photo credit", "Mayor Piotr Nowak cuts the ribbon. (Photo Lena Kowalczyk - Pool/Getty Images)\n\nThe harbour reopened.", []string{"Piotr Nowak"}},
		{"credit line", "Photo: Lena Kowalczyk\n\nMayor Piotr Nowak cut the ribbon on Thursday.", []string{"Piotr Nowak"}},
		{"name above the publication stamp", "Harbour reopens\n\nLena Kowalczyk\n\nPublished Thursday, March 14, 2024 10:02AM\n\nMayor Piotr Nowak cut the ribbon.", []string{"Piotr Nowak"}},
		{"contributors and the writer's box", "Mayor Piotr Nowak cut the ribbon.\n\nLena Kowalczyk contributed to this report.\n\nTomasz Lis is a staff writer at the Courier.", []string{"Piotr Nowak"}},
		{"a caption's subject still counts", "Image copyright Baltic Pictures Image caption Mayor Piotr Nowak at the harbour.\n\nThe harbour reopened.", []string{"Piotr Nowak"}},
		{"prose with by stays", "The new magazine will be edited by Lena Kowalczyk, the publisher said.", []string{"Lena Kowalczyk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := x.Extract("", tt.text)
			if !slices.Equal(r.People, tt.want) {
				t.Errorf("people = %q, want %q", r.People, tt.want)
			}
		})
	}
}
