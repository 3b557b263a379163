package main

import (
	"math"
	"strings"
	"testing"
)

func TestEqualEarthKnownPoints(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-3 }
	if x, y := equalEarth(0, 0); x != 0 || y != 0 {
		t.Errorf("(0, 0) → (%g, %g), want the origin", x, y)
	}
	// The projection's published extents: the equator runs to ±2.7064,
	// the poles sit at ±1.3173.
	if x, _ := equalEarth(180, 0); !near(x, 2.7064) {
		t.Errorf("(180, 0) → x %g, want 2.7064", x)
	}
	if _, y := equalEarth(0, 90); !near(y, 1.3173) {
		t.Errorf("(0, 90) → y %g, want 1.3173", y)
	}
	if x, y := equalEarth(-30, -45); x >= 0 || y >= 0 {
		t.Errorf("(-30, -45) → (%g, %g): west and south must be negative", x, y)
	}
}

// An equal-area projection draws every 1° cell with the area it has on
// the globe, which shrinks with the cosine of its latitude.
func TestEqualEarthKeepsArea(t *testing.T) {
	cell := func(lat float64) float64 {
		var r []point
		for _, p := range [][2]float64{{10, lat}, {11, lat}, {11, lat + 1}, {10, lat + 1}} {
			x, y := equalEarth(p[0], p[1])
			r = append(r, point{x, y})
		}
		globe := (math.Sin((lat+1)*math.Pi/180) - math.Sin(lat*math.Pi/180)) * math.Pi / 180
		return math.Abs(area(r)) / globe
	}
	ref := cell(0)
	for _, lat := range []float64{20, 45, 60, 75, -50} {
		if ratio := cell(lat) / ref; math.Abs(ratio-1) > 0.01 {
			t.Errorf("a cell at %g° is drawn %.3f times its share of the globe", lat, ratio)
		}
	}
}

func TestSimplifyKeepsCornersAndEnds(t *testing.T) {
	line := []point{{0, 0}, {1, 0.1}, {2, -0.1}, {3, 0}, {3, 5}, {3.1, 6}, {3, 10}}
	got := simplify(line, 0.5)
	want := []point{{0, 0}, {3, 0}, {3, 10}}
	if len(got) != len(want) {
		t.Fatalf("simplify = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("simplify = %v, want %v", got, want)
		}
	}
	// Within tolerance of nothing: every point stays.
	if got := simplify(line, 0); len(got) != len(line) {
		t.Errorf("tolerance 0 dropped points: %v", got)
	}
	// A spike further out than the tolerance stays.
	spike := []point{{0, 0}, {5, 3}, {10, 0}}
	if got := simplify(spike, 1); len(got) != 3 {
		t.Errorf("simplify dropped a spike of 3 with tolerance 1: %v", got)
	}
}

func TestUnwrapKeepsAnArcOnOneSide(t *testing.T) {
	// Fiji-like: mostly east of the antimeridian, a few points west.
	arc := []point{{178, -17}, {179.5, -16.5}, {-179.8, -16.2}, {-179.9, -16.8}, {179, -17.2}, {178, -17}}
	got := unwrap(arc)
	for _, p := range got {
		if p.x < 0 {
			t.Fatalf("unwrap left a point west of the antimeridian: %v", got)
		}
	}
	if got[2].x != 180 || got[2].y != -16.2 {
		t.Errorf("a point across the line went to %v, want it on the meridian at the same latitude", got[2])
	}
	plain := []point{{10, 10}, {-10, 10}}
	if got := unwrap(plain); got[1].x != -10 {
		t.Errorf("unwrap moved an arc that does not cross the antimeridian: %v", got)
	}
}

// A two-country topology, quantised, with one border shared (arc 0):
// a square cut in two halves, and a tiny island for the second.
const tinyTopology = `{
 "type": "Topology",
 "transform": {"scale": [1, 1], "translate": [0, 0]},
 "objects": {"countries": {"type": "GeometryCollection", "geometries": [
  {"type": "Polygon", "id": "001", "properties": {"name": "West"}, "arcs": [[0, 1]]},
  {"type": "MultiPolygon", "id": "002", "properties": {"name": "East"}, "arcs": [[[-1, 2]], [[3]]]},
  {"type": null, "id": "003", "properties": {"name": "Nowhere"}}
 ]}},
 "arcs": [
  [[10, 0], [0, 10]],
  [[10, 10], [-10, 0], [0, -10], [10, 0]],
  [[10, 0], [10, 0], [0, 10], [-10, 0]],
  [[30, 5], [0, 0.1], [0.1, 0], [0, -0.1], [-0.1, 0]]
 ]
}`

func TestDecodeTopologyJoinsArcs(t *testing.T) {
	features, arcs, err := decodeTopology([]byte(tinyTopology), "countries")
	if err != nil {
		t.Fatal(err)
	}
	if len(features) != 2 {
		t.Fatalf("got %d features, want the 2 with shapes", len(features))
	}
	// Arc 0 is delta-encoded: (10,0) then a step of (0,10).
	if arcs[0][1] != (point{10, 10}) {
		t.Errorf("arc 0 ends at %v, want (10, 10)", arcs[0][1])
	}
	west := ring(features[0].polygons[0][0], arcs)
	wantWest := []point{{10, 0}, {10, 10}, {0, 10}, {0, 0}, {10, 0}}
	if len(west) != len(wantWest) {
		t.Fatalf("west ring %v, want %v", west, wantWest)
	}
	for i := range wantWest {
		if west[i] != wantWest[i] {
			t.Fatalf("west ring %v, want %v", west, wantWest)
		}
	}
	east := ring(features[1].polygons[0][0], arcs)
	if east[0] != (point{10, 10}) || east[1] != (point{10, 0}) || east[len(east)-1] != (point{10, 10}) {
		t.Errorf("east ring %v should run the shared border backwards and close", east)
	}
	if _, _, err := decodeTopology([]byte(tinyTopology), "land"); err == nil {
		t.Error("no error for a missing object")
	}
	bad := strings.Replace(tinyTopology, `[[3]]`, `[[9]]`, 1)
	if _, _, err := decodeTopology([]byte(bad), "countries"); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("arc out of range: err %v", err)
	}
}

func TestFeaturePathDropsOnlySpareIslands(t *testing.T) {
	features, arcs, err := decodeTopology([]byte(tinyTopology), "countries")
	if err != nil {
		t.Fatal(err)
	}
	scaled := make([][]point, len(arcs))
	for i, a := range arcs {
		for _, p := range a {
			scaled[i] = append(scaled[i], point{p.x * 10, p.y * 10})
		}
	}
	// East: a 100 × 100 half and an island of 1 × 1, under minArea 6.
	d := featurePath(features[1], scaled, 6)
	if n := strings.Count(d, "M"); n != 1 {
		t.Errorf("east has %d rings (%s), want the island dropped", n, d)
	}
	// An island that is all a country has stays, however small.
	alone := feature{polygons: [][][]int{{{3}}}}
	if d := featurePath(alone, scaled, 6); strings.Count(d, "M") != 1 {
		t.Errorf("a lone island was dropped: %q", d)
	}
	// Relative steps: the west half is M100 0, then round its square.
	if d := featurePath(features[0], scaled, 6); d != "M100 0l0 100-100 0 0-100z" {
		t.Errorf("west path = %q", d)
	}
}
