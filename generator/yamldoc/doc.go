// Package yamldoc reads small YAML documents (front matter, briefing.yaml)
// keeping every value's position, so each problem is reported at the
// file's own line and column instead of yaml's "line 3 of some block".
package yamldoc
