package svgmap

import "math"

// Levels is how many shades a covered country may have; uncovered
// countries are level 0.
const Levels = 4

// Level is the shade, 0 to Levels, of a country named in count articles
// when the most covered is named in max. The scale is logarithmic: a few
// countries take most of the news, and on a linear scale every other
// country would share the palest shade.
func Level(count, max int) int {
	switch {
	case count <= 0 || max <= 0:
		return 0
	case count >= max:
		return Levels
	}
	l := 1 + int(float64(Levels-1)*math.Log(float64(count))/math.Log(float64(max)))
	return min(l, Levels)
}

// Step is one shade of a legend: the counts it stands for.
type Step struct {
	Level    int
	From, To int // article counts, inclusive
}

// Legend lists the shades in use when the most covered country is named
// in max articles, palest first, each with the counts it covers; shades
// no count falls in are left out.
func Legend(max int) []Step {
	var steps []Step
	for n := 1; n <= max; n++ {
		l := Level(n, max)
		if k := len(steps); k > 0 && steps[k-1].Level == l {
			steps[k-1].To = n
			continue
		}
		steps = append(steps, Step{Level: l, From: n, To: n})
	}
	return steps
}
