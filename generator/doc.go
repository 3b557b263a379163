// Package generator holds the domain of briefing: the article and its
// metadata, the site configuration, slugs and positioned errors. The
// subpackages load, extract, assemble, render and publish; they share only
// these types.
package generator
