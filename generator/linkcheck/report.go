package linkcheck

import (
	"bytes"
	"fmt"
	"slices"

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
	for _, p := range problems {
		if e := pages[p.Page]; e != nil {
			if line, col, ok := locate(e, p.Link); ok {
				list = append(list, generator.Errorf(e.File, line, col, "link %q: %s", p.Link, p.Reason))
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
	return list
}

// locate finds where an article's Markdown writes link, 1-based, in the
// file's own lines and bytes. Only a link's own syntax counts ("](x",
// "]: x", "<x>", `="x"`), so a template's link to "/" is not pinned on
// the first slash of an article's text.
func locate(e *generator.Entry, link string) (line, col int, ok bool) {
	body, err := e.ReadBody()
	if err != nil || link == "" {
		return 0, 0, false
	}
	i := -1
	for _, lead := range []string{"](", "]: ", "<", `="`, "='"} {
		if j := bytes.Index(body, []byte(lead+link)); j >= 0 {
			i = j + len(lead)
			break
		}
	}
	if i < 0 {
		return 0, 0, false
	}
	before := body[:i]
	line = e.BodyLine + bytes.Count(before, []byte("\n"))
	col = i - bytes.LastIndexByte(before, '\n')
	return line, col, true
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
