package main

import "github.com/briefing-digest/briefing/generator/extract/gazetteer"

// markClasses gives each token its gazetteer bits. It is the one place the
// trainer learns about gazetteers, so the tagger is trained with the same
// bits the extractor passes at run time: gazetteer.Default().Mark.
var markClasses = func(words []string) []uint32 {
	marks := gazetteer.Default().Mark(words)
	out := make([]uint32, len(marks))
	for i, c := range marks {
		out[i] = uint32(c)
	}
	return out
}
