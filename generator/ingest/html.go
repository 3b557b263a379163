package ingest

import (
	"cmp"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"github.com/briefing-digest/briefing/generator"
	"golang.org/x/net/html"
)

// minArticleText is the least text, in characters, a page must have in
// its article to be one; a navigation or login page has less.
const minArticleText = 200

// dateKeys are the <meta> properties that give a publication date, the
// most specific first.
var dateKeys = []string{
	"article:published_time", "og:article:published_time", "datepublished",
	"og:published_time", "published_time", "pubdate", "publishdate", "publish-date",
	"publish_date", "date", "dc.date.issued", "dc.date", "dcterms.issued",
	"dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
}

// parseHTML reads a saved page: its metadata from the markup, its article
// by readability, converted to Markdown.
func parseHTML(name string, d *Document, text string) error {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return generator.Errorf(name, 0, 0, "cannot parse HTML: %w", err)
	}
	meta := readPageMeta(doc)
	ld, warnings := readJSONLD(meta.jsonLD)
	d.Warnings = append(d.Warnings, warnings...)

	d.URL = canonicalURL(meta, ld)
	host := hostOf(d.URL)
	d.Source = cmp.Or(meta.props["og:site_name"], ld.publisher, meta.props["application-name"])
	for _, title := range []string{meta.props["og:title"], ld.headline, meta.title, meta.h1} {
		headline, outlet := cleanTitle(title, d.Source, host)
		// A page that is not an article may give the outlet's name for
		// its title; an article's title is its own.
		if headline != "" && !isOutlet(headline, d.Source, host) {
			d.Title = headline
			d.Source = cmp.Or(d.Source, outlet)
			break
		}
	}
	if d.Title == "" {
		d.warnf("no title: the page has no og:title, headline, <title> or <h1>")
	}
	d.Authors = pageAuthors(meta, ld)
	readPageDate(d, meta, ld)
	// The slow scan of the whole page, for a page whose metadata gives no
	// date, runs before readability changes doc; a date line atop the
	// article or the URL is still preferred to it.
	var scanned time.Time
	if _, inURL := dateFromURL(d.URL); d.Date.IsZero() && !inURL {
		scanned, _ = scanPageDate(doc, d.URL)
	}
	d.Sections = pageSections(meta, ld, d.Title, d.Source)

	d.Body, err = articleMarkdown(name, doc, d.URL)
	if err != nil {
		return err
	}
	d.Body = tidyArticle(d, dropRepeatedTitle(d.Body, d.Title))
	if d.Date.IsZero() && !scanned.IsZero() {
		d.setDate(scanned, DateFromPage)
	}
	return nil
}

// canonicalURL is the page's own address: <link rel=canonical>, og:url,
// the JSON-LD's, or where the browser saved it from. A relative one is
// resolved against the first absolute one.
func canonicalURL(meta *pageMeta, ld ldFacts) string {
	candidates := []string{meta.canonical, meta.props["og:url"], ld.url, meta.savedFrom}
	var base *url.URL
	for _, c := range candidates {
		if u, err := url.Parse(c); err == nil && u.IsAbs() && u.Host != "" {
			base = u
			break
		}
	}
	for _, c := range candidates {
		u, err := url.Parse(strings.TrimSpace(c))
		if c == "" || err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			u.Fragment = ""
			return u.String()
		}
	}
	return ""
}

// readPageDate takes the first publication date the page gives that can
// be read, JSON-LD first.
func readPageDate(d *Document, meta *pageMeta, ld ldFacts) {
	candidates := []string{ld.published}
	for _, key := range dateKeys {
		candidates = append(candidates, meta.props[key])
	}
	candidates = append(candidates, meta.times...)
	var unread []string
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if t, ok := parseDate(c); ok {
			d.setDate(t, DateFromMetadata)
			return
		}
		unread = append(unread, c)
	}
	for _, c := range append(unread, siteDateCandidates(meta.props)...) {
		if t, ok := parseDate(c); ok {
			d.setDate(t, DateFromMetadata)
			return
		}
		if t, ok := looseDate(c); ok {
			d.setDate(t, DateFromMetadata)
			return
		}
	}
	for _, c := range unread {
		d.warnf("cannot read the page's date %q", c)
	}
}

// pageSections are the page's breadcrumbs without the home page, the
// outlet, or the article itself at the end of the trail; or, lacking a
// trail, the section the article is filed under.
func pageSections(meta *pageMeta, ld ldFacts, title, source string) []string {
	crumbs := ld.crumbs
	if len(crumbs) == 0 {
		crumbs = meta.crumbs
	}
	var sections []string
	for i, c := range crumbs {
		key := lineKey(c)
		switch {
		case key == "home" || key == "homepage" || key == "main":
		case i == 0 && source != "" && squash(c) == squash(source):
		case i == len(crumbs)-1 && isTitleCrumb(c, title):
		default:
			sections = append(sections, strings.Join(strings.Fields(c), " "))
		}
	}
	if len(sections) == 0 {
		if s := cmp.Or(ld.section, meta.props["article:section"]); s != "" {
			sections = []string{s}
		}
	}
	return sections
}

// isTitleCrumb reports whether crumb, the last of a trail, names the
// article itself: the title, or the start of it cut short.
func isTitleCrumb(crumb, title string) bool {
	key, titleKey := lineKey(strings.TrimRight(crumb, ".…")), lineKey(title)
	return key != "" && strings.HasPrefix(titleKey, key) && len(key)*2 >= len(titleKey)
}

// markdownConverter is shared: a converter is safe for concurrent use
// once its plugins are registered.
var markdownConverter = sync.OnceValue(func() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		table.NewTablePlugin(),
	))
})

// articleMarkdown finds the article in doc and writes it as Markdown, its
// relative links made absolute against pageURL when there is one.
func articleMarkdown(name string, doc *html.Node, pageURL string) (string, error) {
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	node, err := findArticle(name, doc, base)
	if err != nil {
		return "", err
	}
	md, err := markdownConverter().ConvertNode(node, converter.WithDomain(pageURL))
	if err != nil {
		return "", generator.Errorf(name, 0, 0, "cannot convert the article to Markdown: %w", err)
	}
	return tidyMarkdown(string(md)), nil
}

// textLengths counts the characters of text under n, white space
// collapsed, and how many of them are inside links.
func textLengths(n *html.Node) (chars, linked int) {
	if n.Type == html.TextNode {
		return utf8.RuneCountInString(strings.Join(strings.Fields(n.Data), " ")), 0
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		all, inLinks := textLengths(c)
		chars += all
		if c.Type == html.ElementNode && c.Data == "a" {
			inLinks = all
		}
		linked += inLinks
	}
	return chars, linked
}

// dropRepeatedTitle drops a heading that opens the body and repeats the
// title, which the page shows anyway.
func dropRepeatedTitle(body, title string) string {
	first, rest, _ := strings.Cut(body, "\n")
	heading := strings.TrimLeft(first, "#")
	if title == "" || heading == first || lineKey(heading) != lineKey(title) {
		return body
	}
	return tidyMarkdown(rest)
}

// pageAuthors are the writers a page names in its metadata: JSON-LD's
// author, else <meta name="author"> or article:author when it is a name
// rather than an address.
func pageAuthors(meta *pageMeta, ld ldFacts) []string {
	if len(ld.authors) > 0 {
		return ld.authors
	}
	for _, key := range []string{"author", "article:author"} {
		if a := strings.TrimSpace(meta.props[key]); a != "" && !strings.Contains(a, "/") && !strings.Contains(a, "@") {
			return []string{a}
		}
	}
	return nil
}
