// Package render turns a generator.Site into output files in memory:
// HTML pages through html/template, article bodies through goldmark
// (configured once here and nowhere else), feeds, sitemap and search index.
package render
