package content

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/briefing-digest/briefing/generator"
)

// A name as it is written in front matter, with the spelling an article
// files it under (its spaces made single) and that spelling's slug. The
// same few hundred names fill the front matter of every article: read
// into a string of their own each time, at 100,000 articles they were
// 600,000 strings, 30 MB that the collector traced for the whole build.
// Kept once here, every article shares them.
type spelling struct {
	name, slug string
}

var (
	spellings     sync.Map // string as written → spelling
	spellingCount atomic.Int64
)

// maxSpellings bounds what spellings keeps, so a process that reads
// many sites (serve, over a long session of edits) does not grow without
// end; a name past it is worked out each time, as before.
const maxSpellings = 1 << 16

// spell returns the spelling and slug of a name as written.
func spell(written string) spelling {
	if sp, ok := spellings.Load(written); ok {
		return sp.(spelling)
	}
	name := strings.Join(strings.Fields(written), " ")
	sp := spelling{name: name, slug: generator.Slugify(name)}
	if spellingCount.Load() < maxSpellings {
		// A copy of its own: written may be a piece of a bigger string.
		key := strings.Clone(written)
		if name == written {
			sp.name = key
		} else {
			// Joined from one field, name may be a piece of written.
			sp.name = strings.Clone(name)
		}
		if _, loaded := spellings.LoadOrStore(key, sp); !loaded {
			spellingCount.Add(1)
		}
	}
	return sp
}
