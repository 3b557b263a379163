package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// RSS 2.0, with the Atom self link feed validators ask for.
type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string   `xml:"title"`
	Link          string   `xml:"link"`
	Description   string   `xml:"description"`
	Language      string   `xml:"language,omitempty"`
	LastBuildDate string   `xml:"lastBuildDate,omitempty"`
	Self          atomLink `xml:"atom:link"`
	Items         []item   `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type item struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        guid     `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Description string   `xml:"description"`
	Categories  []string `xml:"category"`
}

type guid struct {
	Value     string `xml:",chardata"`
	Permalink bool   `xml:"isPermaLink,attr"`
}

func rssDate(t time.Time) string { return t.Format(time.RFC1123Z) }

// rss returns a job writing p's feed, as Hugo puts one beside every list page.
func (r *Renderer) rss(p *Page, items func() []item) job {
	return job{path: p.Feed, make: func(buf *bytes.Buffer, _ templateSet) error {
		cfg := &r.cfg
		title := cfg.Title
		if p.Kind != "home" {
			title = p.Title + " · " + cfg.Title
		}
		doc := rssDoc{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: rssChannel{
			Title:       title,
			Link:        cfg.AbsURL(p.Path),
			Description: p.Description,
			Language:    cfg.Language,
			Self:        atomLink{Href: cfg.AbsURL(p.Feed), Rel: "self", Type: "application/rss+xml"},
			Items:       items(),
		}}
		if !p.Date.IsZero() {
			doc.Channel.LastBuildDate = rssDate(p.Date)
		}
		writeRSS(buf, &doc)
		return nil
	}}
}

// entryItems are the newest articles, up to the feed limit.
func (r *Renderer) entryItems(entries []*generator.Entry) []item {
	entries = entries[:min(len(entries), r.cfg.FeedLimit)]
	items := make([]item, len(entries))
	for i, e := range entries {
		link := r.cfg.AbsURL(e.Path())
		items[i] = item{Title: e.Title, Link: link, GUID: guid{link, true}, PubDate: rssDate(e.Date), Description: e.Summary, Categories: feedTerms(e)}
	}
	return items
}

// issueItems are the newest weekly issues.
func (r *Renderer) issueItems(issues []*generator.Issue) []item {
	issues = issues[:min(len(issues), r.cfg.FeedLimit)]
	items := make([]item, len(issues))
	for i, is := range issues {
		link := r.cfg.AbsURL(is.Path())
		var titles []string
		for _, e := range is.Entries {
			titles = append(titles, e.Title)
		}
		title := is.Title
		if is.Headline != is.Title {
			title += ": " + is.Headline
		}
		items[i] = item{Title: title, Link: link, GUID: guid{link, true}, PubDate: rssDate(is.Entries[0].Date),
			Description: issueDescription(is) + ": " + strings.Join(titles, "; ")}
	}
	return items
}

// termItems are the terms with the newest articles, as Hugo's taxonomy
// feeds list terms rather than articles.
func (r *Renderer) termItems(terms []*generator.Term) []item {
	byDate := make([]*generator.Term, len(terms))
	copy(byDate, terms)
	sortTermsByNewest(byDate)
	byDate = byDate[:min(len(byDate), r.cfg.FeedLimit)]
	items := make([]item, len(byDate))
	for i, t := range byDate {
		link := r.cfg.AbsURL(t.Path())
		items[i] = item{Title: t.Name, Link: link, GUID: guid{link, true}, PubDate: rssDate(t.Entries[0].Date), Description: termDescription(t)}
	}
	return items
}

// maxFeedTerms is how many of an article's names its feed items carry as
// categories or tags. Every term's feed holds the article's item, so
// listing all its names made one article naming n people cost n² in
// output and time (5,000 names, 50 s); feed readers show a handful.
const maxFeedTerms = 32

// feedTerms is allTerms cut to maxFeedTerms, for feed items.
func feedTerms(e *generator.Entry) []string {
	var out []string
	for _, ts := range e.Terms {
		for _, t := range ts {
			if len(out) == maxFeedTerms {
				return out
			}
			out = append(out, t.Name)
		}
	}
	return out
}

// allTerms lists every name an entry gives, for the search index.
func allTerms(e *generator.Entry) []string {
	var out []string
	for _, ts := range e.Terms {
		for _, t := range ts {
			out = append(out, t.Name)
		}
	}
	return out
}

// JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Description string     `json:"description,omitempty"`
	Language    string     `json:"language,omitempty"`
	Authors     []author   `json:"authors,omitempty"`
	Items       []jsonItem `json:"items"`
}

type author struct {
	Name string `json:"name"`
}

type jsonItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	ExternalURL   string   `json:"external_url,omitempty"`
	Title         string   `json:"title"`
	ContentHTML   string   `json:"content_html"`
	Summary       string   `json:"summary,omitempty"`
	DatePublished string   `json:"date_published"`
	Tags          []string `json:"tags,omitempty"`
}

func (r *Renderer) jsonFeed(s *generator.Site) job {
	const path = "feed.json"
	// Its items carry the newest articles' bodies, so a body edit changes it.
	return job{path: path, bodies: r.cfg.FeedLimit, make: func(buf *bytes.Buffer, _ templateSet) error {
		cfg := &r.cfg
		f := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: cfg.Title, HomePageURL: cfg.AbsURL(""),
			FeedURL: cfg.AbsURL(path), Description: cfg.Description, Language: cfg.Language, Items: []jsonItem{}}
		if cfg.Author != "" {
			f.Authors = []author{{cfg.Author}}
		}
		newest := s.Entries[:min(len(s.Entries), cfg.FeedLimit)]
		for _, e := range newest {
			body, err := r.feedBodies.body(r, e)
			if err != nil {
				return err
			}
			link := cfg.AbsURL(e.Path())
			f.Items = append(f.Items, jsonItem{ID: link, URL: link, ExternalURL: e.URL, Title: e.Title, ContentHTML: string(body),
				Summary: e.Summary, DatePublished: e.Date.Format(time.RFC3339), Tags: feedTerms(e)})
		}
		r.feedBodies.keepOnly(newest)
		enc := json.NewEncoder(buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(f); err != nil {
			return fmt.Errorf("encoding %s: %w", path, err)
		}
		return nil
	}}
}

// feedBodies keeps the HTML of the bodies the JSON feed carries. Serve
// writes the feed again on every save that moves an article, and read
// from disk and rendered again each time, its twenty bodies were most of
// the feed's cost. An article is read into a new Article whenever its
// file changes, so the Article stands for its body.
type feedBodies struct {
	mu sync.Mutex
	by map[*generator.Article]template.HTML
}

// body returns e's body as HTML, rendered once for each version of e.
func (f *feedBodies) body(r *Renderer, e *generator.Entry) (template.HTML, error) {
	f.mu.Lock()
	html, ok := f.by[e.Article]
	f.mu.Unlock()
	if ok {
		return html, nil
	}
	// markdown's HTML is a string of its own; the body may be reused.
	err := e.WithBody(func(source []byte) (err error) {
		html, err = r.markdown(e, source)
		return err
	})
	if err != nil {
		return "", err
	}
	f.mu.Lock()
	if f.by == nil {
		f.by = map[*generator.Article]template.HTML{}
	}
	f.by[e.Article] = html
	f.mu.Unlock()
	return html, nil
}

// keepOnly forgets the bodies of all but entries, the feed's articles.
func (f *feedBodies) keepOnly(entries []*generator.Entry) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.by) <= len(entries) {
		return
	}
	kept := make(map[*generator.Article]template.HTML, len(entries))
	for _, e := range entries {
		if html, ok := f.by[e.Article]; ok {
			kept[e.Article] = html
		}
	}
	f.by = kept
}
