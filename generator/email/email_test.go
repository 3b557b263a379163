package email_test

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/net/html"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/email"
	"github.com/briefing-digest/briefing/generator/render"
)

// message is a parsed .eml: its headers and its parts, decoded.
type message struct {
	header mail.Header
	parts  []part
}

type part struct {
	header map[string][]string
	body   []byte
}

// parseEML reads an .eml as a mail program would: net/mail for the
// headers, mime/multipart for the parts, quoted-printable decoded by hand
// so the test sees the encoding each part declares.
func parseEML(t *testing.T, data []byte) message {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("net/mail cannot read the message: %v", err)
	}
	kind, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || kind != "multipart/alternative" {
		t.Fatalf("Content-Type %q (%v), want multipart/alternative", msg.Header.Get("Content-Type"), err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	var m message
	m.header = msg.Header
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading part %d: %v", len(m.parts)+1, err)
		}
		if cte := p.Header.Get("Content-Transfer-Encoding"); cte != "quoted-printable" {
			t.Errorf("part %d: Content-Transfer-Encoding %q, want quoted-printable", len(m.parts)+1, cte)
		}
		body, err := io.ReadAll(quotedprintable.NewReader(p))
		if err != nil {
			t.Fatalf("part %d is not valid quoted-printable: %v", len(m.parts)+1, err)
		}
		m.parts = append(m.parts, part{header: p.Header, body: body})
	}
	return m
}

func TestMessage(t *testing.T) {
	out := buildSite(t, nil)
	eml := readFile(t, out, "issues/2021-w45/2021-w45.eml")
	m := parseEML(t, eml)
	// Mail's lines end in CRLF, and header lines stay within 78 characters.
	if n := bytes.Count(eml, []byte("\n")); n != bytes.Count(eml, []byte("\r\n")) {
		t.Errorf("%d line ends are a bare LF", n-bytes.Count(eml, []byte("\r\n")))
	}
	head, _, _ := bytes.Cut(eml, []byte("\r\n\r\n"))
	for line := range strings.SplitSeq(string(head), "\r\n") {
		if len(line) > 78 {
			t.Errorf("header line of %d characters, want at most 78: %q", len(line), line)
		}
	}

	dec := new(mime.WordDecoder)
	subject, err := dec.DecodeHeader(m.header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Week 45 · 8–14 November 2021 · Straits & Steppe Weekly"; subject != want {
		t.Errorf("Subject %q, want %q", subject, want)
	}
	from, err := m.header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Address != "desk@news.example.org" || from[0].Name != "Straits Desk" {
		t.Errorf("From %v (%v), want Straits Desk <desk@news.example.org>", from, err)
	}
	// The .eml is on the web: email.to's readers are not in it.
	if to := m.header.Get("To"); to != "undisclosed-recipients:;" {
		t.Errorf("To %q, want the readers left undisclosed", to)
	}
	date, err := m.header.Date()
	istanbul, _ := time.LoadLocation("Europe/Istanbul")
	if want := time.Date(2021, 11, 14, 0, 0, 0, 0, istanbul); err != nil || !date.Equal(want) {
		t.Errorf("Date %v (%v), want the week's last day, %v", date, err, want)
	}
	if m.header.Get("Message-ID") == "" || m.header.Get("MIME-Version") != "1.0" {
		t.Errorf("Message-ID %q, MIME-Version %q", m.header.Get("Message-ID"), m.header.Get("MIME-Version"))
	}

	if len(m.parts) != 2 {
		t.Fatalf("%d parts, want text/plain then text/html", len(m.parts))
	}
	for i, want := range []string{"text/plain", "text/html"} {
		kind, params, _ := mime.ParseMediaType(m.parts[i].header["Content-Type"][0])
		if kind != want || !strings.EqualFold(params["charset"], "utf-8") {
			t.Errorf("part %d is %q charset %q, want %s; charset=utf-8", i+1, kind, params["charset"], want)
		}
	}
	// Mail's lines end in CRLF; the files beside the message, in LF.
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }
	text, page := crlf(m.parts[0].body), crlf(m.parts[1].body)
	// The parts are the files written beside them.
	if !bytes.Equal(text, readFile(t, out, "issues/2021-w45/email.txt")) {
		t.Error("the text part differs from email.txt")
	}
	if !bytes.Equal(page, readFile(t, out, "issues/2021-w45/email.html")) {
		t.Error("the HTML part differs from email.html")
	}

	// What the reader reads: every article of the week, in both parts.
	for _, want := range []string{
		"Ankara and Baku sign a <b>gas</b> accord",
		"Türkiye and Azerbaijan agreed prices = what both wanted",
		"Izmir port reopens after storm",
		"A quiet week on the Caspian",
		baseURL + "articles/ankara/",
		baseURL + "issues/2021-w45/",
	} {
		if !bytes.Contains(text, []byte(want)) {
			t.Errorf("the text part lacks %q", want)
		}
	}
	if bytes.Contains(text, []byte("Tashkent")) {
		t.Error("the text part lists an article of another week")
	}
	// Without an issue file the week reads as it always has, numbered:
	// every article with its card under its country, none in brief.
	if !bytes.HasPrefix(text, []byte("Straits & Steppe Weekly · No. 2\nWeek 45 · 8–14 November 2021\n====")) {
		t.Errorf("the text part begins %q, want the site, the number and the week", text[:min(len(text), 80)])
	}
	if !bytes.Contains(page, []byte("Weekly issue &middot; No.&nbsp;2</p>")) {
		t.Error("the HTML part does not number the issue")
	}
	for _, s := range []string{"FROM THE EDITOR", "LEAD STORY", "IN BRIEF"} {
		if bytes.Contains(text, []byte(s)) {
			t.Errorf("a week without an issue file has %s", s)
		}
	}
	for line := range strings.SplitSeq(string(text), "\n") {
		if len([]rune(line)) > 72 && !strings.Contains(line, "https://") {
			t.Errorf("text line of %d characters, want at most 72: %q", len([]rune(line)), line)
		}
	}

	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var titles, links []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" || n.Data == "link" || n.Data == "iframe" || n.Data == "form" {
				t.Errorf("the HTML has a <%s> element, which mail programs strip or refuse", n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("<%s %s=…>: mail must not carry script", n.Data, a.Key)
				}
				if a.Key == "href" || a.Key == "src" {
					links = append(links, a.Val)
				}
			}
			if n.Data == "h3" {
				titles = append(titles, textOf(n))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(titles) != 3 || titles[0] != "Ankara and Baku sign a <b>gas</b> accord" {
		t.Errorf("article headings %q, want the week's three, the markup in a title shown as text", titles)
	}
	if len(links) < 5 {
		t.Errorf("only %d links: %q", len(links), links)
	}
	for _, l := range links {
		rest, ok := strings.CutPrefix(l, baseURL)
		if !ok {
			t.Errorf("link %q is not absolute under %s: a mail has no address to resolve it against", l, baseURL)
			continue
		}
		// It leads to a page the build wrote.
		rest, err := url.PathUnescape(rest)
		if err != nil {
			t.Errorf("link %q: %v", l, err)
			continue
		}
		file := filepath.Join(out, filepath.FromSlash(rest))
		if rest == "" || strings.HasSuffix(rest, "/") {
			file = filepath.Join(file, "index.html")
		}
		if _, err := os.Stat(file); err != nil {
			t.Errorf("link %q leads nowhere: %v", l, err)
		}
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// Two builds of the same site give the same message; an edit gives a new
// boundary, which occurs nowhere but as the boundary.
func TestReproducible(t *testing.T) {
	a := readFile(t, buildSite(t, nil), "issues/2021-w45/2021-w45.eml")
	b := readFile(t, buildSite(t, nil), "issues/2021-w45/2021-w45.eml")
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of one site wrote different .eml files")
	}
	edited := map[string]string{"content/articles/izmir.md": strings.Replace(siteFiles["content/articles/izmir.md"], "on Wednesday", "on Thursday", 1)}
	c := readFile(t, buildSite(t, edited), "issues/2021-w45/2021-w45.eml")
	ba, bc := boundary(t, a), boundary(t, c)
	if ba == bc {
		t.Errorf("an edited issue kept the boundary %q", ba)
	}
	for _, eml := range [][]byte{a, c} {
		b := boundary(t, eml)
		// In the header once, then two delimiters and the close.
		if n := bytes.Count(eml, []byte(b)); n != 4 {
			t.Errorf("boundary %q occurs %d times, want 4", b, n)
		}
	}
}

func boundary(t *testing.T, eml []byte) string {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(eml))
	if err != nil {
		t.Fatal(err)
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" {
		t.Fatalf("no boundary: %v", err)
	}
	return params["boundary"]
}

// The email files are not pages of the site: no sitemap, feed or search
// index names them.
func TestNotListed(t *testing.T) {
	out := buildSite(t, nil)
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := filepath.Ext(p); ext != ".xml" && ext != ".json" && ext != ".txt" && ext != ".html" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, name := range []string{"email.html", "email.txt", ".eml"} {
			if bytes.Contains(data, []byte(name)) {
				rel, _ := filepath.Rel(out, p)
				if !strings.HasPrefix(filepath.Base(rel), "email.") {
					t.Errorf("%s names %s", rel, name)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A site's templates/email.html replaces the built-in one, and a mistake
// in it is reported at its line.
func TestOwnTemplate(t *testing.T) {
	out := buildSite(t, map[string]string{"templates/email.html": `<p>{{ .Subject }}</p>{{ define "lead" }}x{{ end }}`})
	if got := string(readFile(t, out, "issues/2021-w45/email.html")); got != "<p>Week 45 · 8–14 November 2021 · Straits &amp; Steppe Weekly</p>" {
		t.Errorf("own template gave %q", got)
	}
	m := parseEML(t, readFile(t, out, "issues/2021-w45/2021-w45.eml"))
	if len(m.parts) != 2 || !bytes.HasPrefix(m.parts[1].body, []byte("<p>Week 45")) {
		t.Error("the .eml does not carry the site's own HTML")
	}
}

func TestTemplateError(t *testing.T) {
	fsys := fstest.MapFS{"email.html": {Data: []byte("<p>\n{{ .Subject }\n")}}
	cfg := generator.DefaultConfig()
	_, err := email.Load(cfg, fsys, render.Markdown(&cfg))
	if err == nil || !strings.HasPrefix(err.Error(), "templates/email.html:2:") {
		t.Errorf("got %v, want an error at templates/email.html:2", err)
	}
	_, err = email.Load(cfg, fstest.MapFS{}, render.Markdown(&cfg))
	if err == nil || !strings.Contains(err.Error(), "templates/email.html") {
		t.Errorf("without the template: %v", err)
	}
}
