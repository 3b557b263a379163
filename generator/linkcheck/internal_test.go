package linkcheck

import (
	"slices"
	"testing"
)

// site builds a Site at base from path → content, as a build hands files over.
func site(t *testing.T, base string, files map[string]string) *Site {
	t.Helper()
	s, err := New(base)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := s.Add(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func strs(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func TestBrokenInternalLinks(t *testing.T) {
	s := site(t, "https://example.org/digest/", map[string]string{
		"index.html": `<link rel="stylesheet" href="/digest/style.css"><a href="articles/a/">a</a>` +
			`<a href="/digest/articles/nope/">nope</a><a href="/articles/a/">forgot the base</a>` +
			`<a href="https://example.org/digest/articles/a/#second">absolute</a><a href="https://elsewhere.org/x">other site</a>` +
			`<a href="mailto:ed@example.org">mail</a><img src="/digest/missing.png">`,
		"articles/a/index.html": `<h2 id="second">Second</h2><a name="old"></a><a href="#second">ok</a><a href="#third">no</a>` +
			`<a href="../b#old">ok</a><a href="../b/#gone">no</a><a href="../../style.css#x">ok</a><a href="../../../up/">out</a>` +
			`<a href="#top">top</a><a href="#">self</a><script src="../../app.js"></script>`,
		"articles/b/index.html": `<a name="old">old</a><p id="kept">`,
		"style.css":             `body{}`,
		"app.js":                ``,
	})
	got := strs(s.Problems())
	want := []string{
		`articles/a/index.html: link "#third": articles/a/index.html has no anchor #third`,
		`articles/a/index.html: link "../../../up/": leaves the site's base path /digest/`,
		`articles/a/index.html: link "../b/#gone": articles/b/index.html has no anchor #gone`,
		`index.html: link "/articles/a/": leaves the site's base path /digest/`,
		`index.html: link "/digest/articles/nope/": no file articles/nope/index.html in the site`,
		`index.html: link "/digest/missing.png": no file missing.png in the site`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

func TestCleanSiteHasNoProblems(t *testing.T) {
	s := site(t, "http://localhost:1313/", map[string]string{
		"index.html":            `<a href="/articles/a/">a</a><a href="http://localhost:1313/articles/a/#x">a</a><a href="feed.xml">feed</a>`,
		"articles/a/index.html": `<p id="x"><a href="/">home</a><a href="../../">home</a>`,
		"feed.xml":              `<rss/>`,
	})
	if got := s.Problems(); len(got) != 0 {
		t.Errorf("problems in a clean site: %q", strs(got))
	}
}

func TestNewRefusesRelativeBase(t *testing.T) {
	if _, err := New("/digest/"); err == nil {
		t.Error("New accepted a base URL with no scheme or host")
	}
}
