package generator

import (
	"net/url"
	"testing"
)

// basePathByParse is BasePath as url.Parse reads it.
func basePathByParse(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

func TestBasePathAsURLParseReadsIt(t *testing.T) {
	for _, base := range []string{
		"https://user.github.io/repo/", "http://localhost:1313/", "https://example.com/",
		"https://example.com", "https://example.com/a/b-c_d.e~f/", "https://example.com:8443/x/",
		"https://example.com:/x/", "https://example.com:80a/x/", "https://ex ample.com/x/",
		"https://example.com/x%20y/", "https://example.com/x/?q=1", "https://example.com/x/#top",
		"https://user@example.com/x/", "https://[::1]:8080/x/", "ftp://example.com/x/",
		"//example.com/x/", "/x/", "", "https:///x/", "https://example.com/é/", "HTTPS://EXAMPLE.COM/X/",
	} {
		c := Config{BaseURL: base}
		if got, want := c.BasePath(), basePathByParse(base); got != want {
			t.Errorf("BasePath of %q = %q, url.Parse gives %q", base, got, want)
		}
	}
}

func FuzzBasePath(f *testing.F) {
	for _, s := range []string{"https://user.github.io/repo/", "http://localhost:1313/", "https://a:1/b/", "https://a/%41/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, base string) {
		c := Config{BaseURL: base}
		if got, want := c.BasePath(), basePathByParse(base); got != want {
			t.Errorf("BasePath of %q = %q, url.Parse gives %q", base, got, want)
		}
	})
}
