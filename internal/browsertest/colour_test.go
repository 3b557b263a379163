package browsertest

import (
	"math"
	"testing"
)

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
		got := Contrast(MustColour(t, tt.a), MustColour(t, tt.b))
		if math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.2f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
	for _, bad := range []string{"rgba(0, 0, 0, 0.5)", "oklch(0.5 0.1 20)", "rgb(1, 2)"} {
		if _, err := ParseColour(bad); err == nil {
			t.Errorf("ParseColour(%q) succeeded, want an error", bad)
		}
	}
}
