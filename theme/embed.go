// Package theme holds briefing's default stylesheets, scripts and images,
// embedded in the binary. A site's own theme/ folder overrides any file by
// path; every file is copied to the same path in the output.
package theme

import "embed"

// FS is the built-in theme: css/, js/ and img/.
//
//go:embed css js img
var FS embed.FS
