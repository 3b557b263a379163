package ingest

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleSeparators set an outlet's name off a headline in a page title:
// "Iran, Russia stress cooperation | Tehran Times".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "}

// cleanTitle takes the outlet's name off a page title, at either end. The
// name is known when it is source, or matches the site's host
// ("Tehran Times" on www.tehrantimes.com); outlet returns it then, so a
// page without a site name still names its outlet. Without a source, a
// short last part after " | " goes too: headlines seldom use a bar.
func cleanTitle(title, source, host string) (headline, outlet string) {
	headline = strings.Join(strings.Fields(title), " ")
	for stripped := true; stripped; {
		stripped = false
		for _, sep := range titleSeparators {
			if i := strings.LastIndex(headline, sep); i > 0 && isOutlet(headline[i+len(sep):], source, host) {
				outlet, headline, stripped = headline[i+len(sep):], headline[:i], true
			} else if i := strings.Index(headline, sep); i > 0 && isOutlet(headline[:i], source, host) {
				outlet, headline, stripped = headline[:i], headline[i+len(sep):], true
			}
		}
	}
	if i := strings.LastIndex(headline, " | "); outlet == "" && source == "" && i > 0 && len(strings.Fields(headline[i:])) <= 5 {
		headline = headline[:i]
	}
	if outlet == "" && source == "" && host == "" {
		// A page with neither site name nor address: a last part that is
		// only a name of a word or three ("… - Entermedia") names the
		// outlet; a headline's own ending after a dash reads on in lower
		// case ("… - shoots for the moon").
		for _, sep := range []string{" - ", " – ", " — "} {
			if i := strings.LastIndex(headline, sep); i > 0 && looksLikeName(headline[i+len(sep):]) && len(strings.Fields(headline[:i])) >= 4 {
				outlet, headline = headline[i+len(sep):], headline[:i]
				break
			}
		}
	}
	return strings.TrimSpace(headline), outlet
}

// isOutlet reports whether name is the outlet's: the source, or the name
// the site's host spells without spaces.
func isOutlet(name, source, host string) bool {
	key := squash(name)
	if key == "" {
		return false
	}
	if source != "" && (key == squash(source) || key == squash(strings.TrimPrefix(source, "The "))) {
		return true
	}
	label := hostLabel(host)
	// The host's name and a word more ("Vortex Cannon Entertainment" on
	// vortexcannon.org, "BBC Sport" on bbc.com) is the outlet's too.
	return len(label) >= 3 && (key == label || strings.HasPrefix(key, label) && looksLikeName(name) && len(key)-len(label) <= 14 || key == squash(strings.TrimPrefix(strings.ToLower(host), "www.")))
}

// looksLikeName reports whether s is one to three capitalised words
// without digits, as an outlet's name is.
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

// hostLabel is the part of a host that names the site: "tehrantimes" for
// www.tehrantimes.com.
func hostLabel(host string) string {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	label, _, _ := strings.Cut(host, ".")
	return squash(label)
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// squash is s in lower case with only its letters and digits.
func squash(s string) string {
	return strings.ReplaceAll(lineKey(s), " ", "")
}
