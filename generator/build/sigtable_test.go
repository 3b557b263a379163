package build

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/briefing-digest/briefing/generator/render"
)

// TestSigTableMatchesByPath runs a table through plans that insert,
// drop, move and re-fingerprint paths, and checks each comparison with
// one made by path alone: a file is stale exactly when its path is new
// or its fingerprint changed, and gone exactly when its path left.
func TestSigTableMatchesByPath(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var table sigTable
	last := map[string]uint64{}
	var paths []string
	next := 0
	for step := range 400 {
		// Change the plan as a save might: a few paths come, go, move or
		// change their fingerprint; sometimes a run of them shifts.
		switch {
		case step == 0 || len(paths) == 0:
			for range 50 {
				paths = append(paths, fmt.Sprint("p", next))
				next++
			}
		default:
			for range r.IntN(4) {
				i := r.IntN(len(paths) + 1)
				paths = slices.Insert(paths, i, fmt.Sprint("p", next))
				next++
			}
			for range r.IntN(3) {
				if len(paths) > 1 {
					i := r.IntN(len(paths))
					paths = slices.Delete(paths, i, i+1)
				}
			}
			if r.IntN(3) == 0 && len(paths) > 2 {
				i, j := r.IntN(len(paths)), r.IntN(len(paths))
				p := paths[i]
				paths = slices.Delete(paths, i, i+1)
				paths = slices.Insert(paths, min(j, len(paths)), p)
			}
		}
		sigs := make([]uint64, len(paths))
		for i, p := range paths {
			sigs[i] = last[p]
			if _, ok := last[p]; !ok || r.IntN(10) == 0 {
				sigs[i] = r.Uint64()
			}
		}
		all := r.IntN(50) == 0
		stale, gone := table.compare(len(paths), func(i int) string { return paths[i] }, sigs, all)

		now := map[string]uint64{}
		for i, p := range paths {
			old, ok := last[p]
			if want := all || !ok || old != sigs[i]; stale[i] != want {
				t.Fatalf("step %d: %s stale %v, want %v", step, p, stale[i], want)
			}
			now[p] = sigs[i]
		}
		var wantGone []string
		for p := range last {
			if _, ok := now[p]; !ok {
				wantGone = append(wantGone, p)
			}
		}
		slices.Sort(gone)
		slices.Sort(wantGone)
		if !slices.Equal(gone, wantGone) {
			t.Fatalf("step %d: gone %v, want %v", step, gone, wantGone)
		}
		table.replace(len(paths), func(i int) string { return paths[i] }, sigs, gone)
		last = now
	}
}

// TestSigTableCarry: after a save, a file EditSigs left out keeps its
// fingerprint and does not render, a fingerprinted one renders only when
// it changed, and a new or Stale one renders with its fingerprint
// forgotten.
func TestSigTableCarry(t *testing.T) {
	var table sigTable
	old := []string{"a", "b", "c", "d"}
	table.replace(len(old), func(i int) string { return old[i] }, []uint64{1, 2, 3, 4}, nil)

	now := []string{"b", "c", "d", "e", "f"}
	sigs := []uint64{0, 30, 4, 0, 0}
	known := []render.Known{render.Carried, render.Computed, render.Computed, render.Carried, render.Stale}
	stale, gone := table.carry(len(now), func(i int) string { return now[i] }, sigs, known)
	if want := []bool{false, true, false, true, true}; !slices.Equal(stale, want) {
		t.Errorf("stale %v, want %v", stale, want)
	}
	if want := []uint64{2, 30, 4, 0, 0}; !slices.Equal(sigs, want) {
		t.Errorf("fingerprints %v, want %v", sigs, want)
	}
	if !slices.Equal(gone, []string{"a"}) {
		t.Errorf("gone %v, want [a]", gone)
	}
}
