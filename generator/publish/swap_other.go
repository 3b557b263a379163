//go:build !linux

package publish

// swap replaces dest with tmp by two renames where the system has no
// atomic exchange.
func swap(tmp, dest string) (string, error) {
	return swapByRename(tmp, dest)
}
