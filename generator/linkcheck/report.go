package linkcheck

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/briefing-digest/briefing/generator"
)

// Errors turns broken links into errors a reader can act on. A link an
// article's body writes is put at its line in the article's file, and one
// an issue's editor's note writes at its line in content/issues/ under
// source, the site's folder; a link the templates write is broken on many
// pages alike, so it is reported once with the number of pages it breaks.
func Errors(s *generator.Site, source string, problems []Problem) generator.ErrorList {
	articles := map[string]*generator.Entry{}
	for _, e := range s.Entries {
		articles[e.Path()+"index.html"] = e
	}
	var list generator.ErrorList
	type shared struct {
		link, reason string
	}
	var order []shared
	where := map[shared][]string{}
	located := map[shared]bool{}
	base := s.Config.BasePath()
	for _, p := range problems {
		k := shared{p.Link, p.Reason}
		if file, text, first, ok := origin(articles, source, p.Page); ok {
			// The Markdown may write "/articles/x/" for what the page,
			// put under the base path, calls "/digest/articles/x/".
			written := []string{p.Link}
			if rest, ok := strings.CutPrefix(p.Link, base); ok && base != "/" {
				written = append(written, "/"+rest)
			}
			if line, col, link, ok := locate(text, first, written); ok {
				list = append(list, generator.Errorf(file, line, col, "link %q: %s", link, p.Reason))
				located[k] = true
				continue
			}
		}
		if where[k] == nil {
			order = append(order, k)
		}
		where[k] = append(where[k], p.Page)
	}
	for _, k := range order {
		if located[k] {
			// The same link seen where it was written, shown again on the
			// home page or a list: the one report at its line is enough.
			continue
		}
		ps := where[k]
		slices.Sort(ps)
		msg := fmt.Sprintf("page %s: link %q: %s", ps[0], k.link, k.reason)
		if len(ps) > 1 {
			msg += fmt.Sprintf(" (and on %d more pages)", len(ps)-1)
		}
		list = append(list, &generator.Error{Msg: msg})
	}
	list.Sort()
	return list
}

// origin is the Markdown a page was made from: its file, its text and the
// file's line the text starts on.
func origin(articles map[string]*generator.Entry, source, page string) (file string, text []byte, first int, ok bool) {
	if e := articles[page]; e != nil {
		body, err := e.ReadBody()
		return e.File, body, e.BodyLine, err == nil
	}
	if slug, ok := strings.CutPrefix(page, "issues/"); ok && strings.Count(slug, "/") == 1 && strings.HasSuffix(slug, "/index.html") {
		// An issue file may end in .md or .markdown, as an article may.
		for _, ext := range []string{".md", ".markdown"} {
			file = "content/issues/" + strings.TrimSuffix(slug, "/index.html") + ext
			if data, err := os.ReadFile(filepath.Join(source, filepath.FromSlash(file))); err == nil {
				return file, data, 1, true
			}
		}
		return "", nil, 0, false
	}
	return "", nil, 0, false
}

// locate finds where Markdown text, starting at line first of its file,
// writes one of links; line and column are 1-based, the column in bytes.
// Only a link's own syntax counts ("](x", "]: x", "<x>", `="x"`), so a
// template's link to "/" is not pinned on the first slash of the text.
func locate(text []byte, first int, links []string) (line, col int, link string, ok bool) {
	for _, l := range links {
		if l == "" {
			continue
		}
		for _, lead := range []string{"](", "]: ", "<", `="`, "='"} {
			if i := find(text, lead+l); i >= 0 {
				i += len(lead)
				before := text[:i]
				line = first + bytes.Count(before, []byte("\n"))
				col = i - bytes.LastIndexByte(before, '\n')
				return line, col, l, true
			}
		}
	}
	return 0, 0, "", false
}

// find returns where s first occurs in body as a whole link: followed by
// what closes a link in Markdown or HTML, so "/" is not found in "/other/".
func find(body []byte, s string) int {
	from := 0
	for {
		j := bytes.Index(body[from:], []byte(s))
		if j < 0 {
			return -1
		}
		at := from + j
		end := at + len(s)
		if end == len(body) || strings.IndexByte(") \t\n>\"'", body[end]) >= 0 {
			return at
		}
		from = at + 1
	}
}

// Sources lists the original address of every article that gives one.
func Sources(s *generator.Site) []Source {
	var out []Source
	for _, e := range s.Entries {
		if e.URL != "" {
			out = append(out, Source{File: e.File, URL: e.URL})
		}
	}
	return out
}
