// Package content reads a site's content/ directory into articles: front
// matter in YAML, TOML or JSON, found by one scanner of its delimiters,
// validated field by field, every problem reported at file:line:col and
// none hidden by another.
package content
