package search

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/briefing-digest/briefing/internal/shares"
)

// Incremental writes the same shards as Dictionary.Shards, but keeps
// each word's postings, their weights and their encoding between calls,
// so that after an edit to a few articles (serve) it weighs again only
// those articles' postings, encodes again only their words, and writes
// again only the shards that hold them. A date moved renumbers articles
// without changing any weight: the postings move, and are only written
// again.
//
// A word's weights depend on every article through the average length,
// which nearly every edit moves a little. Each word therefore keeps the
// range of averages over which none of its weights would round to
// another level, and is weighed again in full only when the new average
// leaves that range, or when as many articles no longer hold it (its
// rarity changes every weight).
type Incremental struct {
	dict *Dictionary
	mu   sync.Mutex

	ok       bool // the fields below describe docs
	docs     []Analysis
	n        int // shards
	avg      float64
	postings [][]posting
	imp      [][]uint8 // each posting's weight
	enc      [][]byte
	lo, hi   []float64 // the averages over which enc stays as it is
	key      []string  // Key(word, nil), once worked out
	keySize  map[string]int
	heavy    []string
	isHeavy  map[string]bool
	shardOf  []int32   // the shard a word is in, -1 for none
	byShard  [][]int32 // each shard's words, in the order written
	shards   [][]byte
}

// NewIncremental keeps the index of articles analysed by dict.
func NewIncremental(dict *Dictionary) *Incremental {
	return &Incremental{dict: dict}
}

// Shards is Dictionary.Shards of docs, which must come from the
// Dictionary x was made with. The shards returned are shared with later
// calls and must not be changed.
func (x *Incremental) Shards(docs []Analysis, n int) (shards [][]byte, heavy []string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.dict.mu.Lock()
	words := x.dict.words[:len(x.dict.words):len(x.dict.words)]
	x.dict.mu.Unlock()
	if !x.ok || len(docs) != len(x.docs) || n != x.n {
		x.full(docs, words, n)
	} else if !x.update(docs, words) {
		x.full(docs, words, n)
	}
	return slices.Clone(x.shards), slices.Clone(x.heavy)
}

// changedLimit is how many articles may change before gathering every
// word again is cheaper than moving their postings one by one; a date
// moved renumbers a run of articles, and that run is usually longer.
const changedLimit = 64

func (x *Incremental) full(docs []Analysis, words []string, n int) {
	x.ok = false
	x.docs = slices.Clone(docs)
	x.n = n
	x.postings = make([][]posting, len(words))
	for i, d := range docs {
		for _, wc := range d.Words {
			x.postings[wc.ID] = append(x.postings[wc.ID], posting{doc: int32(i), count: wc.Count})
		}
	}
	x.avg = averageLength(docs)
	x.enc = make([][]byte, len(words))
	x.imp = make([][]uint8, len(words))
	x.lo, x.hi = make([]float64, len(words)), make([]float64, len(words))
	x.key = make([]string, len(words))
	x.keySize = map[string]int{}
	for id, list := range x.postings {
		x.key[id] = Key(words[id], nil)
		if len(list) > 0 {
			x.encode(id, docs)
			x.keySize[x.key[id]] += x.size(id, words)
		}
	}
	x.heavy, x.isHeavy = x.heavyKeys()
	x.assign(words)
	x.ok = true
}

func averageLength(docs []Analysis) float64 {
	var total float64
	for _, d := range docs {
		total += d.Length
	}
	return max(total/float64(max(len(docs), 1)), 1)
}

// size is what word id adds to its prefix's size in Dictionary.Shards.
func (x *Incremental) size(id int, words []string) int {
	return len(x.enc[id]) + len(words[id]) + 6
}

// encode weighs every posting of word id again and writes them.
func (x *Incremental) encode(id int, docs []Analysis) {
	x.imp[id] = make([]uint8, len(x.postings[id]))
	x.lo[id], x.hi[id] = weigh(x.imp[id], x.postings[id], docs, x.avg)
	x.enc[id] = appendWeighed(nil, x.postings[id], x.imp[id])
}

// reweigh weighs again only the postings of word id for the articles
// changed: if as many articles hold the word as before and the average
// stays in its range, the weights of the others stand.
func (x *Incremental) reweigh(id int, docs []Analysis, changed []int) {
	list, imp := x.postings[id], x.imp[id]
	idf := inverseFrequency(len(list), len(docs))
	lo, hi := x.lo[id], x.hi[id]
	for _, i := range changed {
		if k, found := slices.BinarySearchFunc(list, int32(i), byDoc); found {
			var l, h float64
			imp[k], l, h = weighOne(list[k], idf, docs, x.avg)
			lo, hi = max(lo, l), min(hi, h)
		}
	}
	x.lo[id], x.hi[id] = within(lo, hi, x.avg)
	x.enc[id] = appendWeighed(nil, list, imp)
}

func (x *Incremental) heavyKeys() ([]string, map[string]bool) {
	var heavy []string
	isHeavy := map[string]bool{}
	for k, size := range x.keySize {
		if size > heavyBytes && x.n > 1 {
			isHeavy[k] = true
			heavy = append(heavy, k)
		}
	}
	slices.Sort(heavy)
	return heavy, isHeavy
}

// assign puts every word in its shard and writes every shard.
func (x *Incremental) assign(words []string) {
	x.shardOf = make([]int32, len(words))
	x.byShard = make([][]int32, x.n)
	for id := range words {
		x.shardOf[id] = -1
		if len(x.postings[id]) > 0 {
			s := Shard(Key(words[id], x.isHeavy), x.n)
			x.shardOf[id] = int32(s)
			x.byShard[s] = append(x.byShard[s], int32(id))
		}
	}
	x.shards = make([][]byte, x.n)
	for s := range x.byShard {
		x.sortShard(s, words)
		x.writeShard(s, words)
	}
}

func (x *Incremental) sortShard(s int, words []string) {
	slices.SortFunc(x.byShard[s], func(a, b int32) int { return strings.Compare(words[a], words[b]) })
}

func (x *Incremental) writeShard(s int, words []string) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, id := range x.byShard[s] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(words[id])
		b.WriteString(`":"`)
		b.Write(x.enc[id])
		b.WriteByte('"')
	}
	b.WriteString("}\n")
	x.shards[s] = b.Bytes()
}

// update brings the kept index to docs, numbered as before; it reports
// false if too much changed to be worth it.
func (x *Incremental) update(docs []Analysis, words []string) bool {
	removed, added, newOf, ok := x.match(docs)
	if !ok {
		return false
	}
	// Words the dictionary learnt since have no postings yet.
	for len(x.postings) < len(words) {
		id := len(x.postings)
		x.postings = append(x.postings, nil)
		x.enc = append(x.enc, nil)
		x.imp = append(x.imp, nil)
		x.lo, x.hi = append(x.lo, 0), append(x.hi, 0)
		x.key = append(x.key, Key(words[id], nil))
		x.shardOf = append(x.shardOf, -1)
	}
	touched := make([]bool, len(x.postings))
	before := map[int32]int{} // how many articles held each touched word
	touch := func(id int32) {
		if !touched[id] {
			touched[id] = true
			before[id] = len(x.postings[id])
		}
	}
	for _, i := range removed {
		for _, wc := range x.docs[i].Words {
			touch(wc.ID)
			list := x.postings[wc.ID]
			if k, found := slices.BinarySearchFunc(list, int32(i), byDoc); found {
				x.postings[wc.ID] = slices.Delete(list, k, k+1)
				x.imp[wc.ID] = slices.Delete(x.imp[wc.ID], k, k+1)
			}
		}
	}
	var renumbered []bool // words whose postings point elsewhere
	if newOf != nil {
		renumbered = x.renumber(newOf)
	}
	for _, i := range added {
		for _, wc := range docs[i].Words {
			touch(wc.ID)
			list := x.postings[wc.ID]
			k, _ := slices.BinarySearchFunc(list, int32(i), byDoc)
			x.postings[wc.ID] = slices.Insert(list, k, posting{doc: int32(i), count: wc.Count})
			x.imp[wc.ID] = slices.Insert(x.imp[wc.ID], k, 0) // weighed below
		}
	}
	x.docs = slices.Clone(docs)
	changed := added

	avg := averageLength(docs)
	moved := avg != x.avg
	x.avg = avg
	dirty := map[int]bool{}
	var reshelve []int32 // words that came or went
	var rewrite []int32  // words whose postings only moved, to write again
	type weighing struct {
		id      int32
		old     []byte // its encoding before, if it had one
		had     bool
		reweigh bool // only the changed articles' postings, not all
	}
	var weigh []weighing
	for id := range x.postings {
		if len(x.postings[id]) == 0 {
			if x.shardOf[id] >= 0 {
				x.keySize[x.key[id]] -= x.size(id, words)
				x.enc[id] = nil
				reshelve = append(reshelve, int32(id))
			}
			continue
		}
		inRange := !moved || x.lo[id] <= avg && avg <= x.hi[id]
		if !touched[id] && inRange {
			if renumbered != nil && renumbered[id] {
				rewrite = append(rewrite, int32(id))
				dirty[int(x.shardOf[id])] = true
			}
			continue
		}
		wg := weighing{id: int32(id), had: x.shardOf[id] >= 0}
		if wg.had {
			wg.old = x.enc[id]
			x.keySize[x.key[id]] -= x.size(id, words)
		}
		wg.reweigh = wg.had && inRange && before[int32(id)] == len(x.postings[id])
		weigh = append(weigh, wg)
	}
	// Each word is weighed and written on its own, so on every core: a
	// date moved renumbers a run of articles, and with them every common
	// word's postings, thousands of lists.
	shares.Run(len(weigh)+len(rewrite), 256, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			switch {
			case i >= len(weigh):
				id := rewrite[i-len(weigh)]
				x.enc[id] = appendWeighed(nil, x.postings[id], x.imp[id])
			case weigh[i].reweigh:
				x.reweigh(int(weigh[i].id), docs, changed)
			default:
				x.encode(int(weigh[i].id), docs)
			}
		}
	})
	for _, wg := range weigh {
		id := int(wg.id)
		x.keySize[x.key[id]] += x.size(id, words)
		if !wg.had {
			reshelve = append(reshelve, wg.id)
		} else if !bytes.Equal(wg.old, x.enc[id]) {
			dirty[int(x.shardOf[id])] = true
		}
	}

	heavy, isHeavy := x.heavyKeys()
	if !slices.Equal(heavy, x.heavy) {
		// Words move between shards; write them all again.
		x.heavy, x.isHeavy = heavy, isHeavy
		x.assign(words)
		return true
	}
	for _, id := range reshelve {
		if s := x.shardOf[id]; s >= 0 {
			x.byShard[s] = slices.DeleteFunc(x.byShard[s], func(w int32) bool { return w == id })
			x.shardOf[id] = -1
			dirty[int(s)] = true
		}
		if len(x.postings[id]) > 0 {
			s := Shard(Key(words[id], x.isHeavy), x.n)
			x.shardOf[id] = int32(s)
			x.byShard[s] = append(x.byShard[s], id)
			x.sortShard(s, words)
			dirty[s] = true
		}
	}
	list := make([]int, 0, len(dirty))
	for s := range dirty {
		list = append(list, s)
	}
	shares.Run(len(list), 32, func(lo, hi int) {
		for _, s := range list[lo:hi] {
			x.writeShard(s, words)
		}
	})
	return true
}

// match pairs docs with the articles kept: removed are the kept ones
// (by their old numbers) that are no more, added the new ones (by their
// new numbers), and newOf, unless every article kept keeps its number,
// each kept article's new number (-1 if removed). It reports false if
// too much changed.
func (x *Incremental) match(docs []Analysis) (removed, added []int, newOf []int32, ok bool) {
	var changed []int
	for i := range docs {
		if !sameAnalysis(docs[i], x.docs[i]) {
			changed = append(changed, i)
			if len(changed) > changedLimit {
				break
			}
		}
	}
	if len(changed) <= changedLimit {
		return changed, changed, nil, true
	}
	// A date moved renumbers a run of articles that are otherwise as
	// they were: find each by its words, which an article not read
	// again keeps as the very same slice.
	oldAt := make(map[*WordCount]int32, len(x.docs))
	for o, d := range x.docs {
		if len(d.Words) > 0 {
			oldAt[&d.Words[0]] = int32(o)
		}
	}
	newOf = make([]int32, len(x.docs))
	for o := range newOf {
		newOf[o] = -1
	}
	for i, d := range docs {
		if len(d.Words) == 0 {
			continue // no postings to place
		}
		if o, found := oldAt[&d.Words[0]]; found && newOf[o] < 0 && sameAnalysis(d, x.docs[o]) {
			newOf[o] = int32(i)
			continue
		}
		if added = append(added, i); len(added) > changedLimit {
			return nil, nil, nil, false
		}
	}
	for o, d := range x.docs {
		if newOf[o] < 0 && len(d.Words) > 0 {
			removed = append(removed, o)
		}
	}
	return removed, added, newOf, len(removed) <= changedLimit
}

// renumber moves every posting to its article's new number, keeping
// each list in order, and reports which words' postings moved.
func (x *Incremental) renumber(newOf []int32) []bool {
	moved := make([]bool, len(x.postings))
	for id, list := range x.postings {
		sorted := true
		for k := range list {
			d := newOf[list[k].doc]
			if d != list[k].doc {
				moved[id] = true
			}
			list[k].doc = d
			if k > 0 && list[k-1].doc > d {
				sorted = false
			}
		}
		if !sorted {
			sortPostings(list, x.imp[id])
		}
	}
	return moved
}

// sortPostings puts list in article order, with each weight in imp
// moving along with its posting.
func sortPostings(list []posting, imp []uint8) {
	type weighed struct {
		p   posting
		imp uint8
	}
	both := make([]weighed, len(list))
	for k := range list {
		both[k] = weighed{list[k], imp[k]}
	}
	slices.SortFunc(both, func(a, b weighed) int { return int(a.p.doc - b.p.doc) })
	for k := range both {
		list[k], imp[k] = both[k].p, both[k].imp
	}
}

func byDoc(p posting, doc int32) int { return int(p.doc - doc) }

// sameAnalysis reports whether a and b are the same words and length;
// an article not read again keeps the very same slice.
func sameAnalysis(a, b Analysis) bool {
	if a.Length != b.Length || len(a.Words) != len(b.Words) {
		return false
	}
	if len(a.Words) == 0 || &a.Words[0] == &b.Words[0] {
		return true
	}
	return slices.Equal(a.Words, b.Words)
}

// margin is how far, in the units impact rounds, a weight is kept from
// the point where it would round the other way before its range of
// averages ends: far more than the rounding error of the sums, so that
// within the range the weight is certainly the one written.
const margin = 1e-6

// levelScores[k] are the lowest and highest scores, less the margin,
// that impact puts at level k+1: 3·log1p(4s) rounds to k.
var levelScores = func() (out [maxImpact][2]float64) {
	score := func(x float64) float64 { return math.Expm1(x/3) / 4 }
	for k := range out {
		out[k] = [2]float64{score(float64(k) - 0.5 + margin), score(float64(k) + 0.5 - margin)}
	}
	return out
}()

// weigh works out the weight of every posting of a word as
// encodePostings does, and the averages lo..hi (avg among them) over
// which none of them would change.
func weigh(imp []uint8, list []posting, docs []Analysis, avg float64) (lo, hi float64) {
	idf := inverseFrequency(len(list), len(docs))
	lo, hi = 0, math.Inf(1)
	for k, p := range list {
		var l, h float64
		imp[k], l, h = weighOne(p, idf, docs, avg)
		lo, hi = max(lo, l), min(hi, h)
	}
	return within(lo, hi, avg)
}

func inverseFrequency(df, n int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// within is lo..hi, or only avg if that leaves avg out.
func within(lo, hi, avg float64) (float64, float64) {
	if !(lo <= avg && avg <= hi) {
		return avg, avg // too near a change of level to trust a range
	}
	return lo, hi
}

// weighOne is one posting's weight, as encodePostings works it out, and
// the averages over which it stays the same.
func weighOne(p posting, idf float64, docs []Analysis, avg float64) (imp uint8, lo, hi float64) {
	tf := float64(p.count)
	norm := tf + k1*(1-b+b*docs[p.doc].Length/avg)
	w := impact(idf * tf * (k1 + 1) / norm)

	// score = c/(base + m/avg) grows with avg.
	c, base, m := idf*tf*(k1+1), tf+k1*(1-b), k1*b*docs[p.doc].Length
	lo, hi = 0, math.Inf(1)
	level := w - 1 // 3·log1p(4·score) rounded, or 14 for anything above
	if level > 0 {
		d := c/levelScores[level][0] - base
		if d <= 0 {
			lo = math.Inf(1)
		} else {
			lo = m / d
		}
	}
	if level < maxImpact-1 {
		if d := c/levelScores[level][1] - base; d > 0 {
			hi = m / d
		}
	}
	return uint8(w), lo, hi
}

// appendWeighed writes postings with their weights as encodePostings does.
func appendWeighed(buf []byte, list []posting, imp []uint8) []byte {
	prev := int32(-1)
	for k, p := range list {
		buf = appendNumber(buf, uint64(p.doc-prev)<<4|uint64(imp[k]))
		prev = p.doc
	}
	return buf
}
