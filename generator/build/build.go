package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/buildcache"
	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/generator/publish"
	"github.com/briefing-digest/briefing/generator/render"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/templates"
	"github.com/briefing-digest/briefing/theme"
)

// Options are what the command line can change.
type Options struct {
	Source      string // the site's root folder
	Destination string // where build writes; relative paths are under Source
	BaseURL     string // overrides briefing.yaml's base_url when set
	Drafts      bool
	// Preview lists unpublished issues too, each with a banner saying so:
	// serve's view for the editor, never a build's.
	Preview bool
	// Sizes counts the files written by kind, in Result.Sizes.
	Sizes bool
	// NoCache makes Build render every page, neither reading nor
	// writing the build cache beside the destination.
	NoCache bool
	// Listed, when set, is told how many article files the site has
	// before they are read (build sets its garbage collector's target
	// from it).
	Listed func(articles int)
}

// Result says what a build made.
type Result struct {
	Articles int
	Terms    int
	Issues   int
	Pages    int // HTML pages
	Files    int // every file written, pages and assets included
	Elapsed  time.Duration
	Site     *generator.Site
	Sizes    *Sizes // with Options.Sizes
	// Cached is set when Build found a build cache it could use; then
	// Rendered pages were rendered and Reused carried over unchanged
	// from the published site.
	Cached   bool
	Rendered int
	Reused   int
	// CacheErr says why the build cache could not be written for the
	// next build; the site was published all the same.
	CacheErr error
}

// Config reads the site's briefing.yaml and applies the command line's overrides.
func Config(opts Options) (generator.Config, error) {
	cfg, err := config.Load(opts.Source)
	if err != nil {
		return cfg, err
	}
	if opts.BaseURL != "" {
		u, err := generator.NormalizeBaseURL(opts.BaseURL)
		if err != nil {
			return cfg, fmt.Errorf("--base-url: %w", err)
		}
		cfg.BaseURL = u
	}
	return cfg, nil
}

// bodyMemory is how much article text a build keeps in memory: all of it
// up to about 2,500 articles, and none past that. A body let go is read
// again for each use, into a reused buffer (Article.WithBody): at 10,000
// articles that cost 7% more CPU and saved 18% of peak memory, the text
// being most of what a build holds.
var bodyMemory int64 = 16 << 20

// Generate builds the site in memory, handing every file to out. It
// reports all content and template errors together; nothing is handed
// to out unless content and templates are free of errors.
func Generate(ctx context.Context, opts Options, out render.Output) (Result, error) {
	return generateReusing(ctx, opts, out, nil, nil)
}

// generateReusing is Generate, carrying over from the published site what the
// build cache c says is unchanged (c nil renders everything). dirs, when
// set, is given every path of the plan before anything is rendered, to
// make the folders they need.
func generateReusing(ctx context.Context, opts Options, out render.Output, c *cacheRun, dirs func([]string) error) (Result, error) {
	start := time.Now()
	cfg, err := Config(opts)
	var errs generator.ErrorList
	if err != nil {
		// A briefing.yaml with positioned mistakes still gives the keys it
		// got right; articles and templates are read with it, so one run
		// reports every problem, not the config's alone.
		var list generator.ErrorList
		if !errors.As(err, &list) {
			return Result{}, err
		}
		errs.Add(list)
	}
	articles, err := content.Load(opts.Source, content.Options{Drafts: opts.Drafts, Location: cfg.Location, BodyMemory: bodyMemory, Listed: opts.Listed})
	errs.Add(err)
	r, err := render.New(cfg, Templates(opts.Source))
	errs.Add(err)
	s, err := assemble(opts, errs, func(o site.Options) (*generator.Site, error) { return site.Assemble(cfg, articles, o) })
	errs.Add(err)
	if err := errs.Err(); err != nil {
		return Result{}, err
	}
	plan := r.Plan(s)
	if dirs != nil {
		paths := make([]string, plan.Len())
		for i := range paths {
			paths[i] = plan.Path(i)
		}
		if err := dirs(paths); err != nil {
			return Result{}, err
		}
	}
	var sizes *Sizes
	pages, assetOut := out, out
	if opts.Sizes {
		sizes = newSizes()
		sizes.plan(plan)
		pages, assetOut = sizes.pages(out), sizes.assets(out)
	}
	var only func(int) bool
	var linked []bool
	if c != nil {
		c.sizes = sizes
		linked = c.carryOver(plan)
		only = func(i int) bool { return !linked[i] }
		pages, assetOut = c.pages(pages), c.assets(assetOut)
	}
	stats, err := r.RenderPlan(ctx, plan, only, pages)
	if err != nil {
		return Result{}, err
	}
	assets, err := copyAssets(opts.Source, assetOut)
	if err != nil {
		return Result{}, err
	}
	res := Result{Articles: len(s.Entries), Issues: len(s.Issues), Pages: stats.Pages, Files: stats.Files + assets, Site: s, Sizes: sizes}
	if c != nil {
		res.Cached = c.old != nil
		res.Rendered, res.Reused = stats.Pages, c.reused
		res.Pages += c.reused
		for _, l := range linked {
			if l {
				res.Files++
			}
		}
	}
	for _, t := range s.Taxonomies {
		res.Terms += len(t.Terms)
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// assemble reads the editions and, when config, articles and templates
// had no errors (so far), has put assemble the site from them: build
// assembles it once, serve keeps it to update (Live.assemble). The
// editions are checked against the site's weeks only then: with a broken
// config there are no weeks to check against, and a lead whose article
// has an error would be reported twice.
func assemble(opts Options, so generator.ErrorList, put func(site.Options) (*generator.Site, error)) (*generator.Site, error) {
	// Editions are few and small, so serve reads them all again whenever
	// it assembles the site.
	editions, edErr := content.LoadEditions(opts.Source)
	var errs generator.ErrorList
	var s *generator.Site
	if so.Err() == nil {
		var err error
		s, err = put(site.Options{Editions: editions, Preview: opts.Preview})
		errs.Add(err)
	}
	errs.Add(edErr)
	return s, errs.Err()
}

// Build generates the site and publishes it to the destination folder.
// On any error the destination is left exactly as it was.
func Build(ctx context.Context, opts Options) (Result, error) {
	start := time.Now()
	if err := RequireSite(opts.Source); err != nil {
		return Result{}, err
	}
	dest := opts.Destination
	if dest == "" {
		dest = "public"
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(opts.Source, dest)
	}
	if err := checkDestination(opts.Source, dest); err != nil {
		return Result{}, err
	}
	stage, err := publish.Begin(dest)
	if err != nil {
		return Result{}, err
	}
	// A panic in a template or a library must not leave the staging
	// folder behind; the panic goes on once it is gone.
	defer func() {
		if r := recover(); r != nil {
			_ = stage.Abort()
			panic(r)
		}
	}()
	cachePath := buildcache.For(stage.Dest())
	var c *cacheRun
	if !opts.NoCache {
		c = openCache(opts, stage, cachePath)
	}
	res, err := generateReusing(ctx, opts, stage.Write, c, stage.MakeDirs)
	if err != nil {
		return Result{}, errors.Join(err, stage.Abort())
	}
	// The record describes the site being replaced: it goes before the
	// swap, so that a run stopped after it leaves no record at all.
	if err := buildcache.Remove(cachePath); err != nil {
		return Result{}, errors.Join(err, stage.Abort())
	}
	err = stage.CommitThen(func() {
		if c != nil {
			res.CacheErr = c.save(cachePath)
		}
	})
	if err != nil {
		return Result{}, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// checkDestination refuses to publish over the site's own sources: the
// swap replaces the whole destination folder.
func checkDestination(source, dest string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	d, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if within(d, src) {
		return fmt.Errorf("destination %s holds the site itself; choose a folder inside it such as public", dest)
	}
	for _, own := range []string{content.Dir, "templates", "theme", "static"} {
		if within(filepath.Join(src, own), d) {
			return fmt.Errorf("destination %s is inside the site's %s/ folder; choose another such as public", dest, own)
		}
	}
	return nil
}

// within says whether path is dir or lies under it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// Templates is the site's templates/ over the built-in ones.
func Templates(source string) generator.Overlay {
	return generator.Overlay{Upper: os.DirFS(filepath.Join(source, "templates")), Lower: templates.FS}
}

// Assets is the site's static/ over its theme/ over the built-in theme.
func Assets(source string) generator.Overlay {
	themes := generator.Overlay{Upper: os.DirFS(filepath.Join(source, "theme")), Lower: theme.FS}
	return generator.Overlay{Upper: os.DirFS(filepath.Join(source, "static")), Lower: themes}
}

// copyAssets hands every theme and static file to out.
func copyAssets(source string, out render.Output) (int, error) {
	fsys := Assets(source)
	files, err := assetFiles(fsys)
	if err != nil {
		return 0, err
	}
	for i, f := range files {
		if err := copyAsset(fsys, f, out); err != nil {
			return i, err
		}
	}
	return len(files), nil
}

// assetFiles lists the files of the theme overlay that a site publishes.
func assetFiles(fsys generator.Overlay) ([]string, error) {
	files, err := fsys.Files()
	if err != nil {
		return nil, fmt.Errorf("listing theme files: %w", err)
	}
	kept := files[:0]
	for _, f := range files {
		if isAsset(f) {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// isAsset leaves out the Go files and test data that live beside the
// built-in theme, and the backup files editors leave in a site's own.
func isAsset(f string) bool {
	return path.Ext(f) != ".go" && !content.Ignored(path.Base(f)) && !strings.HasPrefix(f, "testdata/") && !strings.Contains(f, "/testdata/")
}

func copyAsset(fsys fs.FS, f string, out render.Output) error {
	data, err := fs.ReadFile(fsys, f)
	if err != nil {
		return fmt.Errorf("reading theme file %s: %w", f, err)
	}
	if err := out(f, data); err != nil {
		return fmt.Errorf("writing %s: %w", f, err)
	}
	return nil
}
