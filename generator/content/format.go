package content

import (
	"bytes"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/briefing-digest/briefing/generator"
)

// Format writes an article file: YAML front matter in the order DESIGN.md
// shows (what it is, then what it names), lists on one line so a person
// reviewing an import sees each field at a glance, then the body.
func Format(m generator.Metadata, body []byte) []byte {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, value *yaml.Node) {
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, value)
	}
	text := func(key, s string, always bool) {
		if s != "" || always {
			add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle})
		}
	}
	list := func(key string, names []string, always bool) {
		if len(names) == 0 && !always {
			return
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, n := range names {
			seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: n})
		}
		add(key, seq)
	}
	text("title", m.Title, true)
	add("date", &yaml.Node{Kind: yaml.ScalarNode, Value: formatDate(m.Date)})
	text("source", m.Source, false)
	text("url", m.URL, false)
	text("license", m.License, false)
	list("sections", m.Sections, false)
	text("summary", m.Summary, true)
	list("people", m.People, true)
	list("countries", m.Countries, true)
	list("organizations", m.Organizations, true)
	list("places", m.Places, true)
	text("event", m.Event, true)
	list("topics", m.Topics, true)
	if m.Draft {
		add("draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	text("slug", m.Slug, false)
	text("fingerprint", m.Fingerprint, false)

	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	// Encoding a node tree built here cannot fail.
	_ = enc.Encode(root)
	_ = enc.Close()
	b.WriteString("---\n")
	if len(body) > 0 {
		b.WriteByte('\n')
		b.Write(bytes.TrimLeft(body, "\n"))
		if body[len(body)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// formatDate writes a day when the time is midnight, as people write
// dates, and RFC 3339 otherwise, so no information is lost.
func formatDate(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}
