package email

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// width is where the text part's prose wraps: mail programs show plain
// text as it is, and lines much longer than this are hard to follow.
const width = 72

// text is the plain-text alternative: the same issue, in the same order,
// with each link on a line of its own so any mail program can follow it.
func text(v *View) []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(v.Config.Title)
	line(v.Issue.Title)
	line(strings.Repeat("=", utf8.RuneCountInString(v.Issue.Title)))
	line("")
	wrap(&b, v.Summary, "")
	line("Read it on the web: " + v.URL)
	// Editions will put the editor's note and lead story here, before the groups.
	for _, g := range v.Groups {
		line("")
		head := strings.ToUpper(g.Name) + " (" + count(len(g.Articles), "article", "articles") + ")"
		line(head)
		line(strings.Repeat("-", utf8.RuneCountInString(head)))
		for _, a := range g.Articles {
			line("")
			wrap(&b, a.Title, "* ")
			meta := a.Date
			if a.Source != "" {
				meta += " · " + a.Source
			}
			line("  " + meta)
			if a.Summary != "" {
				wrap(&b, a.Summary, "  ")
			}
			line("  " + a.URL)
		}
	}
	if len(v.People) > 0 || len(v.Countries) > 0 {
		line("")
		line("MOST NAMED THIS WEEK")
		line("--------------------")
		for _, list := range []struct {
			label string
			names []Name
		}{{"People", v.People}, {"Countries", v.Countries}} {
			if len(list.names) == 0 {
				continue
			}
			parts := make([]string, len(list.names))
			for i, n := range list.names {
				parts[i] = fmt.Sprintf("%s (%d)", n.Name, n.Count)
			}
			line("")
			wrap(&b, list.label+": "+strings.Join(parts, ", "), "")
		}
	}
	line("")
	line("-- ")
	line(v.Config.Title + ": " + v.HomeURL)
	line("Every issue: " + v.IssuesURL)
	line("Articles belong to their publishers; each page links to its source.")
	return []byte(b.String())
}

// wrap writes s as lines of at most width characters, the first starting
// with lead and the rest indented as far. A word longer than a line (an
// address) is left whole rather than broken.
func wrap(b *strings.Builder, s, lead string) {
	indent := strings.Repeat(" ", utf8.RuneCountInString(lead))
	cur, n := lead, utf8.RuneCountInString(lead)
	empty := true
	for _, w := range strings.Fields(s) {
		wn := utf8.RuneCountInString(w)
		if !empty && n+1+wn > width {
			b.WriteString(cur + "\n")
			cur, n, empty = indent, len(indent), true
		}
		if !empty {
			cur += " "
			n++
		}
		cur += w
		n += wn
		empty = false
	}
	b.WriteString(cur + "\n")
}
