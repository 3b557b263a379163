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
	if p, ok := plainPath(c.BaseURL); ok {
		return p
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// plainPath is the path of a base URL made of letters, digits and the
// few marks that need no decoding, "https://user.github.io/repo/", read
// without url.Parse: every link of every page is made under the base
// path, and parsing the URL for each was 1.3% of a build. ok is false for
// anything else, which url.Parse then reads.
func plainPath(base string) (path string, ok bool) {
	rest, found := strings.CutPrefix(base, "https://")
	if !found {
		if rest, found = strings.CutPrefix(base, "http://"); !found {
			return "", false
		}
	}
	slash := strings.IndexByte(rest, '/')
	if slash <= 0 {
		return "", false
	}
	host, path := rest[:slash], rest[slash:]
	if name, port, hasPort := strings.Cut(host, ":"); hasPort {
		if port == "" || strings.Trim(port, "0123456789") != "" {
			return "", false
		}
		host = name
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; !isAlnum(c) && c != '-' && c != '.' {
			return "", false
		}
	}
	for i := 0; i < len(path); i++ {
		if c := path[i]; !isAlnum(c) && c != '-' && c != '.' && c != '_' && c != '~' && c != '/' {
			return "", false
		}
	}
	return path, true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
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
