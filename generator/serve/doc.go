// Package serve runs a site while it is being written: it watches the
// sources, debounces bursts of changes, rebuilds only what they touch, and
// serves the result over a development HTTP server that reloads open pages
// live and shows build errors as an overlay.
package serve
