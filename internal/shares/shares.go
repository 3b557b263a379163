// Package shares runs a loop over many independent items on every core.
package shares

import (
	"runtime"
	"sync"
)

// Run calls f on shares of [0, n) at once, one share per core but none
// smaller than least items, and returns when all have: a short list runs
// on the caller's goroutine alone. f must only write what its own share
// of the items owns.
func Run(n, least int, f func(lo, hi int)) {
	k := min(runtime.GOMAXPROCS(0), n/max(1, least))
	if k <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range k {
		lo, hi := n*w/k, n*(w+1)/k
		wg.Go(func() { f(lo, hi) })
	}
	wg.Wait()
}
