package yamldoc

import (
	"bytes"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fastParse reads the plain shape briefing import and most people write:
// one "key: value" per line, where a value is a double-quoted string
// without escapes, a plain name, a date, or a one-line [list] of those.
// It builds the nodes yaml.v3 would, positions included, and reports
// false for anything else, which yaml.v3 then parses. Loading a big site
// spent more time in yaml.v3 than anywhere else: it sets up a full
// parser, with its buffers, for every few lines of front matter.
func fastParse(src []byte) (*yaml.Node, bool) {
	if !printable(src) {
		return nil, false
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	// The keys' nodes come from one slice: a node for each, made one by
	// one, was the larger part of what reading front matter allocated.
	keys := make([]yaml.Node, 0, 1+bytes.Count(src, []byte("\n")))
	line := 0
	for len(src) > 0 {
		line++
		text := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			text, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		text = bytes.TrimSuffix(text, []byte("\r"))
		k := keyLength(text)
		// yaml.v3 refuses keys over 1,024 characters; no real key is near 64.
		if k == 0 || k > 64 || k+1 >= len(text) || text[k] != ':' || text[k+1] != ' ' || !plainKey(text[:k]) {
			return nil, false
		}
		keys = append(keys, yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: keyName(text[:k]), Line: line, Column: 1})
		key := &keys[len(keys)-1]
		rest := text[k+1:]
		col := k + 2
		for len(rest) > 0 && rest[0] == ' ' {
			rest, col = rest[1:], col+1
		}
		value, n, ok := fastValue(rest, line, col, false)
		if !ok || n != len(rest) {
			return nil, false
		}
		if len(root.Content) == 0 {
			root.Line, root.Column = line, 1
		}
		root.Content = append(root.Content, key, value)
	}
	if len(root.Content) == 0 {
		return nil, false
	}
	return root, true
}

// printable says whether src holds only printable characters and line
// breaks; yaml.v3 refuses control characters and decides how to read
// unusual spaces, so such text is left to it.
func printable(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			lone := c == '\r' && (i+1 == len(src) || src[i+1] != '\n')
			if (c < ' ' && c != '\n' && c != '\r') || c == 0x7f || lone {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return false
		}
		i += n
	}
	return true
}

// plainKey says whether yaml.v3 reads key, plain ASCII, as a string: a
// key "null" or "true" is a null or a boolean to it, so such a key is
// left to it, as plainTag leaves such values.
func plainKey(key []byte) bool {
	if len(key) > 5 {
		return true // longer than any of them: most keys, at no cost
	}
	for _, w := range specialKeys {
		if bytes.EqualFold(key, w) {
			return false
		}
	}
	return true
}

var specialKeys = [][]byte{[]byte("true"), []byte("false"), []byte("yes"), []byte("no"), []byte("on"), []byte("off"), []byte("y"), []byte("n"), []byte("null")}

// keyLength is the length of the plain ASCII key text starts with.
func keyLength(text []byte) int {
	for i, c := range text {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || (i > 0 && (c >= '0' && c <= '9' || c == '-'))) {
			return i
		}
	}
	return len(text)
}

// fastValue reads one value at the start of s, which starts at column
// col (counted in characters, as yaml.v3 counts), and returns its node
// and how many bytes it took. Inside a list a value ends at "," or "]".
func fastValue(s []byte, line, col int, inList bool) (*yaml.Node, int, bool) {
	if len(s) == 0 {
		return nil, 0, false
	}
	switch s[0] {
	case '"':
		v, n, ok := quoted(s)
		if !ok {
			return nil, 0, false
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: v, Line: line, Column: col}, n, true
	case '[':
		if inList {
			return nil, 0, false
		}
		return fastList(s, line, col)
	}
	n := len(s)
	if inList {
		n = bytes.IndexAny(s, ",]")
		if n < 0 {
			return nil, 0, false
		}
	}
	v := bytes.TrimRight(s[:n], " ")
	tag, ok := plainTag(v)
	if !ok {
		return nil, 0, false
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v), Line: line, Column: col}, n, true
}

// quoted reads the double-quoted string s starts with, whose only
// escapes may be \" and \\, and returns its text and length in s.
func quoted(s []byte) (string, int, bool) {
	var esc []byte // the text so far, once an escape stops it being a slice of s
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			text := s[1:i]
			if esc != nil {
				text = esc
			}
			if !utf8.Valid(text) {
				return "", 0, false
			}
			return string(text), i + 1, true
		case c == '\\':
			if i+1 >= len(s) || s[i+1] != '"' && s[i+1] != '\\' {
				return "", 0, false
			}
			if esc == nil {
				esc = append([]byte(nil), s[1:i]...)
			}
			i++
			esc = append(esc, s[i])
		case esc != nil:
			esc = append(esc, c)
		}
	}
	return "", 0, false
}

// fastList reads a one-line flow list such as [Kuwait, "South Korea"].
func fastList(s []byte, line, col int) (*yaml.Node, int, bool) {
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: col}
	i := 1
	skip := func() {
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	skip()
	if i < len(s) && s[i] == ']' {
		return list, i + 1, true
	}
	for i < len(s) {
		item, n, ok := fastValue(s[i:], line, col+utf8.RuneCount(s[:i]), true)
		if !ok {
			return nil, 0, false
		}
		list.Content = append(list.Content, item)
		i += n
		skip()
		if i >= len(s) {
			break
		}
		switch s[i] {
		case ']':
			return list, i + 1, true
		case ',':
			i++
			skip()
		default:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// plainTag is the tag yaml.v3 gives an unquoted value, for the values
// whose tag is certain: a date, or text that starts with a letter and
// holds only letters, digits, spaces and a few marks of names, and is no
// word YAML reads as true, false or null. Anything else is left to yaml.v3.
func plainTag(v []byte) (string, bool) {
	if len(v) == 0 {
		return "", false
	}
	if isDate(v) {
		return "!!timestamp", true
	}
	first, _ := utf8.DecodeRune(v)
	if !unicode.IsLetter(first) && !(unicode.IsDigit(first) && namesAfterNumber(v)) {
		return "", false
	}
	for _, r := range string(v) {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || strings.ContainsRune(".'&()/-", r)) {
			return "", false
		}
	}
	switch strings.ToLower(string(v)) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return "", false
	}
	return "!!str", true
}

// namesAfterNumber says whether v, which starts with a digit, is a name
// like "501st Legion": a letter in its first word and a space after it.
// Numbers, dates and times YAML resolves never hold both, so it is text.
func namesAfterNumber(v []byte) bool {
	word, _, spaced := bytes.Cut(v, []byte(" "))
	return spaced && bytes.IndexFunc(word, unicode.IsLetter) >= 0
}

// isDate matches a real YYYY-MM-DD date; yaml.v3 takes 2023-02-30 as text.
func isDate(v []byte) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	_, err := time.Parse(time.DateOnly, string(v))
	return err == nil
}

// keyName is key as a string, without a copy for the keys briefing
// reads: every article has most of them.
func keyName(key []byte) string {
	switch string(key) {
	case "title":
		return "title"
	case "date":
		return "date"
	case "source":
		return "source"
	case "url":
		return "url"
	case "summary":
		return "summary"
	case "people":
		return "people"
	case "countries":
		return "countries"
	case "organizations":
		return "organizations"
	case "places":
		return "places"
	case "event":
		return "event"
	case "topics":
		return "topics"
	case "draft":
		return "draft"
	case "license":
		return "license"
	case "fingerprint":
		return "fingerprint"
	}
	return string(key)
}
