package svgmap

import (
	"strings"
	"testing"
)

func TestLevelIsLogarithmic(t *testing.T) {
	cases := []struct{ count, max, want int }{
		{0, 100, 0},
		{1, 100, 1},   // named once: the palest covered shade, never none
		{10, 100, 2},  // a tenth of the top is half way up on a log scale
		{50, 100, 3},  // linear would make this the middle
		{100, 100, 4}, // the most covered is the darkest
		{1, 1, 4},     // one article each: all are the most covered
		{3, 2, 4},     // never beyond the scale
		{5, 0, 0},
	}
	for _, c := range cases {
		if got := Level(c.count, c.max); got != c.want {
			t.Errorf("Level(%d, %d) = %d, want %d", c.count, c.max, got, c.want)
		}
	}
}

func TestLegendCoversEveryCount(t *testing.T) {
	for _, max := range []int{1, 2, 3, 7, 100, 2500} {
		steps := Legend(max)
		next := 1
		for i, s := range steps {
			if s.From != next || s.To < s.From {
				t.Fatalf("Legend(%d) step %d is %d–%d, want it to start at %d", max, i, s.From, s.To, next)
			}
			if i > 0 && s.Level <= steps[i-1].Level {
				t.Fatalf("Legend(%d): shades not increasing: %+v", max, steps)
			}
			for n := s.From; n <= s.To; n++ {
				if Level(n, max) != s.Level {
					t.Fatalf("Legend(%d) says %d is shade %d, Level says %d", max, n, s.Level, Level(n, max))
				}
			}
			next = s.To + 1
		}
		if next != max+1 {
			t.Errorf("Legend(%d) ends at %d", max, next-1)
		}
	}
}

func TestEmbeddedWorld(t *testing.T) {
	w, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if w.Width != 1000 || w.Height < 400 || w.Height > 520 {
		t.Errorf("map is %d × %d; want 1000 wide and about half as high, as Equal Earth without Antarctica is", w.Width, w.Height)
	}
	drawn := 0
	for _, c := range w.Countries {
		if c.Path != "" {
			drawn++
			if !strings.HasPrefix(c.Path, "M") || !strings.HasSuffix(c.Path, "z") {
				t.Errorf("%s: path %.20q… is not closed rings", c.Name, c.Path)
			}
		}
	}
	if drawn < 170 {
		t.Errorf("only %d countries have outlines; Natural Earth's 1:110m map has 176 without Antarctica", drawn)
	}
	// Terms are filed under the gazetteer's names and their other spellings.
	for name, want := range map[string]string{
		"United States": "Americas", "USA": "Americas", "DR Congo": "Africa", "Ivory Coast": "Africa",
		"Türkiye": "Asia", "Russia": "Europe", "Taiwan": "Asia", "Kosovo": "Europe", "Fiji": "Oceania",
		"Singapore": "Asia", // too small to draw, but still in its region
	} {
		c := w.Lookup(name)
		if c == nil {
			t.Errorf("Lookup(%q) found nothing", name)
			continue
		}
		if c.Region != want {
			t.Errorf("%s is in %q, want %q", name, c.Region, want)
		}
	}
	if c := w.Lookup("Singapore"); c != nil && c.Path != "" {
		t.Errorf("Singapore has an outline at 1:110m; the data changed")
	}
	if c := w.Lookup("Atlantis"); c != nil {
		t.Errorf("Lookup(Atlantis) = %s", c.Name)
	}
	// The widest country must not cross the map: Russia and Fiji run over
	// the antimeridian in Natural Earth's data.
	for _, name := range []string{"Russia", "Fiji", "United States"} {
		if span := pathSpan(w.Lookup(name).Path); span > 700 {
			t.Errorf("%s spans %d of the map's 1000 units: an outline wraps around the antimeridian", name, span)
		}
	}
}

// pathSpan is how wide a path is in x, following its relative steps.
func pathSpan(d string) int {
	lo, hi := 1<<30, -1<<30
	for _, ring := range strings.Split(d, "M")[1:] {
		ring = strings.TrimSuffix(ring, "z")
		head, steps, _ := strings.Cut(ring, "l")
		var x, y int
		parseInts(head, func(i, n int) {
			if i == 0 {
				x = n
			} else {
				y = n
			}
		})
		_ = y
		lo, hi = min(lo, x), max(hi, x)
		parseInts(steps, func(i, n int) {
			if i%2 == 0 {
				x += n
				lo, hi = min(lo, x), max(hi, x)
			}
		})
	}
	return hi - lo
}

// parseInts calls f with each number of s ("12 -3-4 5") and its index.
func parseInts(s string, f func(i, n int)) {
	i, n, neg, in := 0, 0, false, false
	flush := func() {
		if in {
			if neg {
				n = -n
			}
			f(i, n)
			i++
		}
		n, neg, in = 0, false, false
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n, in = n*10+int(r-'0'), true
		case r == '-':
			flush()
			neg = true
		default:
			flush()
		}
	}
	flush()
}

func TestParseRejectsBadData(t *testing.T) {
	for name, src := range map[string]string{
		"no size":      "004\tAsia\tSouthern Asia\tAfghanistan\tM0 0l1 0 0 1z\n",
		"short line":   "size\t1000\t469\n004\tAsia\tAfghanistan\n",
		"bad size":     "size\t0\tx\n",
		"nameless row": "size\t1000\t469\n004\tAsia\tSouthern Asia\t\tM0 0z\n",
		// Pages write path data without escaping it.
		"markup in a path": "size\t1000\t469\n004\tAsia\tSouthern Asia\tAfghanistan\tM0 0\"/><script>z\n",
		"quote in a path":  "size\t1000\t469\n004\tAsia\tSouthern Asia\tAfghanistan\tM0 0'z\n",
	} {
		if _, err := parse(src); err == nil {
			t.Errorf("%s: parse accepted %q", name, src)
		}
	}
}
