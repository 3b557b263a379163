package ingest

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSeedArticle(t *testing.T) {
	raw := testdata(t, "seed-article.txt")
	d := parseFile(t, "seed-article.txt", raw)

	if want := "Iran, Russia stress cooperation to achieve regional security"; d.Title != want {
		t.Errorf("Title = %q, want %q", d.Title, want)
	}
	if want := []string{"Iran", "Middle East", "World News"}; !slices.Equal(d.Sections, want) {
		t.Errorf("Sections = %q, want %q", d.Sections, want)
	}
	if d.Kind != KindText || d.Encoding != "UTF-8" || len(d.Warnings) != 0 {
		t.Errorf("Kind, Encoding, Warnings = %q, %q, %q; want text, UTF-8, none", d.Kind, d.Encoding, d.Warnings)
	}
	if !d.Date.IsZero() || d.DateFrom != "" {
		t.Errorf("Date = %v from %q; the seed gives no date", d.Date, d.DateFrom)
	}
	// The article's paragraphs are lines 5 to 14 of the copy, each kept
	// exactly, typographic quotes and all; only no-break spaces become
	// plain ones.
	lines := strings.Split(strings.ReplaceAll(string(raw), "\u00a0", " "), "\n")
	var want []string
	for _, line := range lines[4:] {
		if line != "" && line != "Back to top button" {
			want = append(want, line)
		}
	}
	got := paragraphs(d.Body)
	if len(got) != 10 || !slices.Equal(got, want) {
		t.Errorf("body has %d paragraphs, want the seed's 10:\n%s", len(got), d.Body)
	}
	assertAbsent(t, d.Body, "Back to top", "IranMiddle", d.Title)
	if !strings.HasSuffix(d.Body, ".”\n") {
		t.Errorf("body does not end with the last paragraph and one newline: %q", d.Body[len(d.Body)-20:])
	}
}

func TestBreadcrumbs(t *testing.T) {
	const rest = "\n\nTalks on the Caspian end without a deal\n\nThe five littoral states ended two days of talks in Ashgabat on Tuesday without agreeing on a new fishing quota.\n"
	for _, tc := range []struct {
		name, first string
		sections    []string
		title       string
	}{
		{"angle brackets", "Home > World > Asia", []string{"World", "Asia"}, ""},
		{"slashes", "Home / World", []string{"World"}, ""},
		{"guillemets", "Home » World » Middle East", []string{"World", "Middle East"}, ""},
		{"single guillemets", "News › Politics", []string{"News", "Politics"}, ""},
		{"run together", "IranMiddle EastWorld News", []string{"Iran", "Middle East", "World News"}, ""},
		{"run together after an acronym", "Gulf StatesUAE", []string{"Gulf States", "UAE"}, ""},
		{"Arabic trail", "الرئيسية > أخبار > العالم", []string{"الرئيسية", "أخبار", "العالم"}, ""},
		{"a trail, then a date, then the headline", "Home > World > Asia\n\n10 Nov 2021", []string{"World", "Asia"}, ""},
		{"a headline is not a trail", "Iran and Russia meet in Delhi", nil, "Iran and Russia meet in Delhi"},
		{"a name with an inner capital is not a trail", "McCain Warns Tehran", nil, "McCain Warns Tehran"},
		{"a sentence is not a trail", "Home, he said, is Tehran.", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parseFile(t, "crumbs.txt", []byte(tc.first+rest))
			if !slices.Equal(d.Sections, tc.sections) {
				t.Errorf("Sections = %q, want %q", d.Sections, tc.sections)
			}
			title := tc.title
			if title == "" && tc.sections != nil {
				title = "Talks on the Caspian end without a deal"
			}
			if d.Title != title {
				t.Errorf("Title = %q, want %q", d.Title, title)
			}
			if tc.sections != nil {
				assertAbsent(t, d.Body, tc.first, "Talks on the Caspian")
			}
		})
	}
}

func TestPageFurnitureIsDropped(t *testing.T) {
	text := `Skip to content
Menu
We use cookies to improve your experience. By using this site you agree to our cookie policy.
Home » World » Middle East

Oman brokers prisoner exchange between Tehran and Washington

By Leila Farahani | November 10, 2021 - 11:30
Share
Tweet

Five detained dual nationals flew from Tehran to Muscat on Monday under a deal brokered by Oman, officials in both capitals said.

ADVERTISEMENT

The exchange followed months of indirect talks in which Omani diplomats carried messages between the two sides.

READ MORE: Oman's quiet diplomacy in the Gulf

Analysts said the deal could ease the way for a wider negotiation on the nuclear file.

Share this:
Facebook Twitter WhatsApp Email
Subscribe to our newsletter
Related Articles
Oman hosts Gulf foreign ministers
Muscat port expansion opens
Follow us on Telegram
© 2021 Caspian Herald. All rights reserved.
Back to top button
`
	d := parseFile(t, "exchange.txt", []byte(text))
	if want := "Oman brokers prisoner exchange between Tehran and Washington"; d.Title != want {
		t.Errorf("Title = %q, want %q", d.Title, want)
	}
	if want := []string{"World", "Middle East"}; !slices.Equal(d.Sections, want) {
		t.Errorf("Sections = %q, want %q", d.Sections, want)
	}
	if want := time.Date(2021, 11, 10, 11, 30, 0, 0, time.UTC); !d.Date.Equal(want) || d.DateFrom != DateFromDateline {
		t.Errorf("Date = %v from %q, want %v from the dateline", d.Date, d.DateFrom, want)
	}
	want := []string{
		"Five detained dual nationals flew from Tehran to Muscat on Monday under a deal brokered by Oman, officials in both capitals said.",
		"The exchange followed months of indirect talks in which Omani diplomats carried messages between the two sides.",
		"Analysts said the deal could ease the way for a wider negotiation on the nuclear file.",
	}
	if got := paragraphs(d.Body); !slices.Equal(got, want) {
		t.Errorf("body paragraphs =\n%q\nwant\n%q", got, want)
	}
}

func TestBylineDates(t *testing.T) {
	tehran := time.FixedZone("", 3*3600+1800)
	for _, tc := range []struct {
		line string
		want time.Time
	}{
		{"November 10, 2021 - 11:30", time.Date(2021, 11, 10, 11, 30, 0, 0, time.UTC)},
		{"10 Nov 2021", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
		{"2021-11-10", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
		{"Published: 10 November 2021", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
		{"By Ali Reza, November 10, 2021", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
		{"Updated 2021-11-10T08:30:00+03:30", time.Date(2021, 11, 10, 8, 30, 0, 0, tehran)},
		{"Wednesday 10 November 2021 at 9.15pm GMT", time.Date(2021, 11, 10, 21, 15, 0, 0, time.UTC)},
		{"Reporter: Sara Karimi • 4 min read • Nov. 10, 2021", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(tc.line, func(t *testing.T) {
			text := "Oman brokers prisoner exchange\n\n" + tc.line + "\n\nFive detained dual nationals flew from Tehran to Muscat on Monday.\n"
			d := parseFile(t, "byline.txt", []byte(text))
			if !d.Date.Equal(tc.want) || d.Date.Format("-07:00") != tc.want.Format("-07:00") || d.DateFrom != DateFromDateline {
				t.Errorf("Date = %v from %q, want %v from the dateline", d.Date, d.DateFrom, tc.want)
			}
			if d.Body != "Five detained dual nationals flew from Tehran to Muscat on Monday.\n" {
				t.Errorf("Body = %q; the byline line should be gone", d.Body)
			}
		})
	}
}

func TestHardWrappedText(t *testing.T) {
	text := `Gulf states weigh joint air defence network

Defence ministers of the six Gulf Cooperation Council states met in
Riyadh on Sunday to discuss linking their air defence radars into a
single early-warning network, according to a statement released after
the meeting.

The statement listed three priorities:

- a shared picture of the airspace over the Gulf, fed by national
  radars and by allied ships;
- common procedures for intercepting drones;
* joint exercises every year.

1. The first phase would link Saudi and Emirati radars.
2. The second would add Bahrain, Kuwait, Oman and Qatar.

> We cannot defend ourselves alone against threats that cross borders
> in minutes, one minister told reporters after the session.

"Integration is no longer a choice."

Officials did not say when the network would be ready or how much it
would cost, and Qatar's delegate left before the statement was read.
`
	d := parseFile(t, "wrapped.txt", []byte(text))
	want := "Defence ministers of the six Gulf Cooperation Council states met in Riyadh on Sunday to discuss linking their air defence radars into a single early-warning network, according to a statement released after the meeting.\n\n" +
		"The statement listed three priorities:\n\n" +
		"- a shared picture of the airspace over the Gulf, fed by national radars and by allied ships;\n" +
		"- common procedures for intercepting drones;\n" +
		"- joint exercises every year.\n\n" +
		"1. The first phase would link Saudi and Emirati radars.\n" +
		"2. The second would add Bahrain, Kuwait, Oman and Qatar.\n\n" +
		"> We cannot defend ourselves alone against threats that cross borders in minutes, one minister told reporters after the session.\n\n" +
		"> \"Integration is no longer a choice.\"\n\n" +
		"Officials did not say when the network would be ready or how much it would cost, and Qatar's delegate left before the statement was read.\n"
	if d.Body != want {
		t.Errorf("Body =\n%s\nwant\n%s", d.Body, want)
	}
	html := rendered(t, d.Body)
	for _, tag := range []string{"<ul>", "<ol>", "<blockquote>"} {
		if !strings.Contains(html, tag) {
			t.Errorf("rendered body has no %s:\n%s", tag, html)
		}
	}
}

func TestUnwrappedLinesStayParagraphs(t *testing.T) {
	// Text copied from a browser has a paragraph a line, and sometimes no
	// blank line between paragraphs.
	text := "Kuwait names new cabinet\n" +
		"Kuwait's emir approved a new cabinet on Sunday, keeping the foreign, defence and interior ministers in their posts after weeks of wrangling with parliament over the budget.\n" +
		"The new oil minister, a former chief executive of the state oil company, is expected to push ahead with plans to raise production capacity to four million barrels a day by 2025.\n"
	d := parseFile(t, "kuwait.txt", []byte(text))
	if got := paragraphs(d.Body); len(got) != 2 {
		t.Errorf("body has %d paragraphs, want 2:\n%s", len(got), d.Body)
	}
}

func TestTextRendersAsItRead(t *testing.T) {
	for _, tc := range []struct{ line, markdown string }{
		{"1996. That was the year the treaty was signed.", `1996\. That was the year the treaty was signed.`},
		{"#IStandWithAhmed trended across the region.", `\#IStandWithAhmed trended across the region.`},
		{"+ 5 per cent on the year, the ministry said.", `\+ 5 per cent on the year, the ministry said.`},
		{"-40 degrees is the record low, he said.", `-40 degrees is the record low, he said.`},
		{"*Correction: an earlier version misspelt the minister's name.*", `\*Correction: an earlier version misspelt the minister's name.\*`},
		{"The page showed <script> tags to anyone who looked.", `The page showed \<script> tags to anyone who looked.`},
		{"Telecoms group AT&amp;T is not involved, the filing says.", `Telecoms group AT\&amp;T is not involved, the filing says.`},
		{"[1]: the figure excludes contractors, the report says.", `\[1]: the figure excludes contractors, the report says.`},
		{"Files named like snake_case_names stay as they are.", `Files named like snake_case_names stay as they are.`},
		{"The word _classified_ was stamped on every page.", `The word \_classified\_ was stamped on every page.`},
		{"See [the annex](page 4) for the full list of names.", `See [the annex\](page 4) for the full list of names.`},
		{"The ~~draft~~ text was withdrawn on Monday.", `The \~\~draft\~\~ text was withdrawn on Monday.`},
		{"The path C:\\*.doc held the leaked files, police said.", `The path C:\\\*.doc held the leaked files, police said.`},
		{">50 people were hurt, the ministry said.", `\>50 people were hurt, the ministry said.`},
		{"`rm -rf` was typed into the console, the log shows.", "\\`rm -rf\\` was typed into the console, the log shows."},
	} {
		t.Run(tc.line, func(t *testing.T) {
			text := "Headline for the escaping test\n\n" + tc.line + "\n\nA closing paragraph follows the line under test.\n"
			d := parseFile(t, "escape.txt", []byte(text))
			got := paragraphs(d.Body)
			if len(got) != 2 || got[0] != tc.markdown {
				t.Fatalf("Body = %q, want %q first", d.Body, tc.markdown)
			}
			if seen := renderedText(t, got[0]); seen != tc.line {
				t.Errorf("renders as %q, want %q", seen, tc.line)
			}
		})
	}
}

func TestWholeQuotationBecomesBlockquote(t *testing.T) {
	text := "Minister vows response\n\nThe minister spoke after the cabinet meeting.\n\n“We will respond at a time and place of our choosing.”\n\n“We are ready,” he added, “whatever comes.”\n"
	d := parseFile(t, "quote.txt", []byte(text))
	want := []string{
		"The minister spoke after the cabinet meeting.",
		"> “We will respond at a time and place of our choosing.”",
		"“We are ready,” he added, “whatever comes.”",
	}
	if got := paragraphs(d.Body); !slices.Equal(got, want) {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}

func TestURLLineGivesURLAndDate(t *testing.T) {
	text := "Iraq reopens border crossing with Syria\n\nIraq reopened the al-Qaim crossing on Monday after a closure of several years, officials said.\n\nSource: https://news.example.com/world/2021/11/10/iraq-syria-crossing/\n"
	d := parseFile(t, "crossing.txt", []byte(text))
	if d.URL != "https://news.example.com/world/2021/11/10/iraq-syria-crossing/" {
		t.Errorf("URL = %q", d.URL)
	}
	if want := time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC); !d.Date.Equal(want) || d.DateFrom != DateFromURL {
		t.Errorf("Date = %v from %q, want %v from the URL", d.Date, d.DateFrom, want)
	}
	assertAbsent(t, d.Body, "https://", "Source:")
}

func TestTextWithoutHeadline(t *testing.T) {
	text := "The talks ended without agreement on Tuesday, a spokesman said.\n\nBoth sides will meet again next month.\n"
	d := parseFile(t, "noheadline.txt", []byte(text))
	if d.Title != "" || len(d.Warnings) != 1 {
		t.Errorf("Title = %q, Warnings = %q; want no title and a warning", d.Title, d.Warnings)
	}
	if got := paragraphs(d.Body); len(got) != 2 {
		t.Errorf("body lost a paragraph: %q", d.Body)
	}
}

func TestTextOfOnlyFurnitureIsRefused(t *testing.T) {
	e := parseError(t, "furniture.txt", []byte("Share\nTweet\nSubscribe to our newsletter\nBack to top button\n"))
	if !strings.Contains(e.Msg, "no article") {
		t.Errorf("error = %q, want it to say there is no article", e)
	}
}
