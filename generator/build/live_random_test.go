package build

import (
	"context"
	"fmt"
	"hash/maphash"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator/render"
	"github.com/briefing-digest/briefing/templates"
)

// longTests says whether to run the long versions of the differential
// tests: BRIEFING_LONG_TESTS=1, which .ci/run sets on Sundays (see
// docs/reliability.md). The short run keeps every kind of edit, with
// fewer of each.
func longTests() bool { return os.Getenv("BRIEFING_LONG_TESTS") == "1" }

var (
	titleLine   = regexp.MustCompile(`(?m)^title: .*$`)
	summaryLine = regexp.MustCompile(`(?m)^summary: .*$`)
)

// dumpPartial reads everything a page's template can reach of the site,
// so a site with it shows any change anywhere, on every page: the
// hardest case for serve, which must still match a build byte for byte.
const dumpPartial = `{{ define "dump" }}<pre class="dump">
{{ .Kind }}|{{ .Title }}|{{ .Description }}|{{ .Path }}|{{ .Feed }}|{{ datetime .Date }}|{{ .ShowSummary }}
{{- with .Entry }}
entry {{ template "dump-entry" . }} issue={{ .Issue.Slug }}:{{ len .Issue.Entries }}{{ range .Issue.Entries }} {{ .Slug }}{{ end }}
prev={{ with .Prev }}{{ .Slug }}{{ end }} next={{ with .Next }}{{ .Title }}{{ end }} related={{ range .Related }}{{ .Slug }}/{{ .Summary }} {{ end }}
{{- range .Terms }}[{{ range . }}{{ template "dump-term" . }}{{ end }}]{{ end }}
{{- end }}
{{- range $.Facts }} fact {{ .Taxonomy.Name }}{{ range .Terms }} {{ .Name }}{{ end }}{{ end }}
{{- with .Term }}
term {{ template "dump-term" . }}{{ range .Entries }} {{ .Slug }}:{{ .Title }}{{ end }}
{{- range .Related }} {{ .Taxonomy.Name }}:{{ range .Terms }}{{ .Term.Name }}={{ .Count }},{{ end }}{{ end }}
{{- end }}
{{- with .Taxonomy }}
taxonomy {{ .Name }} {{ .Singular }} {{ .Title }}{{ range .ByName }} {{ .Name }}{{ end }}
{{- end }}
{{- with .Paginator }}
pages {{ .Number }}/{{ .Total }}{{ range .Entries }} {{ .Slug }}{{ end }}{{ with .Newer }} newer={{ .Path }}{{ end }}{{ with .Older }} older={{ .Title }}{{ end }}{{ range .Years }} {{ . }}{{ end }}
{{- end }}
{{- with .Issue }}
issue {{ template "dump-issue" . }}
{{- end }}
{{- with .Latest }} latest={{ .Slug }}{{ end }}
site {{ datetime .Site.Updated }} {{ .Site.Config.Title }} {{ len .Site.Entries }}
{{- /* Each article in full is on its own page and its cards; every
page reading a little of each is what makes every page depend on all. */}}
{{- range .Site.Entries }}
 {{ .Slug }} {{ .Title }} {{ .Summary }} {{ .Source }} {{ .Draft }} {{ len .Body }}
{{- end }}
{{- range .Site.Taxonomies }}
 {{ .Name }}:{{ range .Terms }} {{ template "dump-term" . }}{{ end }}
{{- end }}
{{- range .Site.Issues }}
 {{ template "dump-issue" . }}
{{- end }}
{{- range .Site.Clashes }}
 clash {{ .Taxonomy }} {{ .Slug }} {{ .Names }} {{ .Files }}
{{- end }}
</pre>{{ end }}
{{ define "dump-entry" }}{{ .Index }} {{ .File }} {{ .Slug }} {{ .Path }} {{ .Title }} {{ datetime .Date }} {{ .Source }} {{ .URL }} {{ .License }} {{ .Summary }} {{ .Event }} {{ .Sections }} {{ .People }} {{ .Countries }} {{ .Organizations }} {{ .Places }} {{ .Topics }} {{ .Draft }} {{ .Fingerprint }} {{ .SlugLine }}:{{ .SlugCol }} {{ .BodyLine }} {{ len .Unknown }} {{ printf "%q" .Body }}{{ end }}
{{ define "dump-term" }}{{ .Taxonomy.Name }}/{{ .Slug }}={{ .Name }}({{ .Key }},{{ len .Entries }},{{ .Path }}) {{ end }}
{{ define "dump-issue" }}{{ .Year }}-{{ .Week }} {{ .Slug }} {{ .Title }} {{ isodate .Start }} {{ isodate .Last }} {{ len .Entries }}
{{- range .Groups }} group={{ with .Term }}{{ .Name }}{{ end }}:{{ len .Entries }}{{ end }}
{{- range .TopPeople }} top={{ .Term.Name }}:{{ .Count }}{{ end }}
{{- range .TopCountries }} topc={{ .Term.Name }}:{{ .Count }}{{ end }}
{{- range .Movers }} mover={{ .Term.Name }}:{{ .This }}/{{ .Last }}{{ end }}
{{- range .Covered 3 }} covered={{ .Name }}{{ end }}
{{- with .Prev }} prev={{ .Slug }}{{ end }}{{ with .Next }} next={{ .Title }}{{ end }}{{ end }}`

// ownTemplates writes into dir/templates a copy of every built-in
// template, each changed to be the site's own: every page ends with the
// dump, every card and chip reads the whole site too. version is printed
// on every page, so a step may edit the templates by bumping it.
func ownTemplates(t *testing.T, dir string, version int) {
	t.Helper()
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		src, err := fs.ReadFile(templates.FS, p)
		if err != nil {
			return err
		}
		s := string(src)
		switch {
		case p == "base.html":
			s += fmt.Sprintf("{{/* own copy %d */}}", version)
		case p == "email.html":
			// Parsed alone, without the partials: its dump is its own, of
			// what its View leads to.
			s += fmt.Sprintf(`{{ with .Issue }}{{ .Slug }} {{ len .Entries }}{{ range .Entries }} {{ .Title }} {{ .Summary }}{{ range .Terms }}{{ range . }} {{ .Name }}={{ len .Entries }}{{ end }}{{ end }}{{ with .Related }} related={{ len . }}{{ end }}{{ end }}{{ with .Prev }} prev={{ .Slug }}{{ end }}{{ with .Next }} next={{ .Slug }}{{ end }}{{ end }}<p>version %d</p>`, version)
		case !strings.Contains(p, "/"):
			s += fmt.Sprintf(`{{ template "dump" . }}<p>version %d</p>`, version)
		default:
			s = injectAfterDefine(t, s, "entry", `<p class="card-dump">{{ template "dump-entry" .Entry }}{{ range .Countries }} {{ template "dump-term" . }}{{ end }}{{ with .Except }} except={{ .Slug }}{{ end }} {{ len .Page.Site.Entries }} {{ len .Page.Site.Issues }}</p>`)
			s = injectAfterDefine(t, s, "chip", `{{ len .Entries }}:`)
			s += fmt.Sprintf("{{/* own copy %d */}}", version)
		}
		writeFile(t, filepath.Join(dir, "templates", filepath.FromSlash(p)), s)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "templates/partials/zz-dump.html"), dumpPartial)
}

var defineStart = regexp.MustCompile(`\{\{-? *define "([^"]+)" *-?\}\}`)

// injectAfterDefine puts text at the start of the definition of name,
// if src defines it.
func injectAfterDefine(t *testing.T, src, name, text string) string {
	t.Helper()
	for _, m := range defineStart.FindAllStringSubmatchIndex(src, -1) {
		if src[m[2]:m[3]] == name {
			return src[:m[1]] + text + src[m[1]:]
		}
	}
	return src
}

// TestLiveRandomEdits makes a run of random edits to a small, dense site
// (few weeks, many shared names, spellings that compete) and checks the
// live site against a full build after each one. Dense is what makes one
// edit reach far: neighbours on the same week, movers between weeks, the
// displayed spelling of a name that several articles share. It runs with
// the built-in templates and with a site whose own templates override
// every one of them and read everything they can reach; between article
// edits it edits the templates, topics.yaml and aliases.yaml.
//
// The short run (the default) has 60 steps with the built-in templates on
// each shape of site and 30 with the site's own; BRIEFING_LONG_TESTS=1
// runs 400 and 200 on each of three seeds.
func TestLiveRandomEdits(t *testing.T) {
	steps, seeds := 60, []uint64{1}
	if longTests() {
		steps, seeds = 400, []uint64{1, 2, 3}
	}
	for _, own := range []bool{false, true} {
		for _, seed := range seeds {
			name := fmt.Sprintf("built-in/%d", seed)
			if own {
				name = fmt.Sprintf("own/%d", seed)
			}
			n := steps
			if own {
				// Its every page shows the whole site, so each step costs
				// a whole render, twice.
				n = steps / 2
			}
			t.Run(name, func(t *testing.T) { randomEdits(t, own, small, seed, n) })
		}
	}
	// A year of weeks, so that most saves reach a few of them and leave
	// the rest, which serve then does not fingerprint (Plan.EditSigs);
	// and ten articles a week, so that most saves move an article among
	// weeks and terms that stay, and serve keeps its plan (Plan.Patch).
	// Anything either leaves out that a save reached shows here.
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("year/%d", seed), func(t *testing.T) { randomEdits(t, false, year, seed, steps) })
		t.Run(fmt.Sprintf("dense/%d", seed), func(t *testing.T) { randomEdits(t, false, dense, seed, steps) })
	}
}

// shape is the size of a site randomEdits makes: its articles, the days
// their dates fall in (from 1 November 2021) and its term pages' length;
// with saves, every step saves or removes one of its articles, and
// nothing else changes.
type shape struct {
	articles, days, paginate int
	saves                    bool
}

var (
	small = shape{12, 21, 3, false}  // three weeks
	year  = shape{40, 365, 3, false} // most weeks hold one article or none
	dense = shape{60, 42, 12, true}  // six weeks of ten articles
)

// randomEdits makes random saves to a site of the given shape, rebuilding
// it live after each one and comparing it with a full build. A third more
// articles than the shape's may come and go.
func randomEdits(t *testing.T, own bool, sh shape, seed uint64, steps int) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), fmt.Sprintf("title: Dense\nbase_url: http://localhost:1313/\nfeed_limit: 4\npaginate: %d\n", sh.paginate))
	rng := rand.New(rand.NewPCG(seed, 2))
	pick := func(list []string, most int) []string {
		var out []string
		for range rng.IntN(most + 1) {
			out = append(out, list[rng.IntN(len(list))])
		}
		return out
	}
	countries := []string{"Iran", "iran", "IRAN", "Russia", "Türkiye", "Turkiye", "Chile", "India"}
	people := []string{"Ali Shamkhani", "ali shamkhani", "Nikolai Patrushev", "Ana Silva"}
	fronts := map[int]string{}
	write := func(n int) string {
		p := filepath.Join(dir, "content/articles", fmt.Sprintf("a%02d.md", n))
		if front, ok := fronts[n]; ok && rng.IntN(3) == 0 {
			// Only the text changes, as in most saves.
			writeFile(t, p, front+fmt.Sprintf("---\n\nBody %d.\n", rng.IntN(4)))
			return p
		}
		if front, ok := fronts[n]; ok && rng.IntN(3) == 0 {
			// Only the title and summary change: the article keeps its
			// date and names, though a new title may reorder its day.
			front = titleLine.ReplaceAllString(front, fmt.Sprintf("title: %q", fmt.Sprintf("Story %d", rng.IntN(5))))
			front = summaryLine.ReplaceAllString(front, fmt.Sprintf("summary: %q", fmt.Sprintf("Summary %d", rng.IntN(3))))
			fronts[n] = front
			writeFile(t, p, front+fmt.Sprintf("---\n\nBody %d.\n", rng.IntN(4)))
			return p
		}
		var b strings.Builder
		// Few days and hours, so articles often share a moment and their
		// titles decide their order.
		title, day, hour := rng.IntN(5), rng.IntN(sh.days), 12*rng.IntN(2)
		date := time.Date(2021, 11, 1+day, hour, 0, 0, 0, time.UTC)
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\n", fmt.Sprintf("Story %d", title), date.Format(time.RFC3339))
		fmt.Fprintf(&b, "summary: %q\n", fmt.Sprintf("Summary %d", rng.IntN(3)))
		fmt.Fprintf(&b, "countries: [%s]\npeople: [%s]\n", strings.Join(pick(countries, 3), ", "), strings.Join(pick(people, 2), ", "))
		if rng.IntN(8) == 0 {
			b.WriteString("draft: true\n")
		}
		if rng.IntN(6) == 0 {
			b.WriteString("source: Wire\n")
		}
		fronts[n] = b.String()
		fmt.Fprintf(&b, "---\n\nBody %d.\n", rng.IntN(4))
		writeFile(t, p, b.String())
		return p
	}
	articles := sh.articles
	for n := range articles {
		write(n)
	}
	version := 0
	if own {
		ownTemplates(t, dir, version)
	}
	ctx := context.Background()
	l := startLive(t, dir)
	for step := range steps {
		var changed []string
		what := ""
		r := rng.IntN(20)
		if sh.saves {
			r = 3 + rng.IntN(17) // articles come and go too, but nothing else changes
		}
		switch {
		case r < 2:
			// The site's templates change: a new version of its own, or,
			// with the built-in ones, an own footer comes or goes.
			what = "templates"
			if own {
				version++
				ownTemplates(t, dir, version)
				changed = []string{filepath.Join(dir, "templates")}
			} else {
				// Own templates that read no more than the built-in ones
				// (bounded, so edits stay narrow) and one that reads more.
				footer := filepath.Join(dir, "templates/partials/footer.html")
				article := filepath.Join(dir, "templates/article.html")
				switch rng.IntN(4) {
				case 0:
					if err := os.RemoveAll(filepath.Join(dir, "templates")); err != nil {
						t.Fatal(err)
					}
				case 1:
					writeFile(t, footer, fmt.Sprintf(`{{ define "footer" }}<footer>{{ len .Site.Entries }} articles, step %d</footer>{{ end }}`, step))
				case 2:
					writeFile(t, footer, fmt.Sprintf(`{{ define "footer" }}<footer>{{ .Site.Config.Title }}, step %d</footer>{{ end }}`, step))
				case 3:
					writeFile(t, article, fmt.Sprintf(`{{ template "base" . }}{{ define "main" }}<h1>{{ .Entry.Title }}</h1><p>{{ .Entry.Summary }} {{ .Entry.Countries }} {{ date .Date }}, step %d</p>{{ .Body }}{{ end }}`, step))
				}
				changed = []string{filepath.Join(dir, "templates")}
			}
		case r == 2:
			// topics.yaml and aliases.yaml steer import, not build: a
			// save of either must leave the site as it is.
			what = "topics.yaml and aliases.yaml"
			topics, aliases := filepath.Join(dir, "topics.yaml"), filepath.Join(dir, "aliases.yaml")
			writeFile(t, topics, fmt.Sprintf("Nuclear programme %d: [enrichment, centrifuge]\n", step))
			writeFile(t, aliases, fmt.Sprintf("IRGC: Islamic Revolutionary Guard Corps %d\n", step))
			changed = []string{topics, aliases}
		case r < 6:
			n := rng.IntN(articles + articles/3)
			p := filepath.Join(dir, "content/articles", fmt.Sprintf("a%02d.md", n))
			what = fmt.Sprintf("remove a%02d", n)
			if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			changed = []string{p}
		case r < 8:
			// Two articles in one batch, as a watcher hands them over: a
			// rename (one goes, one comes), or one removed and another
			// saved, in either order.
			n, m := rng.IntN(articles+articles/3), rng.IntN(articles+articles/3)
			from := filepath.Join(dir, "content/articles", fmt.Sprintf("a%02d.md", n))
			to := filepath.Join(dir, "content/articles", fmt.Sprintf("a%02d.md", m))
			if _, err := os.Stat(to); r == 6 && n != m && os.IsNotExist(err) {
				what = fmt.Sprintf("rename a%02d to a%02d", n, m)
				if err := os.Rename(from, to); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
				if front, ok := fronts[n]; ok {
					fronts[m] = front
					delete(fronts, n)
				}
			} else {
				what = fmt.Sprintf("remove a%02d and write a%02d", n, m)
				if err := os.Remove(from); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
				write(m)
			}
			changed = []string{from, to}
			if rng.IntN(2) == 0 {
				changed = []string{to, from}
			}
		default:
			n := rng.IntN(articles + articles/3)
			if sh.saves {
				n = rng.IntN(articles)
			}
			what = fmt.Sprintf("write a%02d", n)
			changed = []string{write(n)}
		}
		before := snapshot(l)
		ch, err := l.Rebuild(ctx, changed)
		want, fullErr := generate(t, dir)
		if (err == nil) != (fullErr == nil) {
			t.Fatalf("step %d (%s): live error %v, full build error %v", step, what, err, fullErr)
		}
		if err != nil {
			continue // two articles on one slug cannot happen here, but an error keeps the last good build
		}
		got := snapshot(l)
		if d := diff(want, got); len(d) > 0 {
			t.Fatalf("step %d (%s): live site differs from a full build in %v", step, what, d)
		}
		if bad := staleSigs(l); len(bad) > 0 {
			t.Fatalf("step %d (%s): fingerprints kept for %v differ from the site's own", step, what, bad)
		}
		if d := diff(before, got); !slices.Equal(d, ch.Changed) {
			t.Fatalf("step %d (%s): reported changes %v, but these changed: %v", step, what, ch.Changed, d)
		}
	}
}

// staleSigs lists the files whose fingerprint serve keeps is not the one
// a new plan of the same site gets from Sigs: a file EditSigs carried
// whose inputs a save changed, even where its bytes came out the same.
// A forgotten fingerprint (zero) renders next time and is not counted.
func staleSigs(l *Live) []string {
	fresh := l.renderer.Plan(l.plan.Site())
	sigs := fresh.Sigs(render.Fingerprint)
	var bad []string
	for i := range fresh.Len() {
		p := fresh.Path(i)
		j, ok := l.sigs.at[p]
		if !ok || j >= len(l.sigs.paths) || l.sigs.paths[j] != p {
			continue
		}
		kept := l.sigs.sigs[j]
		if kept != 0 && kept != maphash.Comparable(l.seed, [2]uint64{sigs[i], l.gens[fresh.Template(i)]}) {
			bad = append(bad, p)
		}
	}
	return bad
}
