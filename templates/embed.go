// Package templates holds briefing's default page layouts, embedded in
// the binary so it works from any directory. A site's own templates/
// folder overrides any of them by file name.
package templates

import "embed"

// FS is the built-in templates: base.html, one file per page kind, and partials/.
//
//go:embed *.html partials/*.html
var FS embed.FS
