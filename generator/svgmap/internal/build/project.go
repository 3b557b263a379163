package main

import "math"

// Equal Earth projection (Šavrič, Patterson and Jenny, 2018): an
// equal-area map of the whole world whose meridians curve gently, so
// large countries near the poles are not blown up as on Mercator and
// shading by coverage is not skewed by area.
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

var eeM = math.Sqrt(3) / 2

// equalEarth projects a longitude and latitude in degrees to plane
// coordinates, x east and y north, in units of the Earth's radius.
func equalEarth(lon, lat float64) (x, y float64) {
	lam := lon * math.Pi / 180
	phi := lat * math.Pi / 180
	t := math.Asin(eeM * math.Sin(phi))
	t2 := t * t
	t6 := t2 * t2 * t2
	x = lam * math.Cos(t) / (eeM * (eeA1 + 3*eeA2*t2 + t6*(7*eeA3+9*eeA4*t2)))
	y = t * (eeA1 + eeA2*t2 + t6*(eeA3+eeA4*t2))
	return x, y
}
