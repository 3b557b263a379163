package extract

import (
	"strings"
	"testing"
)

func TestLexiconSectionsAreChecked(t *testing.T) {
	var words [numLexSections]set
	for i := range words {
		words[i] = set{}
	}
	if err := checkSections(&words); err != nil {
		t.Fatalf("a full lexicon failed: %v", err)
	}
	words[lexTitles] = nil
	if err := checkSections(&words); err == nil || !strings.Contains(err.Error(), "[titles]") {
		t.Errorf("a lexicon without [titles] gave %v, want an error naming it", err)
	}
	if _, err := sectionNamed("titels"); err == nil || !strings.Contains(err.Error(), "[titels]") {
		t.Errorf("a misspelt section gave %v, want an error naming it", err)
	}
	if s, err := sectionNamed("cues"); err != nil || s != lexCues {
		t.Errorf("sectionNamed(cues) = %v, %v", s, err)
	}
}
