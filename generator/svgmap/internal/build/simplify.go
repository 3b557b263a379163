package main

import "math"

type point struct{ x, y float64 }

// simplify drops the points of line that lie within tolerance of the
// straight run between the points kept around them (Douglas–Peucker).
// The ends are always kept: lines here are TopoJSON arcs, shared by two
// countries, so simplifying each arc once keeps their border one line.
func simplify(line []point, tolerance float64) []point {
	if len(line) < 3 {
		return line
	}
	keep := make([]bool, len(line))
	keep[0], keep[len(line)-1] = true, true
	type span struct{ from, to int }
	stack := []span{{0, len(line) - 1}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		far, farAt := -1.0, -1
		for i := s.from + 1; i < s.to; i++ {
			if d := distance(line[i], line[s.from], line[s.to]); d > far {
				far, farAt = d, i
			}
		}
		if farAt >= 0 && far > tolerance {
			keep[farAt] = true
			stack = append(stack, span{s.from, farAt}, span{farAt, s.to})
		}
	}
	out := make([]point, 0, len(line))
	for i, p := range line {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// distance is how far p lies from the segment a–b.
func distance(p, a, b point) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(p.x-a.x, p.y-a.y)
	}
	t := ((p.x-a.x)*dx + (p.y-a.y)*dy) / l2
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p.x-(a.x+t*dx), p.y-(a.y+t*dy))
}

// area is a ring's signed area (shoelace formula).
func area(ring []point) float64 {
	a := 0.0
	for i := range ring {
		j := (i + 1) % len(ring)
		a += ring[i].x*ring[j].y - ring[j].x*ring[i].y
	}
	return a / 2
}
