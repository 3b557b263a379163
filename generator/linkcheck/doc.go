// Package linkcheck finds the links of a rendered site that lead nowhere:
// internal links to files the site does not have or to anchors its pages
// do not hold, and, on request, articles whose original address no longer
// answers. It reads pages as a build hands them over, so check can run it
// without writing the site anywhere.
package linkcheck
