package ingest

import (
	"regexp"
	"sync"
)

// Every command of briefing links this package, but only import and
// extract read articles: compiling its regular expressions when the
// program starts would make build, serve and version pay for them (about
// 1 MB and a millisecond or more). A pattern compiles on its first use.

// pattern is a regular expression compiled when first used. Its methods
// are those of *regexp.Regexp that this package calls.
type pattern struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// patterns are all the package's patterns, so that a test can compile
// each: a mistake in one that is rarely used would otherwise surface only
// when an article first needs it.
var patterns []*pattern

// lazyPattern returns a pattern for src, compiled on first use. src must
// be a valid expression: a pattern that does not compile panics when
// first used, as regexp.MustCompile would at start-up.
func lazyPattern(src string) *pattern {
	p := &pattern{src: src}
	patterns = append(patterns, p)
	return p
}

// compiled is the pattern's expression, compiling it the first time.
func (p *pattern) compiled() *regexp.Regexp {
	p.once.Do(func() { p.re = regexp.MustCompile(p.src) })
	return p.re
}

func (p *pattern) MatchString(s string) bool { return p.compiled().MatchString(s) }

func (p *pattern) FindString(s string) string { return p.compiled().FindString(s) }

func (p *pattern) FindStringIndex(s string) []int { return p.compiled().FindStringIndex(s) }

func (p *pattern) FindStringSubmatch(s string) []string { return p.compiled().FindStringSubmatch(s) }

func (p *pattern) FindStringSubmatchIndex(s string) []int {
	return p.compiled().FindStringSubmatchIndex(s)
}

func (p *pattern) FindAllStringSubmatch(s string, n int) [][]string {
	return p.compiled().FindAllStringSubmatch(s, n)
}

func (p *pattern) ReplaceAllString(s, repl string) string {
	return p.compiled().ReplaceAllString(s, repl)
}

func (p *pattern) ReplaceAllStringFunc(s string, repl func(string) string) string {
	return p.compiled().ReplaceAllStringFunc(s, repl)
}

func (p *pattern) Split(s string, n int) []string { return p.compiled().Split(s, n) }

func (p *pattern) SubexpIndex(name string) int { return p.compiled().SubexpIndex(name) }
