package importer

import (
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
