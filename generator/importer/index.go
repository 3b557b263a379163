package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/content"
)

// index is what the importer knows of the site's articles: which texts
// and addresses were imported, which slugs and files are taken, and the
// people already named.
type index struct {
	all      []*known
	sketches []*known // the articles with a sketch, to find near copies
	byPrint  map[string]*known
	byURL    map[string]*known
	slugs    map[string]bool
	files    map[string]bool
	people   []string
	site     string
}

type known struct {
	file         string
	slugOverride string
	batch        bool // added by this run, not found on disk
	sketch       storySketch
	date         time.Time
}

// match is an article found again, and how it was recognised.
type match struct {
	*known
	why  string
	near bool // recognised by a near copy of its text, not the same input
}

// loadIndex reads every article of the site. Files with errors still
// count: their names and slugs are taken, and a broken article must not
// be overwritten by an import.
func loadIndex(site string, loc *time.Location) (*index, error) {
	idx := &index{byPrint: map[string]*known{}, byURL: map[string]*known{}, slugs: map[string]bool{}, files: map[string]bool{}, site: site}
	files, _ := content.Files(site)
	seen := map[string]bool{}
	for _, f := range files {
		idx.files[f] = true
		data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(f)))
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", f, err)
		}
		a, _, err := content.ParsePartial(f, data, loc)
		if a == nil {
			continue
		}
		_ = err // a half-valid file still names its people and slug
		idx.add(f, a.Metadata, string(a.Body), false)
		for _, p := range a.People {
			if !seen[p] {
				seen[p] = true
				idx.people = append(idx.people, p)
			}
		}
	}
	return idx, nil
}

func (idx *index) add(file string, m generator.Metadata, body string, batch bool) {
	k := &known{file: file, slugOverride: m.Slug, batch: batch, date: m.Date}
	idx.all = append(idx.all, k)
	if sketch, ok := sketchOf(body); ok {
		k.sketch = sketch
		idx.sketches = append(idx.sketches, k)
	}
	if m.Fingerprint != "" {
		idx.byPrint[m.Fingerprint] = k
	}
	if m.URL != "" {
		idx.byURL[m.URL] = k
	}
	slug := m.Slug
	if slug == "" {
		slug = generator.Slugify(trimExt(filepath.Base(file)))
	}
	idx.slugs[slug] = true
	idx.files[file] = true
}

// find returns the article imported from the same text or address, or
// whose text is nearly the same as body's: the same story again.
func (idx *index) find(print, url, body string) *match {
	if k := idx.byPrint[print]; k != nil {
		return &match{known: k, why: "the same text"}
	}
	if k := idx.byURL[url]; url != "" && k != nil {
		return &match{known: k, why: "the same address"}
	}
	sketch, ok := sketchOf(body)
	if !ok {
		return nil
	}
	var best *known
	bestShare := 0.0
	for _, k := range idx.sketches {
		if share := sketch.shared(&k.sketch); share >= sameStory && share > bestShare {
			best, bestShare = k, share
		}
	}
	if best == nil {
		return nil
	}
	return &match{known: best, why: fmt.Sprintf("nearly the same text (about %.0f%% in common)", bestShare*100), near: true}
}

// onDisk are the articles found in the site, not added by this run.
func (idx *index) onDisk() []*known {
	var ks []*known
	for _, k := range idx.all {
		if !k.batch {
			ks = append(ks, k)
		}
	}
	return ks
}

// freePath picks the article's file: its title's slug, with -2, -3, …
// when another article has that slug already.
func (idx *index) freePath(m generator.Metadata) string {
	base := generator.Slugify(m.Title)
	if len(base) > maxSlug {
		base = trimSlug(base, maxSlug)
	}
	if base == "" {
		base = "article"
	}
	slug := base
	for n := 2; ; n++ {
		file := articlePath(m.Date.Year(), slug)
		if !idx.slugs[slug] && !idx.files[file] && !exists(filepath.Join(idx.site, filepath.FromSlash(file))) {
			return file
		}
		slug = fmt.Sprintf("%s-%d", base, n)
	}
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func trimExt(name string) string {
	return name[:len(name)-len(filepath.Ext(name))]
}

// maxSlug keeps file names and URLs of long headlines readable.
const maxSlug = 60

// dangling are words a shortened slug should not end on.
var dangling = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "with": true, "by": true, "from": true, "as": true}

// trimSlug shortens a slug at a hyphen, so long headlines give file
// names that are still words, and drops a dangling "at" or "the".
func trimSlug(s string, n int) string {
	words := strings.Split(s, "-")
	out := ""
	for _, w := range words {
		if len(out)+1+len(w) > n && out != "" {
			break
		}
		if out != "" {
			out += "-"
		}
		out += w
	}
	for {
		i := strings.LastIndexByte(out, '-')
		if i < 0 || !dangling[out[i+1:]] {
			break
		}
		out = out[:i]
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}
