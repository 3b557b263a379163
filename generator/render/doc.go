// Package render turns a generator.Site into output files in memory:
// HTML pages through html/template, article bodies through goldmark
// (configured once here and nowhere else), feeds, sitemap and search index.
// The built-in templates' most made pages are also written in Go, byte for
// byte as the templates would (fast.go), for sites that keep those templates.
package render
