package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// start is the first article's date, a Monday; articles are spread evenly
// over the three years that follow.
var start = time.Date(2021, time.January, 4, 0, 0, 0, 0, time.UTC)

// maxSlug bounds a file name, as the reference generator does.
const maxSlug = 80

// generator draws articles one after another from one random stream, so
// a seed fixes the whole corpus.
type generator struct {
	r      *rand.Rand
	people []string
	slugs  map[string]bool
	opts   Options
}

func newGenerator(seed uint64, opts Options) *generator {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var people []string
	for _, family := range familyNames {
		for range 3 {
			people = append(people, pick(r, givenNames)+" "+family)
		}
	}
	slices.Sort(people)
	return &generator{r: r, people: slices.Compact(people), slugs: map[string]bool{}, opts: opts}
}

// article is one generated file: where it goes under content/ and its bytes.
type article struct {
	year int
	slug string
	text []byte
}

// next makes article i of n.
func (g *generator) next(i, n int) article {
	r := g.r
	date := start.AddDate(0, 0, i*3*365/n)
	cs := sample(r, countries, 1+r.IntN(5))
	ps := sample(r, g.people, 1+r.IntN(4))
	orgs := sample(r, organizations, r.IntN(4))
	event := pick(r, events)
	ts := sample(r, topics, 1+r.IntN(3))

	other := cs[len(cs)-1]
	for other == cs[0] {
		other = pick(r, countries)
	}
	title := fmt.Sprintf("%s and %s discuss %s at %s (%d)", cs[0], other, strings.ToLower(ts[0]), event, i)
	slug := g.unique(slugify(title))

	names := slices.Concat(ps, cs, orgs)
	paras := make([]string, 4+r.IntN(6))
	for p := range paras {
		lines := make([]string, 2+r.IntN(4))
		for l := range lines {
			lines[l] = sentence(r, names)
		}
		paras[p] = strings.Join(lines, "\n")
	}
	if r.IntN(2) == 0 {
		paras = slices.Insert(paras, 2, "> "+sentence(r, names))
	}
	if r.IntN(10) < 3 {
		items := []string{sentence(r, names), sentence(r, names), sentence(r, names)}
		paras = append(paras, "- "+strings.Join(items, "\n- "))
	}
	summary := sentence(r, names)

	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(title))
	fmt.Fprintf(&b, "date: %s\n", date.Format(time.DateOnly))
	fmt.Fprintf(&b, "source: %s\n", strconv.Quote(pick(r, sources)))
	fmt.Fprintf(&b, "people: %s\n", list(ps))
	fmt.Fprintf(&b, "countries: %s\n", list(cs))
	fmt.Fprintf(&b, "organizations: %s\n", list(orgs))
	fmt.Fprintf(&b, "event: %s\n", strconv.Quote(event))
	if g.opts.HugoEvents {
		fmt.Fprintf(&b, "events: %s\n", list([]string{event}))
	}
	fmt.Fprintf(&b, "topics: %s\n", list(ts))
	fmt.Fprintf(&b, "summary: %s\n", strconv.Quote(summary))
	b.WriteString("---\n\n")
	b.WriteString(strings.Join(paras, "\n\n"))
	b.WriteString("\n")
	return article{year: date.Year(), slug: slug, text: []byte(b.String())}
}

// unique returns slug, or slug ending in a number when an earlier article
// took it (titles cut at maxSlug can coincide), still within maxSlug.
func (g *generator) unique(slug string) string {
	s := slug
	for k := 2; g.slugs[s]; k++ {
		suffix := "-" + strconv.Itoa(k)
		s = strings.TrimRight(slug[:min(len(slug), maxSlug-len(suffix))], "-") + suffix
	}
	g.slugs[s] = true
	return s
}

// sentence is 12–28 filler words, with one of names dropped in six times
// out of ten so the text mentions what the front matter lists.
func sentence(r *rand.Rand, names []string) string {
	n := 12 + r.IntN(17)
	words := make([]string, n, n+1)
	for i := range words {
		words[i] = pick(r, filler)
	}
	if len(names) > 0 && r.IntN(10) < 6 {
		words = slices.Insert(words, r.IntN(n+1), pick(r, names))
	}
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// slugify keeps lower-case letters and digits and turns every other run
// into one hyphen: what briefing makes of these ASCII titles, so the file
// name is the page's slug.
func slugify(title string) string {
	var b strings.Builder
	hyphen := false
	for _, c := range strings.ToLower(title) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(c)
			continue
		}
		hyphen = true
	}
	s := b.String()
	if len(s) > maxSlug {
		s = strings.TrimRight(s[:maxSlug], "-")
	}
	return s
}

// list writes names as a YAML flow sequence of quoted strings.
func list(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func pick(r *rand.Rand, from []string) string { return from[r.IntN(len(from))] }

// sample draws k distinct items in random order.
func sample(r *rand.Rand, from []string, k int) []string {
	out := make([]string, k)
	for i, j := range r.Perm(len(from))[:k] {
		out[i] = from[j]
	}
	return out
}
