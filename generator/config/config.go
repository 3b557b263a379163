package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // a site's timezone must resolve on machines without zoneinfo (Windows, scratch containers)

	"gopkg.in/yaml.v3"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/yamldoc"
	"github.com/briefing-digest/briefing/internal/rawio"
)

// FileName is the configuration file at a site's root.
const FileName = "briefing.yaml"

// Load reads dir/briefing.yaml. A site without one gets the defaults, so
// a folder of Markdown builds with no setup.
func Load(dir string) (generator.Config, error) {
	path := filepath.Join(dir, FileName)
	src, err := readConfig(path)
	if errors.Is(err, fs.ErrNotExist) {
		return generator.DefaultConfig(), nil
	}
	if errors.Is(err, rawio.ErrNotRegular) {
		return generator.Config{}, generator.ErrorList{{File: FileName, Msg: "not a regular file (a FIFO, device or socket)", Err: err}}
	}
	if err != nil {
		return generator.Config{}, fmt.Errorf("reading config: %w", err)
	}
	return Parse(FileName, src)
}

// maxSize is the most bytes briefing.yaml may hold; a real one is a few
// hundred, and a bigger file is not a configuration.
const maxSize = 1 << 20

// readConfig reads path as a regular file, through a symbolic link if it
// is one (a shared configuration may live anywhere), so that a FIFO or a
// device in its place is refused instead of hanging the build.
func readConfig(path string) ([]byte, error) {
	src, err := rawio.ReadRegular(path, maxSize)
	if errors.Is(err, rawio.ErrSymlink) {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return nil, err
		}
		return rawio.ReadRegular(target, maxSize)
	}
	return src, err
}

// Parse reads a briefing.yaml given as bytes; file names it in errors.
func Parse(file string, src []byte) (generator.Config, error) {
	cfg := generator.DefaultConfig()
	doc, err := yamldoc.Parse(file, src, 0)
	if err != nil {
		return cfg, generator.ErrorList{asError(err)}
	}
	pairs, errs := doc.Pairs()
	for _, p := range pairs {
		set, ok := fields[p.Key]
		if !ok {
			errs.Add(doc.Errorf(p.KeyAt, "unknown key %q (known: %s)", p.Key, strings.Join(knownKeys(), ", ")))
			continue
		}
		errs.Add(set(&cfg, doc, p))
	}
	return cfg, errs.Err()
}

func asError(err error) *generator.Error {
	var e *generator.Error
	if errors.As(err, &e) {
		return e
	}
	return &generator.Error{Msg: err.Error(), Err: err}
}

type setter func(*generator.Config, *yamldoc.Doc, yamldoc.Pair) error

// fields maps each key of briefing.yaml to what it sets. Keys are
// snake_case like the rest of the file format.
var fields = map[string]setter{
	"title":       text(func(c *generator.Config, s string) { c.Title = s }),
	"description": text(func(c *generator.Config, s string) { c.Description = s }),
	"author":      text(func(c *generator.Config, s string) { c.Author = s }),
	"language":    text(func(c *generator.Config, s string) { c.Language = s }),
	"cname":       text(func(c *generator.Config, s string) { c.CNAME = strings.TrimSpace(s) }),
	"base_url": func(c *generator.Config, d *yamldoc.Doc, p yamldoc.Pair) error {
		s, err := d.String(p.Key, p.Value)
		if err != nil {
			return err
		}
		u, err := generator.NormalizeBaseURL(s)
		if err != nil {
			return d.Errorf(p.Value, "base_url: %v", err)
		}
		c.BaseURL = u
		return nil
	},
	"timezone": func(c *generator.Config, d *yamldoc.Doc, p yamldoc.Pair) error {
		s, err := d.String(p.Key, p.Value)
		if err != nil {
			return err
		}
		loc, err := time.LoadLocation(s)
		if err != nil {
			return d.Errorf(p.Value, "timezone %q is not a known time zone (want a name like Europe/London or UTC)", s)
		}
		c.Location = loc
		return nil
	},
	"week_start": func(c *generator.Config, d *yamldoc.Doc, p yamldoc.Pair) error {
		s, err := d.String(p.Key, p.Value)
		if err != nil {
			return err
		}
		for day := time.Sunday; day <= time.Saturday; day++ {
			if strings.EqualFold(s, day.String()) {
				c.WeekStart = day
				return nil
			}
		}
		return d.Errorf(p.Value, "week_start %q is not a day of the week (want monday, sunday, …)", s)
	},
	"feed_limit": func(c *generator.Config, d *yamldoc.Doc, p yamldoc.Pair) error {
		n, err := d.Int(p.Key, p.Value)
		if err != nil {
			return err
		}
		if n < 1 {
			return d.Errorf(p.Value, "feed_limit must be at least 1, not %d", n)
		}
		c.FeedLimit = n
		return nil
	},
	"paginate": func(c *generator.Config, d *yamldoc.Doc, p yamldoc.Pair) error {
		n, err := d.Int(p.Key, p.Value)
		if err != nil {
			return err
		}
		if n < 1 {
			return d.Errorf(p.Value, "paginate must be at least 1, not %d", n)
		}
		c.Paginate = n
		return nil
	},
	"taxonomies": func(c *generator.Config, d *yamldoc.Doc, p yamldoc.Pair) error {
		list, err := d.Strings(p.Key, p.Value)
		if err != nil {
			return err
		}
		var out []string
		for i, name := range list {
			name = strings.ToLower(strings.TrimSpace(name))
			if !slices.Contains(generator.TaxonomyNames, name) {
				at := p.Value
				if p.Value.Kind == yaml.SequenceNode {
					at = p.Value.Content[i]
				}
				return d.Errorf(at, "unknown taxonomy %q (known: %s)", name, strings.Join(generator.TaxonomyNames, ", "))
			}
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
		c.Taxonomies = out
		return nil
	},
	"email": emailSection,
	"unsafe_html": func(c *generator.Config, d *yamldoc.Doc, p yamldoc.Pair) error {
		b, err := d.Bool(p.Key, p.Value)
		c.UnsafeHTML = b
		return err
	},
}

func text(set func(*generator.Config, string)) setter {
	return func(c *generator.Config, d *yamldoc.Doc, p yamldoc.Pair) error {
		s, err := d.String(p.Key, p.Value)
		if err == nil {
			set(c, s)
		}
		return err
	}
}

func knownKeys() []string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
