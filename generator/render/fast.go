package render

import (
	"io/fs"
)

// A fastPage writes the page p of a built-in template in Go, as
// executing that template would, byte for byte: html/template evaluates
// every action by reflection, which was most of a build's time. What the
// template gets from partialCached, cards and chips comes from the same
// caches, so each is still made once per render; a partial the Go does
// not write (the head's assets, the header, the footer) is still executed, with the
// worker's templates in set, so a site's own footer is still its own.
type fastPage func(r *Renderer, w htmlw, set templateSet, p *Page) error

// fastKind is a page kind written in Go, and the definitions its Go
// writes instead of executing them, each with the built-in file it comes
// from. Any of those a site's own file gives makes the kind's pages go
// through html/template, as everything else does.
type fastKind struct {
	write fastPage
	defs  map[string]string
}

var fastKinds = map[string]fastKind{
	"article": {writeArticle, map[string]string{
		"article.html": "article.html", "main": "article.html", "base": "base.html", "pager": "partials/pager.html",
	}},
	"term": {writeTerm, map[string]string{
		"term.html": "term.html", "main": "term.html", "base": "base.html", "pager": "partials/pager.html",
		"term-side": "term.html", "counts": "partials/counts.html", "timeline": "partials/timeline.html",
	}},
	"issues": {writeIssues, map[string]string{
		"issues.html": "issues.html", "main": "issues.html", "base": "base.html", "issue-row": "partials/issue-row.html",
	}},
	"issue": {writeIssue, map[string]string{
		"issue.html": "issue.html", "main": "issue.html", "base": "base.html", "pager": "partials/pager.html",
		"issue-banner": "partials/issue.html", "issue-number": "partials/issue.html", "issue-summary": "partials/issue.html",
		"issue-body": "partials/issue.html", "issue-side": "partials/issue.html",
		"map": "partials/map.html", "counts": "partials/counts.html",
	}},
}

// Cards and chips are written in Go on the pages of kinds whose
// definitions of these are the built-in ones; the page around them
// need not be.
var (
	cardDefs = map[string]string{"entry": "partials/entry.html", "entry-text": "partials/entry.html"}
	chipDefs = map[string]string{"chip": "partials/chip.html"}
)

// fastPages picks, from the parsed templates of fsys, the kinds whose
// pages Go may write, those whose every definition in fastKinds is the
// built-in one, and the kinds whose cards and chips it may write.
func fastPages(parsed templateSet, fsys fs.FS) (pages map[string]fastPage, cards, chips map[string]bool) {
	built := map[string]bool{}
	isBuiltIn := func(file string) bool {
		ok, seen := built[file]
		if !seen {
			src, err := fs.ReadFile(fsys, file)
			ok = err == nil && builtIn(file, src)
			built[file] = ok
		}
		return ok
	}
	// builtInDefs says whether kind's template defines each of defs in
	// the built-in file, untouched, that defines it.
	builtInDefs := func(kind string, defs map[string]string) bool {
		t := parsed[kind]
		if t == nil {
			return false
		}
		for name, file := range defs {
			d := t.Lookup(name)
			if d == nil || d.Tree == nil || d.Tree.ParseName != file || !isBuiltIn(file) {
				return false
			}
		}
		return true
	}
	pages, cards, chips = map[string]fastPage{}, map[string]bool{}, map[string]bool{}
	for kind, fk := range fastKinds {
		if builtInDefs(kind, fk.defs) {
			pages[kind] = fk.write
		}
	}
	for kind := range parsed {
		cards[kind] = builtInDefs(kind, cardDefs)
		chips[kind] = builtInDefs(kind, chipDefs)
	}
	return pages, cards, chips
}
