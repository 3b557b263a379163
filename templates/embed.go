// Package templates holds briefing's default page layouts, embedded in
// the binary so it works from any directory. A site's own templates/
// folder overrides any of them by file name.
package templates

import "embed"

// FS is the built-in templates: base.html, one file per page kind,
// partials/, and email.html for the email edition of each issue.
//
//go:embed *.html partials/*.html
var FS embed.FS
