package linkcheck

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/briefing-digest/briefing/generator"
)

// Errors turns broken links into errors a reader can act on. A link an
// article's body writes is put at its line in the article's file; a link
// the templates write is broken on many pages alike, so it is reported
// once with the number of pages it breaks.
func Errors(s *generator.Site, problems []Problem) generator.ErrorList {
	pages := map[string]*generator.Entry{}
	for _, e := range s.Entries {
		pages[e.Path()+"index.html"] = e
	}
	var list generator.ErrorList
	type shared struct {
		link, reason string
	}
	var order []shared
	where := map[shared][]string{}
	base := s.Config.BasePath()
	for _, p := range problems {
		if e := pages[p.Page]; e != nil {
			// The body may write "/articles/x/" for what the page, put
			// under the base path, calls "/digest/articles/x/".
			written := []string{p.Link}
			if rest, ok := strings.CutPrefix(p.Link, base); ok && base != "/" {
				written = append(written, "/"+rest)
			}
			if line, col, link, ok := locate(e, written); ok {
				list = append(list, generator.Errorf(e.File, line, col, "link %q: %s", link, p.Reason))
				continue
			}
		}
		k := shared{p.Link, p.Reason}
		if where[k] == nil {
			order = append(order, k)
		}
		where[k] = append(where[k], p.Page)
	}
	for _, k := range order {
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

// locate finds where an article's Markdown writes link, 1-based, in the
// file's own lines and bytes. Only a link's own syntax counts ("](x",
// "]: x", "<x>", `="x"`), so a template's link to "/" is not pinned on
// the first slash of an article's text.
func locate(e *generator.Entry, links []string) (line, col int, link string, ok bool) {
	body, err := e.ReadBody()
	if err != nil {
		return 0, 0, "", false
	}
	for _, l := range links {
		if l == "" {
			continue
		}
		for _, lead := range []string{"](", "]: ", "<", `="`, "='"} {
			if i := find(body, lead+l); i >= 0 {
				i += len(lead)
				before := body[:i]
				line = e.BodyLine + bytes.Count(before, []byte("\n"))
				col = i - bytes.LastIndexByte(before, '\n')
				return line, col, l, true
			}
		}
	}
	return 0, 0, "", false
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
