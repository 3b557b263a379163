package shares

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestRunCoversEveryItemOnce checks that the shares cover [0, n) with no
// gap and no overlap, for lists shorter and longer than least.
func TestRunCoversEveryItemOnce(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, n := range []int{0, 1, 7, 255, 256, 1000, 4097} {
		seen := make([]atomic.Int32, n)
		var calls atomic.Int32
		Run(n, 256, func(lo, hi int) {
			calls.Add(1)
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
		})
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: item %d done %d times", n, i, c)
			}
		}
		if want := max(1, min(4, n/256)); int(calls.Load()) != want {
			t.Errorf("n=%d: %d shares, want %d", n, calls.Load(), want)
		}
	}
}
