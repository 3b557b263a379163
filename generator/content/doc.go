// Package content reads a site's content/ directory into articles: front
// matter (YAML, TOML or JSON) found by adrg/frontmatter, validated field
// by field, every problem reported at file:line:col and none hidden by
// another; and content/issues/ into editions, one a week.
package content
