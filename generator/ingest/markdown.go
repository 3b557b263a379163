package ingest

import (
	"strings"

	"github.com/briefing-digest/briefing/generator"
)

// atxHeading is a level-one "# Heading", its closing hashes optional.
var atxHeading = lazyPattern(`^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$`)

// parseMarkdown reads Markdown input. Front matter is left whole for the
// caller, who parses it; without front matter a leading "# Heading" is the
// title, and leaves the body so the page does not show it twice.
func parseMarkdown(name string, d *Document, text string) error {
	lines := strings.SplitAfter(text, "\n")
	if end := frontMatterEnd(strings.TrimRight(lines[0], " \t\n")); end != "" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimRight(lines[i], " \t\n") == end {
				d.FrontMatter = []byte(text)
				d.Body = tidyMarkdown(strings.Join(lines[i+1:], ""))
				return nil
			}
		}
		return generator.Errorf(name, 1, 1, "front matter opened by %q is never closed by %q", strings.TrimSpace(lines[0]), end)
	}
	i := skipBlank(lines, 0)
	if i < len(lines) {
		if m := atxHeading.FindStringSubmatch(strings.TrimRight(lines[i], "\n")); m != nil {
			d.Title = m[1]
			lines = lines[i+1:]
		}
	}
	if d.Title == "" {
		d.warnf("no title: neither front matter nor a leading \"# Heading\"")
	}
	d.Body = tidyMarkdown(strings.Join(lines, ""))
	return nil
}

// frontMatterEnd is the line that closes the front matter that line
// opens, or "" when line opens none. The forms are those the front matter
// parser reads: YAML, TOML and JSON.
func frontMatterEnd(line string) string {
	switch line {
	case "---", "---yaml", "---toml", "---json":
		return "---"
	case "+++", ";;;":
		return line
	}
	return ""
}

// tidyMarkdown drops blank lines around a Markdown body and ends it in one
// newline.
func tidyMarkdown(s string) string {
	s = strings.TrimLeft(s, "\n")
	s = strings.TrimRight(s, " \t\n")
	if s == "" {
		return ""
	}
	return s + "\n"
}
