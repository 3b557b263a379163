package build

import "github.com/briefing-digest/briefing/generator/render"

// sigTable holds the fingerprint of each file of the last rendered plan,
// in plan order, with each path's place. Serve compares a new plan with
// it on every save. Most of a plan's paths keep their place from one
// save to the next, or move together by a few places (an article that
// moves week shifts the ones between), so each is first looked for
// where the last match puts it, and by path only when it is not there.
// Building a map of every path on every save cost more than that.
type sigTable struct {
	paths []string
	sigs  []uint64
	at    map[string]int // each path's index in paths
}

// compare matches the new plan's paths (path(i) for i < n) and
// fingerprints with the table's. stale[i] says whether file i must be
// rendered: it is new, or its fingerprint differs, or all is set. gone
// lists the table's paths the new plan no longer has.
func (t *sigTable) compare(n int, path func(int) string, sigs []uint64, all bool) (stale []bool, gone []string) {
	stale = make([]bool, n)
	gone = t.match(n, path, func(i, j int) {
		stale[i] = j < 0 || all || t.sigs[j] != sigs[i]
	})
	return stale, gone
}

// carry is compare for a rebuild that fingerprinted only the files its
// edits reach (render.Plan.EditSigs): a Carried file keeps the table's
// fingerprint, written into sigs, and renders only when it is new; a
// Computed one renders when its fingerprint changed; a Stale one
// renders, with its fingerprint forgotten.
func (t *sigTable) carry(n int, path func(int) string, sigs []uint64, known []render.Known) (stale []bool, gone []string) {
	stale = make([]bool, n)
	gone = t.match(n, path, func(i, j int) {
		switch {
		case known[i] == render.Stale:
			stale[i], sigs[i] = true, 0
		case j < 0:
			stale[i] = true
			if known[i] == render.Carried {
				sigs[i] = 0
			}
		case known[i] == render.Carried:
			sigs[i] = t.sigs[j]
		default:
			stale[i] = t.sigs[j] != sigs[i]
		}
	})
	return stale, gone
}

// match finds each of the new plan's paths in the table and calls
// found(i, j) with its index there, -1 for a path the table does not
// have; it returns the table's paths the new plan no longer has.
func (t *sigTable) match(n int, path func(int) string, found func(i, j int)) (gone []string) {
	matched := make([]bool, len(t.paths))
	off := 0 // where the last match was, relative to its new place
	for i := range n {
		p := path(i)
		j := i + off
		if j < 0 || j >= len(t.paths) || t.paths[j] != p {
			var ok bool
			if j, ok = t.at[p]; ok && j < len(t.paths) && t.paths[j] == p {
				off = j - i
			} else {
				j = -1
			}
		}
		// A path the plan names twice matches once; the second renders.
		if j >= 0 && matched[j] {
			j = -1
		}
		if j >= 0 {
			matched[j] = true
		}
		found(i, j)
	}
	for j, m := range matched {
		if !m {
			gone = append(gone, t.paths[j])
		}
	}
	return gone
}

// replace makes the new plan's paths and fingerprints the table's. The
// index is updated only where a path is new, moved or gone.
func (t *sigTable) replace(n int, path func(int) string, sigs []uint64, gone []string) {
	if n == len(t.paths) && len(gone) == 0 && t.at != nil {
		same := true
		for i := range n {
			if path(i) != t.paths[i] {
				same = false
				break
			}
		}
		if same { // the same plan, as after most saves
			t.sigs = sigs
			return
		}
	}
	if t.at == nil {
		t.at = make(map[string]int, n)
	}
	for _, p := range gone {
		if i, ok := t.at[p]; ok && i < len(t.paths) && t.paths[i] == p {
			delete(t.at, p)
		}
	}
	paths := make([]string, n)
	for i := range n {
		p := path(i)
		paths[i] = p
		if i >= len(t.paths) || t.paths[i] != p {
			t.at[p] = i
		}
	}
	t.paths, t.sigs = paths, sigs
}
