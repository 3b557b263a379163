package browsertest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// Colour is an sRGB colour as getComputedStyle reports it, channels 0-255.
// The browser tests of pages and of the email edition both judge text by
// WCAG 2's contrast ratio, so the reading and the ratio live here once.
type Colour struct{ R, G, B float64 }

// ParseColour reads "rgb(r, g, b)" and opaque "rgba(r, g, b, 1)". A
// translucent colour is refused: its contrast depends on what lies below.
func ParseColour(s string) (Colour, error) {
	s = strings.TrimSpace(s)
	var body string
	switch {
	case strings.HasPrefix(s, "rgb(") && strings.HasSuffix(s, ")"):
		body = s[4 : len(s)-1]
	case strings.HasPrefix(s, "rgba(") && strings.HasSuffix(s, ")"):
		body = s[5 : len(s)-1]
	default:
		return Colour{}, fmt.Errorf("colour %q is not rgb() or rgba()", s)
	}
	parts := strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
	if len(parts) != 3 && len(parts) != 4 {
		return Colour{}, fmt.Errorf("colour %q has %d channels", s, len(parts))
	}
	var v [4]float64
	v[3] = 1
	for i, p := range parts {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return Colour{}, fmt.Errorf("colour %q: %w", s, err)
		}
		v[i] = f
	}
	if v[3] != 1 {
		return Colour{}, fmt.Errorf("colour %q is translucent", s)
	}
	return Colour{v[0], v[1], v[2]}, nil
}

// MustColour is ParseColour that fails the test on a colour it cannot read.
func MustColour(t testing.TB, s string) Colour {
	t.Helper()
	c, err := ParseColour(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Luminance is WCAG 2's relative luminance: 0 for black, 1 for white.
func (c Colour) Luminance() float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is WCAG 2's contrast ratio, from 1:1 to 21:1.
func Contrast(a, b Colour) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
