package importer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/content"
)

const seed = "testdata/seed-article.txt"

var fixedNow = func() time.Time { return time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC) }

func newImporter(t *testing.T, site string, opts Options) *Importer {
	t.Helper()
	opts.Site = site
	opts.Now = fixedNow
	im, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return im
}

func readSeed(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parse(t *testing.T, site, file string) *generator.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(site, file))
	if err != nil {
		t.Fatal(err)
	}
	a, err := content.Parse(file, data, time.UTC)
	if err != nil {
		t.Fatalf("%s does not build: %v", file, err)
	}
	return a
}

func TestSeedImport(t *testing.T) {
	site := t.TempDir()
	o := newImporter(t, site, Options{Date: time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)}).Import(Input{Name: seed, Data: readSeed(t)})
	if o.Err != nil || o.Status != Imported {
		t.Fatalf("%v %v", o.Status, o.Err)
	}
	if o.File != "content/articles/2021/iran-russia-stress-cooperation-to-achieve-regional-security.md" {
		t.Errorf("file = %s", o.File)
	}
	a := parse(t, site, o.File)
	checks := map[string][2]string{
		"title":     {a.Title, "Iran, Russia stress cooperation to achieve regional security"},
		"date":      {a.Date.Format("2006-01-02"), "2021-11-10"},
		"sections":  {strings.Join(a.Sections, "|"), "Iran|Middle East|World News"},
		"people":    {strings.Join(a.People, "|"), "Ali Shamkhani|Nikolay Patrushev"},
		"countries": {strings.Join(a.Countries, "|"), "Iran|Russia|India|Afghanistan|United States"},
		"event":     {a.Event, "Delhi Regional Security Dialogue on Afghanistan"},
	}
	for field, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", field, c[0], c[1])
		}
	}
	body := string(a.Body)
	if strings.Contains(body, "Back to top") || strings.Contains(body, "IranMiddle") || strings.Count(body, "Iran, Russia stress") > 0 {
		t.Errorf("body keeps page furniture, breadcrumbs or the title:\n%s", body)
	}
}

// TestReimportKeepsEdits imports, edits the file as an analyst would,
// imports the same text again (and again from a copy with Windows line
// endings), and checks the edit survived; --force then re-extracts.
func TestReimportKeepsEdits(t *testing.T) {
	site := t.TempDir()
	data := readSeed(t)
	first := newImporter(t, site, Options{}).Import(Input{Name: seed, Data: data})
	if first.Err != nil {
		t.Fatal(first.Err)
	}
	file := filepath.Join(site, first.File)
	edited := strings.Replace(string(first.Content), "people: [Ali Shamkhani, Nikolay Patrushev]", "people: [Ali Shamkhani, Nikolai Patrushev]", 1)
	edited += "\nAnalyst's note.\n"
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	for _, in := range []Input{{Name: seed, Data: data}, {Name: "copy.txt", Data: crlf}} {
		o := newImporter(t, site, Options{}).Import(in)
		if o.Status != Unchanged || o.File != first.File {
			t.Errorf("re-import of %s: %v %s %v", in.Name, o.Status, o.File, o.Err)
		}
	}
	if got, _ := os.ReadFile(file); string(got) != edited {
		t.Fatal("re-import changed the analyst's file")
	}
	o := newImporter(t, site, Options{Force: true}).Import(Input{Name: seed, Data: data})
	if o.Status != Updated || o.File != first.File {
		t.Fatalf("--force: %v %s %v", o.Status, o.File, o.Err)
	}
	// Known people: the analyst's spelling is now the site's, so a
	// re-extraction of the seed's "Nikolay" joins it.
	if a := parse(t, site, o.File); strings.Join(a.People, "|") != "Ali Shamkhani|Nikolai Patrushev" {
		t.Errorf("after --force people = %v, want the site's existing spelling", a.People)
	}
}

func TestSameURLIsOneArticle(t *testing.T) {
	site := t.TempDir()
	page := func(body string) []byte {
		return []byte(`<html><head><title>Talks resume | Example News</title><link rel="canonical" href="https://news.example/2021/11/12/talks">
<meta property="article:published_time" content="2021-11-12T09:00:00Z"></head><body><article><h1>Talks resume</h1>` +
			strings.Repeat("<p>"+body+" Negotiators from Iran and the United States met in Vienna on Friday to discuss sanctions relief and the nuclear programme.</p>", 4) +
			`</article></body></html>`)
	}
	im := newImporter(t, site, Options{})
	outs := im.ImportAll(context.Background(), []Input{{Name: "a.html", Data: page("Update one.")}, {Name: "b.html", Data: page("Update two.")}}, nil)
	if outs[0].Status != Imported || outs[1].Status != Duplicate || outs[1].File != outs[0].File {
		t.Fatalf("outcomes: %+v %+v", outs[0], outs[1])
	}
	a := parse(t, site, outs[0].File)
	if a.URL != "https://news.example/2021/11/12/talks" || a.Date.Format("2006-01-02") != "2021-11-12" || a.Title != "Talks resume" {
		t.Errorf("from page metadata: %q %v %q", a.URL, a.Date, a.Title)
	}
}

func TestSlugCollisionGetsNewName(t *testing.T) {
	site := t.TempDir()
	im := newImporter(t, site, Options{Date: time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)})
	a := im.Import(Input{Name: "a.txt", Data: []byte("Talks in Doha\n\nOfficials from Qatar and Iran met in Doha on Monday.\n")})
	b := im.Import(Input{Name: "b.txt", Data: []byte("Talks in Doha\n\nA different article: officials from Oman met in Muscat.\n")})
	if a.File != "content/articles/2021/talks-in-doha.md" || b.File != "content/articles/2021/talks-in-doha-2.md" || b.Status != Imported {
		t.Errorf("files %s and %s (%v)", a.File, b.File, b.Status)
	}
}

func TestMarkdownKeepsSetFields(t *testing.T) {
	site := t.TempDir()
	md := "---\ntitle: \"My own title\"\ndate: 2021-11-09\ncountries: [Iran]\n---\n\nIran and Russia signed an agreement in Moscow. Russian President Vladimir Putin welcomed the Iranian delegation.\n"
	o := newImporter(t, site, Options{}).Import(Input{Name: "note.md", Data: []byte(md)})
	if o.Err != nil {
		t.Fatal(o.Err)
	}
	a := parse(t, site, o.File)
	if a.Title != "My own title" || strings.Join(a.Countries, "|") != "Iran" || a.Date.Format("2006-01-02") != "2021-11-09" {
		t.Errorf("set fields changed: %q %v %v", a.Title, a.Countries, a.Date)
	}
	if strings.Join(a.People, "|") != "Vladimir Putin" {
		t.Errorf("missing people not filled: %v", a.People)
	}
}

func TestDates(t *testing.T) {
	text := []byte("Border talks\n\nOfficials from Iran and Turkey discussed border security in Ankara on Tuesday.\n")
	site := t.TempDir()
	o := newImporter(t, site, Options{DryRun: true}).Import(Input{Name: "a.txt", Data: text})
	if len(o.Warnings) != 1 || !strings.Contains(o.Warnings[0], "used today's (2026-11-27)") {
		t.Errorf("no date: warnings %q", o.Warnings)
	}
	o = newImporter(t, site, Options{DryRun: true, Date: time.Date(2021, 1, 5, 0, 0, 0, 0, time.UTC)}).Import(Input{Name: "a.txt", Data: text})
	if len(o.Warnings) != 0 || !strings.Contains(string(o.Content), "date: 2021-01-05") {
		t.Errorf("--date: %q\n%s", o.Warnings, o.Content)
	}
	wikinews := []byte("Clashes on the border\n\nFriday, August 21, 2015\n\nNorth Korea and South Korea exchanged artillery fire on Thursday.\n")
	o = newImporter(t, site, Options{DryRun: true, Date: time.Date(2021, 1, 5, 0, 0, 0, 0, time.UTC)}).Import(Input{Name: "w.txt", Data: wikinews})
	if !strings.Contains(string(o.Content), "date: 2015-08-21") {
		t.Errorf("the dateline should win over --date:\n%s", o.Content)
	}
	if entries, _ := os.ReadDir(site); len(entries) != 0 {
		t.Error("a dry run wrote files")
	}
}

func TestBadInputsAndTheRestOfTheBatch(t *testing.T) {
	site := t.TempDir()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cp1252, _ := charmap.Windows1252.NewEncoder().String("Café talks in Genève\n\nFrench and Swiss officials met in Genève on Monday to discuss Iran’s nuclear programme.\n")
	big := write("big.txt", nil)
	if err := os.Truncate(big, 11<<20); err != nil {
		t.Fatal(err)
	}
	paths := []string{
		write("empty.txt", nil),
		write("binary.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3}),
		write("latin1.txt", []byte(cp1252)),
		write("nav.html", []byte(`<html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><form><input name=q></form></body></html>`)),
		big,
		filepath.Join(dir, "missing.txt"),
		seed,
	}
	inputs, failed := Read(paths, strings.NewReader(""))
	outs := newImporter(t, site, Options{Date: time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)}).ImportAll(context.Background(), inputs, nil)
	outs = append(outs, failed...)
	byName := map[string]Outcome{}
	for _, o := range outs {
		byName[filepath.Base(o.Input)] = o
	}
	for name, want := range map[string]string{
		"empty.txt":   "empty",
		"binary.txt":  "binary",
		"nav.html":    "no article",
		"big.txt":     "10 MB",
		"missing.txt": "no such file",
	} {
		o := byName[name]
		if o.Status != Failed || o.Err == nil || !strings.Contains(o.Err.Error(), want) || !strings.Contains(o.Err.Error(), name) {
			t.Errorf("%s: %v %v, want an error naming the file and saying %q", name, o.Status, o.Err, want)
		}
	}
	latin := byName["latin1.txt"]
	if latin.Status != Imported || !strings.Contains(strings.Join(latin.Warnings, " "), "Windows-1252") {
		t.Errorf("latin1.txt: %v %v %q", latin.Status, latin.Err, latin.Warnings)
	}
	if a := parse(t, site, latin.File); a.Title != "Café talks in Genève" {
		t.Errorf("decoded title %q", a.Title)
	}
	if byName["seed-article.txt"].Status != Imported {
		t.Errorf("the good file in a bad batch was not imported: %+v", byName["seed-article.txt"])
	}
}

func TestReadFolderAndStdin(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"a.txt": "A", "sub/b.html": "B", "c.pdf": "C", ".hidden.txt": "H", "sub/.git/x.txt": "G"} {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		_ = os.WriteFile(p, []byte(body), 0o644)
	}
	inputs, failed := Read([]string{dir, "-"}, strings.NewReader("from stdin"))
	var names []string
	for _, in := range inputs[:len(inputs)-1] {
		rel, _ := filepath.Rel(dir, in.Name)
		names = append(names, filepath.ToSlash(rel))
	}
	if len(failed) != 0 || strings.Join(names, " ") != "a.txt sub/b.html" {
		t.Errorf("folder inputs %v, failed %v; want the .txt and .html files, not hidden ones", names, failed)
	}
	if last := inputs[len(inputs)-1]; last.Name != "-" || string(last.Data) != "from stdin" {
		t.Errorf("stdin input = %+v", last)
	}
}

func TestLongHeadlineGivesReadableSlug(t *testing.T) {
	for in, want := range map[string]string{
		"after-visa-snags-all-girl-afghan-team-honored-for-courageous-achievement-at-international-robotics-competition": "after-visa-snags-all-girl-afghan-team-honored-for-courageous",
		"iran-and-russia-agree-on-a-long-list-of-measures-for-the-security-of-the":                                       "iran-and-russia-agree-on-a-long-list-of-measures",
		"short-title":           "short-title",
		strings.Repeat("x", 70): strings.Repeat("x", 60),
	} {
		if got := trimSlug(in, maxSlug); got != want {
			t.Errorf("trimSlug(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestSiteVocabularyAndAliases puts the user's own topics.yaml and
// aliases.yaml in the site and checks an import follows them.
func TestSiteVocabularyAndAliases(t *testing.T) {
	site := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(site, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(TopicsFile, "Caspian affairs: [caspian]\n")
	write(AliasesFile, "Nikolay Patrushev: [Nikolai Patrushev]\n")
	text := "Caspian talks\n\nNikolai Patrushev, the Russian security chief, met officials from Iran to discuss the Caspian. The Caspian states will meet again.\n"
	o := newImporter(t, site, Options{Date: time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)}).Import(Input{Name: "c.txt", Data: []byte(text)})
	if o.Err != nil {
		t.Fatal(o.Err)
	}
	a := parse(t, site, o.File)
	if strings.Join(a.Topics, "|") != "Caspian affairs" {
		t.Errorf("topics = %v, want only the site's vocabulary", a.Topics)
	}
	if strings.Join(a.People, "|") != "Nikolay Patrushev" {
		t.Errorf("people = %v, want the alias file's canonical name", a.People)
	}
	write(AliasesFile, "Nikolay Patrushev: [Nikolai Patrushev\n")
	if _, err := New(Options{Site: site}); err == nil || !strings.Contains(err.Error(), "aliases.yaml:") {
		t.Errorf("a broken aliases.yaml should be reported with its position, got %v", err)
	}
}

func TestDoubtfulNamesAreReportedNotFiled(t *testing.T) {
	text := []byte("Harbour reopens\n\nThe harbour reopened on Thursday. Mayor Piotr Nowak cut the ribbon outside Seaview Donut Shack.\n")
	o := newImporter(t, t.TempDir(), Options{DryRun: true, Date: time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)}).Import(Input{Name: "a.txt", Data: text})
	if !strings.Contains(string(o.Content), "people: [Piotr Nowak]\n") {
		t.Errorf("want only the titled mayor filed:\n%s", o.Content)
	}
	if w := strings.Join(o.Warnings, "\n"); !strings.Contains(w, `doubtful`) || !strings.Contains(w, `"Seaview Donut Shack"`) {
		t.Errorf("warnings %q, want the doubtful name reported", o.Warnings)
	}
}

func TestPageAuthorsAreNotPeople(t *testing.T) {
	page := []byte(`<!doctype html><html><head><title>Harbour reopens</title>
<meta name="author" content="Lena Kowalczyk">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2024-03-14","author":[{"@type":"Person","name":"Tomasz Lis"}]}</script>
</head><body><article><h1>Harbour reopens</h1>
<p>The harbour reopened on Thursday after a year of repairs. Mayor Piotr Nowak cut the ribbon in front of a crowd of several hundred people.</p>
<p>Tomasz Lis, who reported on the works for a year, said the town had waited long enough. Nowak said the ferries would return in May.</p>
<p>The repairs cost more than planned, officials said, and the port authority will publish its accounts in the spring.</p>
</article></body></html>`)
	o := newImporter(t, t.TempDir(), Options{DryRun: true}).Import(Input{Name: "a.html", Data: page})
	if o.Err != nil {
		t.Fatal(o.Err)
	}
	if !strings.Contains(string(o.Content), "people: [Piotr Nowak]\n") {
		t.Errorf("want the page's author kept out of people:\n%s", o.Content)
	}
}
