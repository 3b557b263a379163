package email

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// width is where the text part's prose wraps: mail programs show plain
// text as it is, and lines much longer than this are hard to follow.
const width = 72

// appendText appends to dst the plain-text alternative: the same issue,
// in the same order, with each link on a line of its own so any mail
// program can follow it.
func appendText(dst []byte, v *View) []byte {
	b := bytes.NewBuffer(dst)
	_, size := SizeHint(v)
	b.Grow(size)
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	heading := func(s string) {
		line("")
		line(s)
		line(strings.Repeat("-", utf8.RuneCountInString(s)))
	}
	article := func(a Article) {
		line("")
		wrap(b, a.Title, "* ")
		meta := a.Date
		if a.Source != "" {
			meta += " · " + a.Source
		}
		line("  " + meta)
		if a.Summary != "" {
			wrap(b, a.Summary, "  ")
		}
		line("  " + a.URL)
	}
	kicker := v.Config.Title
	if v.Number > 0 {
		kicker += " · No. " + strconv.Itoa(v.Number)
	}
	if v.Week != "" {
		kicker += " · " + v.Week
	}
	wrap(b, kicker, "")
	// An edition's title may be longer than a line: wrapped, and
	// underlined as far as its longest line goes.
	var head strings.Builder
	wrap(&head, v.Headline, "")
	b.WriteString(head.String())
	longest := 0
	for l := range strings.Lines(head.String()) {
		longest = max(longest, utf8.RuneCountInString(strings.TrimSuffix(l, "\n")))
	}
	line(strings.Repeat("=", longest))
	line("")
	wrap(b, v.Summary, "")
	line("Read it on the web: " + v.URL)
	if v.NoteText != "" {
		heading("FROM THE EDITOR")
		line("")
		b.WriteString(v.NoteText)
	}
	if v.Lead != nil {
		heading("LEAD STORY")
		article(*v.Lead)
	}
	if len(v.Featured) > 0 {
		heading("FEATURED")
		for _, a := range v.Featured {
			article(a)
		}
	}
	for _, g := range v.Groups {
		heading(strings.ToUpper(g.Name) + " (" + count(len(g.Articles), "article", "articles") + ")")
		for _, a := range g.Articles {
			article(a)
		}
	}
	if len(v.Brief) > 0 {
		heading("IN BRIEF")
		for _, br := range v.Brief {
			line("")
			s := br.Article.Title
			if br.Name != "" {
				s = br.Name + ": " + s
			}
			if br.Article.Source != "" {
				s += " · " + br.Article.Source
			}
			wrap(b, s, "* ")
			line("  " + br.Article.URL)
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
			wrap(b, list.label+": "+strings.Join(parts, ", "), "")
		}
	}
	line("")
	line("-- ")
	line(v.Config.Title + ": " + v.HomeURL)
	line("Every issue: " + v.IssuesURL)
	line("Articles belong to their publishers; each page links to its source.")
	return b.Bytes()
}

// lineWriter is what text is wrapped into: the message's text body, or a
// string being built (the note, the headline).
type lineWriter interface {
	io.StringWriter
	io.ByteWriter
}

// wrap writes s as lines of at most width characters, the first starting
// with lead and the rest indented as far. A word longer than a line (an
// address) is left whole rather than broken.
func wrap(b lineWriter, s, lead string) {
	wrapLines(b, s, lead, strings.Repeat(" ", utf8.RuneCountInString(lead)))
}

// wrapLines is wrap with the first line led by first and the others by
// rest, for the note's lists and quotes.
func wrapLines(b lineWriter, s, first, rest string) {
	// Written as it goes: a line built up word by word was a new string
	// for every word.
	b.WriteString(first)
	n := utf8.RuneCountInString(first)
	empty := true
	for w := range strings.FieldsSeq(s) {
		wn := utf8.RuneCountInString(w)
		if !empty && n+1+wn > width {
			b.WriteByte('\n')
			b.WriteString(rest)
			n, empty = utf8.RuneCountInString(rest), true
		}
		if !empty {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += wn
		empty = false
	}
	b.WriteByte('\n')
}
