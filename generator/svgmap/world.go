package svgmap

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/briefing-digest/briefing/generator"
)

//go:embed data/countries.tsv
var countriesTSV string

// Country is one country or territory the map knows.
type Country struct {
	Code      string   // ISO 3166 numeric (UN M49), "" for the few it does not list
	Name      string   // as the gazetteer spells it, and so as the extractor files it
	Names     []string // Name first, then other names that mean it
	Region    string   // UN M49 region: Africa, Americas, Asia, Europe, Oceania; "" if none (a former state)
	Subregion string
	// Path is SVG path data in the map's units, "" when too small to draw
	// at this scale. It holds only letters, digits, spaces, commas, dots
	// and minus signs (parse refuses anything else), so a page writes it
	// as it is, without escaping 30 KB of numbers on every map.
	Path string
}

// World is the map: its size in SVG units and its countries, A–Z.
type World struct {
	Width, Height int
	Countries     []*Country
	bySlug        map[string]*Country
}

// Load returns the embedded map, read once.
var Load = sync.OnceValues(func() (*World, error) { return parse(countriesTSV) })

// Lookup returns the country one of whose names slugs as name does, so a
// term finds its shape whichever spelling it was filed under; nil if none.
func (w *World) Lookup(name string) *Country {
	return w.bySlug[generator.Slugify(name)]
}

// parse reads countries.tsv (see internal/build for its format).
func parse(src string) (*World, error) {
	w := &World{bySlug: map[string]*Country{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if f[0] == "size" && len(f) == 3 {
			var err1, err2 error
			w.Width, err1 = strconv.Atoi(f[1])
			w.Height, err2 = strconv.Atoi(f[2])
			if err1 != nil || err2 != nil || w.Width <= 0 || w.Height <= 0 {
				return nil, fmt.Errorf("svgmap data:%d: bad size %q", line, text)
			}
			continue
		}
		if len(f) != 5 || f[3] == "" {
			return nil, fmt.Errorf("svgmap data:%d: want 5 tab-separated fields with a name, got %d", line, len(f))
		}
		if i := strings.IndexFunc(f[4], notPathData); i >= 0 {
			return nil, fmt.Errorf("svgmap data:%d: %q in path data", line, f[4][i:i+1])
		}
		names := strings.Split(f[3], "|")
		c := &Country{Code: f[0], Region: f[1], Subregion: f[2], Name: names[0], Names: names, Path: f[4]}
		w.Countries = append(w.Countries, c)
		for _, n := range names {
			// The first country to claim a name keeps it: an alias
			// never takes another country's own name.
			if s := generator.Slugify(n); s != "" && w.bySlug[s] == nil {
				w.bySlug[s] = c
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("svgmap data: %w", err)
	}
	if w.Width == 0 {
		return nil, fmt.Errorf("svgmap data: no size line")
	}
	return w, nil
}

// notPathData is true of a character the map's path data never holds.
func notPathData(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return false
	}
	return !strings.ContainsRune(" ,.-", r)
}
