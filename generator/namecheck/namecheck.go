package namecheck

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/briefing-digest/briefing/generator"
)

// Doubt is one name that looks wrong, with the files that use it.
type Doubt struct {
	Kind  string   // the front matter key: people, countries, organizations, places
	Name  string   // as the files spell it
	Files []string // the articles that give it, in site order
	Why   string   // what makes it look wrong, for a person to judge
}

func (d Doubt) String() string {
	return fmt.Sprintf("%s %q (%s): %s", d.Kind, d.Name, strings.Join(d.Files, ", "), d.Why)
}

// use is one name of one kind and where the site gives it.
type use struct {
	kind, name string
	files      []string
}

// Check returns the doubtful names of articles, people first, each name
// once. It reads front matter only and is linear in the number of names
// but for the near-twin search, which compares names of one kind that
// share a first letter.
func Check(articles []*generator.Article) []Doubt {
	uses := map[string]*use{} // kind + "\x00" + folded name
	var order []*use
	for _, a := range articles {
		for kind, names := range map[string][]string{"people": a.People, "countries": a.Countries,
			"organizations": a.Organizations, "places": a.Places} {
			for _, n := range names {
				k := kind + "\x00" + fold(n)
				u := uses[k]
				if u == nil {
					u = &use{kind: kind, name: n}
					uses[k] = u
					order = append(order, u)
				}
				if len(u.files) == 0 || u.files[len(u.files)-1] != a.File {
					u.files = append(u.files, a.File)
				}
			}
		}
	}
	var out []Doubt
	for _, u := range order {
		if u.kind != "people" {
			continue
		}
		for _, other := range []string{"countries", "places", "organizations"} {
			if o := uses[other+"\x00"+fold(u.name)]; o != nil {
				out = append(out, Doubt{Kind: u.kind, Name: u.name, Files: u.files,
					Why: fmt.Sprintf("also given as one of the %s in %d article(s)", other, len(o.files))})
				break
			}
		}
	}
	out = append(out, twins(order)...)
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i].Kind) < rank(out[j].Kind) })
	return out
}

func rank(kind string) int {
	return strings.Index("people countries organizations places", kind)
}

// twins finds a name used in one article whose spelling is one or two
// edits from a name of the same kind used in three or more: "Nikolai
// Patrushev" beside "Nikolay Patrushev".
func twins(order []*use) []Doubt {
	byKey := map[string][]*use{} // kind + first letter
	for _, u := range order {
		f := fold(u.name)
		if f == "" {
			continue
		}
		k := u.kind + "\x00" + f[:1]
		byKey[k] = append(byKey[k], u)
	}
	var out []Doubt
	for _, u := range order {
		if len(u.files) != 1 {
			continue
		}
		f := fold(u.name)
		if len(f) < 6 {
			continue // short names sit one edit apart by chance: "Iran", "Iraq"
		}
		for _, o := range byKey[u.kind+"\x00"+f[:1]] {
			if len(o.files) < 3 || o == u {
				continue
			}
			if d := distance(f, fold(o.name), 2); d > 0 && d <= 2 {
				out = append(out, Doubt{Kind: u.kind, Name: u.name, Files: u.files,
					Why: fmt.Sprintf("used once; %q is used in %d articles", o.name, len(o.files))})
				break
			}
		}
	}
	return out
}

// fold is a name's spelling for comparing: lower case, accents and
// punctuation dropped, spaces single.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// distance is the edit distance of a and b, or max+1 once it exceeds max,
// so a long pair that differs a lot costs little.
func distance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
