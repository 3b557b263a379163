package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// Options change what WriteWith puts in each article.
type Options struct {
	// HugoEvents adds events: [<event>] beside event:, since a Hugo site
	// with an events taxonomy reads that list. briefing reads only event:
	// and check warns that it ignores events:.
	HugoEvents bool
}

// config is the briefing.yaml Write leaves in a site that has none.
const config = `title: "Synthetic Digest"
base_url: "http://localhost:1313/"
taxonomies: [countries, people, organizations, events, topics]
`

// Write writes n articles under dir/content/articles/YYYY/<slug>.md, plus
// dir/briefing.yaml (title, base_url http://localhost:1313/, the five
// taxonomies) unless one exists. The same n and seed give the same files.
func Write(dir string, n int, seed uint64) error {
	return WriteWith(dir, n, seed, Options{})
}

// WriteWith is Write with options.
func WriteWith(dir string, n int, seed uint64, opts Options) error {
	if n < 0 {
		return fmt.Errorf("corpus: %d articles", n)
	}
	if err := writeConfig(dir); err != nil {
		return err
	}
	g := newGenerator(seed, opts)
	made := map[int]bool{}
	for i := range n {
		a := g.next(i, n)
		folder := filepath.Join(dir, "content", "articles", strconv.Itoa(a.year))
		if !made[a.year] {
			if err := os.MkdirAll(folder, 0o755); err != nil {
				return fmt.Errorf("corpus: %w", err)
			}
			made[a.year] = true
		}
		if err := os.WriteFile(filepath.Join(folder, a.slug+".md"), a.text, 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return nil
}

func writeConfig(dir string) error {
	path := filepath.Join(dir, "briefing.yaml")
	if _, err := os.Stat(path); err == nil {
		return nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("corpus: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	if err := os.WriteFile(path, []byte(config), 0o644); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	return nil
}
