// Package namecheck reads the names a whole site's front matter gives and
// points out the ones that look wrong: a person who is a place or an
// organisation elsewhere, or a name used once beside a near twin used often.
package namecheck
