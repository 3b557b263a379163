package generator

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Taxonomy names every article field that groups articles, in the order
// pages list them. Places and sections are known but not rendered unless a
// site's configuration asks for them.
var TaxonomyNames = []string{"countries", "people", "organizations", "events", "topics", "places", "sections"}

// DefaultTaxonomies are rendered when briefing.yaml does not say.
var DefaultTaxonomies = []string{"countries", "people", "organizations", "events", "topics"}

// Config is a site's briefing.yaml after defaults and validation.
type Config struct {
	Title       string
	Description string
	// BaseURL is absolute and ends in "/"; its path is where the site lives
	// ("/repo/" on a GitHub project page).
	BaseURL   string
	Language  string
	Author    string
	Location  *time.Location
	WeekStart time.Weekday
	FeedLimit int
	// Paginate is how many articles a term page shows; older ones move
	// to term/page/2/ and on, so a page stays small however big the term.
	Paginate   int
	Taxonomies []string
	// UnsafeHTML lets raw HTML in Markdown through; off by default because
	// imported text is not trusted.
	UnsafeHTML bool
	// CNAME is the custom domain GitHub Pages should serve, if any.
	CNAME string
	// Email addresses the email edition of each issue.
	Email Email
}

// Email is briefing.yaml's email: section. It never holds credentials:
// briefing.yaml is committed and published, so the SMTP user and password
// come from the environment alone.
type Email struct {
	From string   // the From header and envelope sender: "Name <addr>" or "addr"
	To   []string // the To header and the recipients; may be empty
	SMTP string   // host:port of the relay "briefing mail --send" uses
}

// DefaultConfig is what a site gets for every key its briefing.yaml leaves out.
func DefaultConfig() Config {
	return Config{
		Title:      "Briefing",
		BaseURL:    "http://localhost:1313/",
		Language:   "en",
		Location:   time.UTC,
		WeekStart:  time.Monday,
		FeedLimit:  20,
		Paginate:   20,
		Taxonomies: DefaultTaxonomies,
	}
}

// BasePath is the path part of BaseURL: "/" or "/repo/".
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// AbsURL turns a site path ("articles/x/", "/articles/x/") into an absolute URL.
func (c *Config) AbsURL(p string) string {
	return strings.TrimSuffix(c.BaseURL, "/") + "/" + strings.TrimPrefix(p, "/")
}

// RelURL turns a site path into a root-relative link under the base path,
// the form pages use so they work on any host.
func (c *Config) RelURL(p string) string {
	return c.BasePath() + strings.TrimPrefix(p, "/")
}

// NormalizeBaseURL checks that a base URL is absolute, because feeds,
// sitemaps and Open Graph tags need the host, and ends it with "/".
func NormalizeBaseURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return "", err
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("base URL %q is not absolute (want https://host/path/)", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}
