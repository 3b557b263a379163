package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// groupByEncodingJSON is the file of fragments as encoding/json writes
// it, HTML escaping off: what WriteGroup wrote before it wrote JSON
// itself, and must still write byte for byte, so that a site's search
// files are what they were.
func groupByEncodingJSON(t testing.TB, frags []Fragment) []byte {
	var buf bytes.Buffer
	buf.WriteByte('[')
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i, f := range frags {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(wire(f)); err != nil {
			t.Fatal(err)
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteString("]\n")
	return buf.Bytes()
}

// hostile are texts meant to catch an escape written differently from
// encoding/json's: markup, quotes and backslashes, every control
// character, invalid and cut UTF-8, the two line separators JavaScript
// minds, and letters outside the Basic Multilingual Plane.
var hostile = []string{
	"",
	"Talks <resume> & stall in \"Tehran\"",
	`back\slash and \u2028 written out`,
	"<script>alert('x')</script> javascript:void(0)",
	"line\nbreak\r\ttab\bbell\fform\x00nul\x01\x1f\x7f",
	"bad \xff byte, cut \xe2\x80 sequence, lone \xed\xa0\x80 surrogate",
	"separators \u2028 and \u2029, not \u2027 or \u202a",
	"Délégation 𝔸 à Genève — «citation» 東京 مرحبا",
	"\ufeffbyte-order mark and \u200bzero width",
}

func TestGroupWritesWhatEncodingJSONWrites(t *testing.T) {
	var frags []Fragment
	for i, s := range hostile {
		next := hostile[(i+1)%len(hostile)]
		frags = append(frags, Fragment{Title: s, URL: "/articles/" + next + "/", Date: "2024-01-02", Source: next, Summary: s, Body: next + " " + s})
		// A summary the body quotes is written as its place ("x").
		frags = append(frags, Fragment{Title: next, Summary: s, Body: "Before. " + s + " After."})
	}
	// A body long enough to be cut, with a separator near the cut.
	frags = append(frags, Fragment{Title: "long", Body: strings.Repeat("mot \u2028 délégation ", maxSnippetText/10)})
	var buf bytes.Buffer
	WriteGroup(&buf, frags)
	if want := groupByEncodingJSON(t, frags); !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteGroup wrote\n%s\nencoding/json writes\n%s", buf.Bytes(), want)
	}
	if !json.Valid(buf.Bytes()) {
		t.Errorf("a file of fragments is not JSON: %s", buf.Bytes())
	}
}

func FuzzGroupWritesWhatEncodingJSONWrites(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, s, "Before "+s)
	}
	f.Fuzz(func(t *testing.T, title, summary, body string) {
		frags := []Fragment{
			{Title: title, URL: "/a/", Date: "2024-01-02", Source: summary, Summary: summary, Body: body},
			{Title: body, Summary: summary, Body: title + summary + body},
		}
		var buf bytes.Buffer
		WriteGroup(&buf, frags)
		if want := groupByEncodingJSON(t, frags); !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("WriteGroup wrote\n%q\nencoding/json writes\n%q", buf.Bytes(), want)
		}
	})
}

// BenchmarkWriteGroup writes a file of eight fragments of article text.
func BenchmarkWriteGroup(b *testing.B) {
	body := strings.Repeat("Officials met in Tehran on Tuesday; talks \"resumed\" — délégation à Genève.\n", 60)
	frags := make([]Fragment, GroupSize)
	for i := range frags {
		frags[i] = Fragment{Title: "Talks resume in Tehran", URL: "/articles/talks-resume-in-tehran/", Date: "2024-01-02",
			Source: "Wire", Summary: "Officials met in Tehran on Tuesday.", Body: body}
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		WriteGroup(&buf, frags)
	}
}
