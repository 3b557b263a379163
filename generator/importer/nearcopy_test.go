package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// A made-up story, as pasted text, as the outlet's saved page and as
// another outlet's copy.
const (
	quayHeadline = "Storm closes northern quay for three weeks"
	quayStory    = `The harbour authority closed the northern quay on Monday after a storm tore away two cranes and flooded the fish market, leaving traders to count their losses as the water went down.

Dock workers said the wind rose faster than the morning forecast had warned, and that the first crane came down within minutes of the gusts reaching the breakwater. Nobody was on the crane when it fell, the authority said.

Councillor Ines Barrow said repairs would take three weeks, during which ferries will berth at the southern pier and the fish market will trade from tents on the car park.

Engineers from the port company began inspecting the sea wall before the evening tide came back in, and said they expected to publish their findings by Friday.`
	otherQuayStory = `Ferry passengers faced delays of up to four hours on Saturday as a strike by harbour pilots kept the largest vessels at anchor outside the breakwater for most of the day.

The pilots' union said its members wanted the port to hire six more pilots before the summer season, when the number of cruise ships calling at the harbour doubles.

The port company said talks would resume on Tuesday and that smaller ferries, which need no pilot, would keep to their timetable in the meantime.`
)

func quayPage(story string) []byte {
	var paras strings.Builder
	for _, p := range strings.Split(story, "\n\n") {
		paras.WriteString("<p>" + p + "</p>\n")
	}
	return []byte(`<!DOCTYPE html><html><head><title>` + quayHeadline + ` | Harbour Courier</title>
<meta property="og:site_name" content="Harbour Courier">
<link rel="canonical" href="https://www.harbourcourier.example/news/2024/03/04/storm-closes-quay/">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>` + quayHeadline + `</h1>
<p class="byline">By Mara Quist</p>` + paras.String() + `<p>Photo: Harbour Courier</p></article>
<footer>© 2024 Harbour Courier</footer></body></html>`)
}

func TestOneFilePerStory(t *testing.T) {
	site := t.TempDir()
	opts := Options{Date: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)}
	pasted := newImporter(t, site, opts).Import(Input{Name: "quay.txt", Data: []byte(quayHeadline + "\n\n" + quayStory + "\n")})
	if pasted.Err != nil || pasted.Status != Imported {
		t.Fatalf("pasted text: %v %v", pasted.Status, pasted.Err)
	}

	// A later run: the saved page, and another outlet's copy of it with a
	// line of its own, are the story already imported.
	im := newImporter(t, site, opts)
	syndicated := "Quay closed after storm\n\nBy Coastal Wire staff\n\n" + quayStory + "\n\nCoastal Wire contributed to this report.\n"
	outs := im.ImportAll(t.Context(), []Input{
		{Name: "quay.html", Data: quayPage(quayStory)},
		{Name: "wire.txt", Data: []byte(syndicated)},
		{Name: "strike.txt", Data: []byte(quayHeadline + "\n\n" + otherQuayStory + "\n")},
	}, nil)
	for i, name := range []string{"saved page", "syndicated copy"} {
		if o := outs[i]; o.Err != nil || o.Status != Unchanged || o.File != pasted.File || !strings.Contains(o.Match, "nearly the same text") {
			t.Errorf("%s: %v %q, matched %q (%v); want unchanged %q, matched by its text", name, o.Status, o.File, o.Match, o.Err, pasted.File)
		}
	}
	// A different story under the same headline is a story of its own.
	if o := outs[2]; o.Err != nil || o.Status != Imported || o.File == pasted.File {
		t.Errorf("different story, same headline: %v %q (%v); want a file of its own", o.Status, o.File, o.Err)
	}
}

func TestDatePerFile(t *testing.T) {
	site := t.TempDir()
	im := newImporter(t, site, Options{Date: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)})
	outs := im.ImportAll(t.Context(), []Input{
		{Name: "clips/2021-11-10-quay.txt", Data: []byte(quayHeadline + "\n\n" + quayStory + "\n")},
		{Name: "clips/strike.txt", Data: []byte("Harbour pilots strike\n\n" + otherQuayStory + "\n")},
	}, nil)
	for i, want := range []string{"content/articles/2021/", "content/articles/2024/"} {
		if o := outs[i]; o.Err != nil || !strings.HasPrefix(o.File, want) {
			t.Errorf("%s: %q (%v), want a file under %s", o.Input, o.File, o.Err, want)
		}
	}
	if a := parse(t, site, outs[0].File); a.Date.Format("2006-01-02") != "2021-11-10" {
		t.Errorf("date = %v, want the file name's 2021-11-10 over --date", a.Date)
	}
}

func TestCorrectedDateMovesTheFile(t *testing.T) {
	site := t.TempDir()
	in := Input{Name: "quay.txt", Data: []byte(quayHeadline + "\n\n" + quayStory + "\n")}
	first := newImporter(t, site, Options{Date: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}).Import(in)
	if first.Err != nil || !strings.HasPrefix(first.File, "content/articles/2019/") {
		t.Fatalf("first import: %q %v", first.File, first.Err)
	}
	// The user edits the summary, then imports again with the right day.
	path := site + "/" + first.File
	data, _ := os.ReadFile(path)
	edited := regexp.MustCompile(`(?m)^summary: .*$`).ReplaceAll(data, []byte(`summary: "My own summary."`))
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	again := newImporter(t, site, Options{Date: time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)}).Import(in)
	if again.Err != nil || again.Status != Updated || again.File != "content/articles/2021/"+filepath.Base(first.File) {
		t.Fatalf("re-import with a new date: %v %q %v; want updated, moved to 2021", again.Status, again.File, again.Err)
	}
	a := parse(t, site, again.File)
	if a.Date.Format("2006-01-02") != "2021-11-10" || a.Summary != "My own summary." {
		t.Errorf("date %v, summary %q; want the new date and the user's summary", a.Date, a.Summary)
	}
	if _, err := os.Stat(path); err == nil {
		t.Errorf("%s is still there", first.File)
	}

	// The user corrects the date by hand; the next import files it anew.
	data, _ = os.ReadFile(site + "/" + again.File)
	if err := os.WriteFile(site+"/"+again.File, bytes.Replace(data, []byte("date: 2021-11-10"), []byte("date: 2020-05-06"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	moves, err := newImporter(t, site, Options{}).Relocate()
	want := "content/articles/2020/" + filepath.Base(first.File)
	if err != nil || len(moves) != 1 || moves[0].To != want {
		t.Fatalf("Relocate = %v, %v; want one move to %s", moves, err, want)
	}
	if a := parse(t, site, want); a.Summary != "My own summary." {
		t.Errorf("summary %q after the move", a.Summary)
	}
}
