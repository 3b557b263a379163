package email_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefing-digest/briefing/generator/build"
)

// baseURL is the test site's address; every link in its email must start with it.
const baseURL = "https://news.example.org/brief/"

// siteFiles is a small site of two weeks. Its text has what mail
// encodings trip on: accents and dashes, "=" signs, a line-long summary,
// and markup characters that must arrive as text.
var siteFiles = map[string]string{
	"briefing.yaml": `title: "Straits & Steppe Weekly"
description: "Security news from the Bosphorus to the Pamirs"
base_url: "` + baseURL + `"
timezone: Europe/Istanbul
email:
  from: Straits Desk <desk@news.example.org>
  to: [readers@news.example.org]
`,
	"content/articles/ankara.md": `---
title: "Ankara and Baku sign a <b>gas</b> accord"
date: 2021-11-12T10:00:00+03:00
source: Anadolu
summary: "Türkiye and Azerbaijan agreed prices = what both wanted, with deliveries through Nakhchivan starting next spring, officials said on Friday after three days of talks."
countries: [Türkiye, Azerbaijan]
people: [İlham Əliyev]
---
Body text.
`,
	"content/articles/izmir.md": `---
title: "Izmir port reopens after storm"
date: 2021-11-10T08:00:00+03:00
source: Hürriyet
summary: "The port reopened on Wednesday."
countries: [Türkiye]
---
Body.
`,
	"content/articles/caspian.md": `---
title: "A quiet week on the Caspian"
date: 2021-11-09
summary: "Nothing of note — shipping as usual."
---
Body.
`,
	"content/articles/tashkent.md": `---
title: "Tashkent hosts a water summit"
date: 2021-11-03
source: Gazeta.uz
countries: [Uzbekistan]
people: [İlham Əliyev]
---
Body.
`,
}

// buildSite writes siteFiles (and extra, which may override them) into a
// folder, builds it with the real pipeline and returns the output folder.
func buildSite(t *testing.T, extra map[string]string) string {
	t.Helper()
	src := t.TempDir()
	write := func(files map[string]string) {
		for name, text := range files {
			path := filepath.Join(src, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	write(siteFiles)
	write(extra)
	out := filepath.Join(t.TempDir(), "public")
	// Week 45 holds the newest article, so it is still being written and
	// a build leaves its email out; the preview writes it, as serve does.
	if _, err := build.Build(context.Background(), build.Options{Source: src, Destination: out, Preview: true}); err != nil {
		t.Fatal(err)
	}
	return out
}

func readFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
