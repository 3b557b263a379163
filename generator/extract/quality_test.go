package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// goldDoc is one annotated Wikinews article of testdata/wikinews.gold.jsonl.
type goldDoc struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	Text      string     `json:"text"`
	People    [][]string `json:"people"`
	Countries []string   `json:"countries"`
}

// TestWikinewsQuality measures people and countries on 24 real articles the
// way the project's scorer does, micro-averaged over (article, entity),
// and holds them to the floors analysts were promised.
func TestWikinewsQuality(t *testing.T) {
	docs := readGold(t, "testdata/wikinews.gold.jsonl")
	x := New()
	var people, countries score
	for _, d := range docs {
		r := x.Extract(d.Title, d.Text)
		people.add(scorePeople(d.People, r.People))
		countries.add(scoreCountries(d.Countries, r.Countries))
	}
	t.Logf("people:    P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", people.precision(), people.recall(), people.f1(), people.tp, people.fp, people.fn)
	t.Logf("countries: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", countries.precision(), countries.recall(), countries.f1(), countries.tp, countries.fp, countries.fn)
	// GUM's annotators counted photographers ("Image: Jane Roe.") as
	// people; briefing's guidelines do not, which costs three names here.
	if f := people.f1(); f < 0.79 {
		t.Errorf("people F1 %.3f below 0.79", f)
	}
	// GUM's annotators marked the countries an article names; briefing
	// also files a city or region under its country ("Las Vegas" → United
	// States), as its guidelines say, which these gold lists count as wrong.
	if f := countries.f1(); f < 0.85 {
		t.Errorf("countries F1 %.3f below 0.85", f)
	}
}

func readGold(t testing.TB, path string) []goldDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

type score struct{ tp, fp, fn int }

func (s *score) add(o score) { s.tp += o.tp; s.fp += o.fp; s.fn += o.fn }

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

var nonAlnum = regexp.MustCompile(`[^a-z0-9]+`)

// scoreFold folds case, accents and punctuation, as the scorer does.
func scoreFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.TrimSpace(nonAlnum.ReplaceAllString(b.String(), " "))
}

// scorePeople counts a predicted name once for the gold person any of whose
// aliases it equals; a second name for the same person is a false positive.
func scorePeople(gold [][]string, got []string) score {
	hit := make([]bool, len(gold))
	var s score
	for _, name := range got {
		f := scoreFold(name)
		found := -1
		for i, aliases := range gold {
			for _, a := range aliases {
				if scoreFold(a) == f {
					found = i
				}
			}
			if found >= 0 {
				break
			}
		}
		if found < 0 || hit[found] {
			s.fp++
			continue
		}
		hit[found] = true
		s.tp++
	}
	for _, h := range hit {
		if !h {
			s.fn++
		}
	}
	return s
}

// scoreCountries compares countries after mapping every name through the
// package's own country table to one canonical name.
func scoreCountries(gold, got []string) score {
	canon := func(names []string) map[string]bool {
		out := map[string]bool{}
		for _, n := range names {
			if c := loadTables().countryOf(n); c != "" {
				n = c
			}
			out[scoreFold(n)] = true
		}
		return out
	}
	g, p := canon(gold), canon(got)
	var s score
	for c := range p {
		if g[c] {
			s.tp++
		} else {
			s.fp++
		}
	}
	for c := range g {
		if !p[c] {
			s.fn++
		}
	}
	return s
}
