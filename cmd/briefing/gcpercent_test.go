package main

import "testing"

// A small site's build collects garbage less often; a big one's heap is
// hundreds of megabytes, so from 80,000 articles on it runs with Go's
// own target, on which its peak memory was measured, and in between the
// target never rises as the site grows.
func TestGCTargetFallsToGosOwnOnBigSites(t *testing.T) {
	if got := gcPercent(1_000); got <= 100 {
		t.Errorf("1,000 articles: GOGC %d, want more than Go's 100", got)
	}
	for _, n := range []int{80_000, 100_000, 1_000_000} {
		if got := gcPercent(n); got != 100 {
			t.Errorf("%d articles: GOGC %d, want Go's 100", n, got)
		}
	}
	last := gcPercent(0)
	for n := 0; n <= 200_000; n += 500 {
		got := gcPercent(n)
		if got > last {
			t.Fatalf("GOGC rises from %d to %d at %d articles", last, got, n)
		}
		last = got
	}
}
