package theme_test

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// rgb is an sRGB colour as getComputedStyle reports it, channels 0-255.
type rgb struct{ r, g, b float64 }

// parseColour reads "rgb(r, g, b)" and opaque "rgba(r, g, b, 1)". A
// translucent colour is refused: its contrast depends on what lies below.
func parseColour(s string) (rgb, error) {
	s = strings.TrimSpace(s)
	var body string
	switch {
	case strings.HasPrefix(s, "rgb(") && strings.HasSuffix(s, ")"):
		body = s[4 : len(s)-1]
	case strings.HasPrefix(s, "rgba(") && strings.HasSuffix(s, ")"):
		body = s[5 : len(s)-1]
	default:
		return rgb{}, fmt.Errorf("colour %q is not rgb() or rgba()", s)
	}
	parts := strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
	if len(parts) != 3 && len(parts) != 4 {
		return rgb{}, fmt.Errorf("colour %q has %d channels", s, len(parts))
	}
	var v [4]float64
	v[3] = 1
	for i, p := range parts {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return rgb{}, fmt.Errorf("colour %q: %w", s, err)
		}
		v[i] = f
	}
	if v[3] != 1 {
		return rgb{}, fmt.Errorf("colour %q is translucent", s)
	}
	return rgb{v[0], v[1], v[2]}, nil
}

func mustColour(t *testing.T, s string) rgb {
	t.Helper()
	c, err := parseColour(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// luminance is WCAG 2's relative luminance: 0 for black, 1 for white.
func (c rgb) luminance() float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// contrast is WCAG 2's contrast ratio, from 1:1 to 21:1.
func contrast(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"rgb(0, 0, 0)", "rgb(255, 255, 255)", 21},
		{"rgb(255, 255, 255)", "rgb(255, 255, 255)", 1},
		{"rgb(119, 119, 119)", "rgb(255, 255, 255)", 4.48}, // #777: just short of AA
		{"rgba(118, 118, 118, 1)", "rgb(255, 255, 255)", 4.54},
	}
	for _, tt := range tests {
		got := contrast(mustColour(t, tt.a), mustColour(t, tt.b))
		if math.Abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
	for _, bad := range []string{"rgba(0, 0, 0, 0.5)", "oklch(0.5 0.1 20)", "rgb(1, 2)"} {
		if _, err := parseColour(bad); err == nil {
			t.Errorf("parseColour(%q) succeeded, want an error", bad)
		}
	}
}
