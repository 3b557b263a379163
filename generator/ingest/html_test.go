package ingest

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSavedPages(t *testing.T) {
	tehran := time.FixedZone("", 3*3600+1800)
	mecca := time.FixedZone("", 3*3600)
	for _, tc := range []struct {
		file       string
		title      string
		source     string
		url        string
		date       time.Time
		dateFrom   string
		sections   []string
		paragraphs int
		present    []string
		absent     []string
	}{
		{
			file:       "news-jsonld.html",
			title:      "Iran, Russia stress cooperation to achieve regional security",
			source:     "Caspian Herald",
			url:        "https://www.caspianherald.example/news/466880/iran-russia-stress-cooperation-to-achieve-regional-security",
			date:       time.Date(2021, 11, 10, 11, 30, 0, 0, tehran),
			dateFrom:   DateFromMetadata,
			sections:   []string{"Iran", "Middle East", "World News"},
			paragraphs: 10,
			present: []string{
				"Rear Admiral Ali Shamkhani, Iran’s Secretary",
				"“Regional cooperation is not just a matter of choice",
			},
			absent: []string{
				"cookies", "Skip to content", "Log in", "Economy", "Breaking", "Advertisement",
				"Related Articles", "Shamkhani arrives in New Delhi", "2 Comments", "Reader from Mashhad",
				"Leave a Reply", "Most Read", "newsletter", "Copyright", "Back to top", "Facebook",
				"Tags:", "googletag", "dataLayer",
			},
		},
		{
			file:       "og-only.html",
			title:      "North Korea puts military in 'quasi-state of war'",
			source:     "Peninsula Watch",
			url:        "https://peninsulawatch.example/2015/08/21/north-korea-quasi-state-of-war/",
			date:       time.Date(2015, 8, 21, 0, 0, 0, 0, time.UTC),
			dateFrom:   DateFromURL,
			paragraphs: 8,
			present: []string{
				"![Yeoncheon county, near the border](https://peninsulawatch.example/wp-content/uploads/2015/08/yeoncheon.jpg)",
				"[our earlier notes](https://peninsulawatch.example/tag/loudspeakers/)",
				"Both countries have put their militaries on high levels of alert.",
			},
			absent: []string{"Notes on security", "Menu", "Recent Posts", "Previous:", "Posted in", "powered by"},
		},
		{
			file:       "graph-jsonld.html",
			title:      "Hundreds dead in Hajj stampede",
			source:     "Hejaz Daily",
			url:        "https://hejazdaily.example/world/middle-east/2006/hundreds-dead-in-hajj-stampede",
			date:       time.Date(2006, 1, 12, 17, 40, 0, 0, mecca),
			dateFrom:   DateFromMetadata,
			sections:   []string{"World", "Middle East"},
			paragraphs: 5,
			present:    []string{"According to the Saudi Interior Ministry over 345 Muslim pilgrims"},
			absent:     []string{"cookies", "Accept all", "Search", "Business", "By Wikinews", "Share on Facebook", "Popular now", "Hotel collapse", "©"},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			d := parseFile(t, tc.file, testdata(t, "html/"+tc.file))
			if d.Kind != KindHTML {
				t.Errorf("Kind = %q, want html", d.Kind)
			}
			if d.Title != tc.title || d.Source != tc.source || d.URL != tc.url {
				t.Errorf("Title, Source, URL =\n%q, %q, %q\nwant\n%q, %q, %q", d.Title, d.Source, d.URL, tc.title, tc.source, tc.url)
			}
			if !d.Date.Equal(tc.date) || d.Date.Format("-07:00") != tc.date.Format("-07:00") || d.DateFrom != tc.dateFrom {
				t.Errorf("Date = %v from %q, want %v from %q", d.Date, d.DateFrom, tc.date, tc.dateFrom)
			}
			if !slices.Equal(d.Sections, tc.sections) {
				t.Errorf("Sections = %q, want %q", d.Sections, tc.sections)
			}
			if got := len(paragraphs(d.Body)); got != tc.paragraphs {
				t.Errorf("body has %d paragraphs, want %d:\n%s", got, tc.paragraphs, d.Body)
			}
			if len(d.Warnings) != 0 {
				t.Errorf("Warnings = %q", d.Warnings)
			}
			assertPresent(t, d.Body, tc.present...)
			assertAbsent(t, d.Body, append(tc.absent, tc.title)...)
		})
	}
}

func TestNothingThatRunsReachesTheMarkdown(t *testing.T) {
	d := parseFile(t, "hostile.html", testdata(t, "html/hostile.html"))
	if d.Title != "At least 107 killed in Mecca crane collapse" || d.Source != "Gulf Wire" {
		t.Errorf("Title, Source = %q, %q", d.Title, d.Source)
	}
	for _, tc := range []struct{ what, text string }{
		{"scripts", "trackPageView"},
		{"script-written text", "Injected by script"},
		{"script in svg", "alert('svg')"},
		{"javascript: links", "javascript"},
		{"javascript: image", "![broken]"},
		{"script calls", "alert"},
		{"event handlers", "track('p1')"},
		{"event handlers on links", "steal()"},
		{"iframes", "youtube"},
		{"iframes", "xyz123EVIL"},
		{"objects and embeds", "flash.swf"},
		{"forms", "morning briefing"},
		{"form buttons", "Sign me up"},
		{"styles", "color:red"},
		{"inline data", "data:image"},
		{"raw HTML", "<"},
		{"navigation", "More sections"},
		{"ads", "Advertisement"},
		{"asides", "Most read"},
		{"share buttons", "Tweet"},
		{"content recommendations", "weird trick"},
		{"the byline line", "Gulf Wire staff"},
	} {
		t.Run(tc.what, func(t *testing.T) {
			assertAbsent(t, d.Body, tc.text)
		})
	}
	t.Run("link text stays", func(t *testing.T) {
		assertPresent(t, d.Body, "The agency's full casualty report was not yet public, and a second link pointed nowhere.")
		assertPresent(t, d.Body, "[Hajj 2015 coverage](https://gulfwire.example/gulf/hajj-2015)")
	})
	t.Run("date from JSON-LD array", func(t *testing.T) {
		if want := time.Date(2015, 9, 12, 21, 5, 0, 0, time.FixedZone("", 3*3600)); !d.Date.Equal(want) {
			t.Errorf("Date = %v, want %v", d.Date, want)
		}
	})
}

func TestPagesWithoutArticle(t *testing.T) {
	for _, file := range []string{"login.html", "nav-only.html"} {
		t.Run(file, func(t *testing.T) {
			e := parseError(t, file, testdata(t, "html/"+file))
			if !strings.Contains(e.Msg, "no article") {
				t.Errorf("error = %q, want it to say there is no article", e)
			}
		})
	}
}

// page is a saved page with head and an article long enough to be one.
func page(head, beforeArticle string) []byte {
	return []byte(`<!DOCTYPE html><html><head>` + head + `</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>` + beforeArticle + `
<article><h1>Militia attack on convoy kills four near Basra</h1>
<p>Gunmen attacked a convoy of fuel tankers on the highway north of Basra on Tuesday night, killing four drivers and wounding three, local police said.</p>
<p>No group claimed the attack. The road carries most of the fuel trucked from the southern refineries to Baghdad, and has seen a string of similar ambushes since the summer.</p>
<p>See the <a href="/maps/basra-highway">map of the highway</a> and <img src="img/convoy.jpg" alt="the convoy">.</p>
</article></body></html>`)
}

func TestPageMetadata(t *testing.T) {
	for _, tc := range []struct {
		name, head, before string
		check              func(t *testing.T, d *Document)
	}{
		{"title suffix with the outlet from og:site_name",
			`<title>Militia attack on convoy kills four near Basra - Basra Times</title><meta property="og:site_name" content="Basra Times">`, "",
			func(t *testing.T, d *Document) {
				if d.Title != "Militia attack on convoy kills four near Basra" {
					t.Errorf("Title = %q", d.Title)
				}
			}},
		{"title suffix matching the host names the outlet",
			`<title>Militia attack on convoy kills four near Basra | Basra Times</title><link rel="canonical" href="https://www.basratimes.example/news/9">`, "",
			func(t *testing.T, d *Document) {
				if d.Title != "Militia attack on convoy kills four near Basra" || d.Source != "Basra Times" {
					t.Errorf("Title, Source = %q, %q", d.Title, d.Source)
				}
			}},
		{"title prefix with the outlet",
			`<title>Basra Times — Militia attack on convoy kills four near Basra</title><meta property="og:site_name" content="Basra Times">`, "",
			func(t *testing.T, d *Document) {
				if d.Title != "Militia attack on convoy kills four near Basra" {
					t.Errorf("Title = %q", d.Title)
				}
			}},
		{"a hyphen inside a headline stays",
			`<title>Iraq - Iran border talks resume</title>`, "",
			func(t *testing.T, d *Document) {
				if d.Title != "Iraq - Iran border talks resume" {
					t.Errorf("Title = %q", d.Title)
				}
			}},
		{"meta name=date",
			`<meta name="date" content="2021-11-10">`, "",
			func(t *testing.T, d *Document) {
				if !d.Date.Equal(time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)) || d.DateFrom != DateFromMetadata {
					t.Errorf("Date = %v from %q", d.Date, d.DateFrom)
				}
			}},
		{"meta name=pubdate",
			`<meta name="pubdate" content="Wed, 10 Nov 2021 08:30:00 +0000">`, "",
			func(t *testing.T, d *Document) {
				if !d.Date.Equal(time.Date(2021, 11, 10, 8, 30, 0, 0, time.UTC)) {
					t.Errorf("Date = %v", d.Date)
				}
			}},
		{"time datetime",
			``, `<p class="dateline"><time datetime="2021-11-10T08:30:00-05:00">Nov 10</time></p>`,
			func(t *testing.T, d *Document) {
				if want := time.Date(2021, 11, 10, 8, 30, 0, 0, time.FixedZone("", -5*3600)); !d.Date.Equal(want) || d.Date.Format("-07:00") != "-05:00" {
					t.Errorf("Date = %v, want %v", d.Date, want)
				}
			}},
		{"JSON-LD beats og tags",
			`<meta property="og:title" content="Convoy attack"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Militia attack on convoy kills four","datePublished":"2021-11-09T22:00:00+03:00"}</script><meta property="article:published_time" content="2021-11-10T06:00:00+03:00">`, "",
			func(t *testing.T, d *Document) {
				if d.Title != "Convoy attack" {
					t.Errorf("Title = %q, want og:title first", d.Title)
				}
				if d.Date.Day() != 9 {
					t.Errorf("Date = %v, want JSON-LD's datePublished", d.Date)
				}
			}},
		{"JSON-LD with raw line breaks in a string",
			"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Militia attack\non convoy\",\"publisher\":{\"name\":\"Basra Times\"}}</script>", "",
			func(t *testing.T, d *Document) {
				if d.Source != "Basra Times" || len(d.Warnings) != 0 {
					t.Errorf("Source = %q, Warnings = %q", d.Source, d.Warnings)
				}
			}},
		{"broken JSON-LD is a warning",
			`<title>Militia attack</title><script type="application/ld+json">{"@type":"NewsArticle", headline: oops}</script>`, "",
			func(t *testing.T, d *Document) {
				if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "JSON-LD") {
					t.Errorf("Warnings = %q", d.Warnings)
				}
			}},
		{"unreadable date is a warning",
			`<meta property="article:published_time" content="last Tuesday">`, "",
			func(t *testing.T, d *Document) {
				if !d.Date.IsZero() || len(d.Warnings) != 1 {
					t.Errorf("Date = %v, Warnings = %q", d.Date, d.Warnings)
				}
			}},
		{"breadcrumb navigation",
			``, `<nav aria-label="Breadcrumb"><ul><li><a href="/">Home</a></li><li>›</li><li><a href="/world">World</a></li><li><a href="/world/iraq">Iraq</a></li></ul></nav>`,
			func(t *testing.T, d *Document) {
				if want := []string{"World", "Iraq"}; !slices.Equal(d.Sections, want) {
					t.Errorf("Sections = %q, want %q", d.Sections, want)
				}
			}},
		{"a trail ending in a section the title starts with",
			`<script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[{"position":1,"name":"World"},{"position":2,"name":"Militia"}]}</script>`, "",
			func(t *testing.T, d *Document) {
				if want := []string{"World", "Militia"}; !slices.Equal(d.Sections, want) {
					t.Errorf("Sections = %q, want %q", d.Sections, want)
				}
			}},
		{"a trail ending in the article, cut short",
			`<script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[{"position":1,"name":"World"},{"position":2,"name":"Militia attack on convoy kills…"}]}</script>`, "",
			func(t *testing.T, d *Document) {
				if want := []string{"World"}; !slices.Equal(d.Sections, want) {
					t.Errorf("Sections = %q, want %q", d.Sections, want)
				}
			}},
		{"og:title that is only the outlet's name",
			`<meta property="og:title" content="Basra Times"><meta property="og:site_name" content="Basra Times"><title>Militia attack on convoy kills four near Basra | Basra Times</title>`, "",
			func(t *testing.T, d *Document) {
				if d.Title != "Militia attack on convoy kills four near Basra" {
					t.Errorf("Title = %q", d.Title)
				}
			}},
		{"article:section when there is no trail",
			`<meta property="article:section" content="Iraq">`, "",
			func(t *testing.T, d *Document) {
				if want := []string{"Iraq"}; !slices.Equal(d.Sections, want) {
					t.Errorf("Sections = %q, want %q", d.Sections, want)
				}
			}},
		{"relative links resolve against the canonical URL",
			`<link rel="canonical" href="https://basratimes.example/news/2021/attack.html">`, "",
			func(t *testing.T, d *Document) {
				assertPresent(t, d.Body, "(https://basratimes.example/maps/basra-highway)", "(https://basratimes.example/news/2021/img/convoy.jpg)")
			}},
		{"without a URL links stay relative",
			``, "",
			func(t *testing.T, d *Document) {
				if d.URL != "" {
					t.Errorf("URL = %q", d.URL)
				}
				assertPresent(t, d.Body, "(/maps/basra-highway)")
			}},
		{"a saved page's comment gives the URL and the URL the date",
			``, "",
			func(t *testing.T, d *Document) {
				if d.URL != "https://basratimes.example/2021/11/10/attack/" || d.DateFrom != DateFromURL || d.Date.Day() != 10 {
					t.Errorf("URL = %q, Date = %v from %q", d.URL, d.Date, d.DateFrom)
				}
			}},
		{"a byline date in the article",
			``, "",
			func(t *testing.T, d *Document) {
				if want := time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC); !d.Date.Equal(want) || d.DateFrom != DateFromDateline {
					t.Errorf("Date = %v from %q, want %v from the dateline", d.Date, d.DateFrom, want)
				}
				assertAbsent(t, d.Body, "Staff reporter")
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := page(tc.head, tc.before)
			switch tc.name {
			case "a saved page's comment gives the URL and the URL the date":
				data = append([]byte("<!-- saved from url=(0046)https://basratimes.example/2021/11/10/attack/ -->\n"), data...)
			case "a byline date in the article":
				data = []byte(strings.Replace(string(data), "<p>Gunmen", "<p>Staff reporter | 10 November 2021</p><p>Gunmen", 1))
			}
			tc.check(t, parseFile(t, "page.html", data))
		})
	}
}
