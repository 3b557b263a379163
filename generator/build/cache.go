package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/briefing-digest/briefing/generator/buildcache"
	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/publish"
	"github.com/briefing-digest/briefing/generator/render"
	"github.com/briefing-digest/briefing/internal/fphash"
)

// cacheRun is one build's use of the build cache: the record the last
// build left, if it can be trusted, and what this build publishes, to
// be written down for the next.
type cacheRun struct {
	old   *buildcache.Record // nil when there is none to use
	key   uint64
	stage *publish.Staging
	sizes *Sizes // with Options.Sizes

	mu sync.Mutex
	// files are this build's files, for the next: each file of the plan
	// is entered with its fingerprint and a Size of unwritten, set once
	// it is written or linked. One map rather than a second by path for
	// the fingerprints: at 100,000 articles that was 7.5 MB of the heap.
	files map[string]buildcache.File

	reused int // pages carried over
}

// openCache prepares a build's use of the cache at path: it reads the
// record the last build left when it was made by this binary from the
// same configuration, templates and options for the same destination.
// Anything else (no record, a damaged one, one from another version) is
// a build from scratch, never an error.
func openCache(opts Options, stage *publish.Staging, path string) *cacheRun {
	key, err := cacheKey(opts)
	if err != nil {
		return nil // the inputs cannot be told apart from another build's
	}
	c := &cacheRun{key: key, stage: stage}
	old, err := buildcache.Load(path)
	if err == nil && old.Key == key && old.Dest == stage.Dest() {
		c.old = old
	}
	return c
}

// cacheKey fingerprints what every page depends on beyond what Sigs
// hashes: the briefing binary (its built-in theme, and the code that
// renders), briefing.yaml, the templates, and the command line's options. A change to any of them renders every page.
func cacheKey(opts Options) (uint64, error) {
	id, err := binaryIdentity()
	if err != nil {
		return 0, err
	}
	var h fphash.Hash
	h.WriteUint64(id)
	cfg, err := os.ReadFile(filepath.Join(opts.Source, config.FileName))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	put := func(s string) {
		h.WriteUint64(uint64(len(s)))
		h.WriteString(s)
	}
	put(string(cfg))
	put(opts.BaseURL)
	put(fmt.Sprint(opts.Drafts, opts.Preview))
	// The templates as the renderer reads them: the site's own over the
	// built-in ones.
	tmpl := Templates(opts.Source)
	files, err := tmpl.Files()
	if err != nil {
		return 0, err
	}
	for _, f := range files {
		data, err := fs.ReadFile(tmpl, f)
		if err != nil {
			return 0, err
		}
		put(f)
		put(string(data))
	}
	return h.Sum64(), nil
}

// binaryIdentity tells this briefing from any other. A release names
// its version or commit; a build from a changed checkout, or one with
// no such stamp (go run, tests), is told by the bytes of its executable.
var binaryIdentity = sync.OnceValues(func() (uint64, error) {
	if info, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" && modified == "false" {
			return fphash.String(info.GoVersion + " " + info.Main.Path + " " + info.Main.Version + " " + rev), nil
		}
		if rev == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			return fphash.String(info.GoVersion + " " + info.Main.Path + " " + info.Main.Version), nil
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	// Hashed as it is read: read whole, the executable was 36 MB of the
	// build's heap, for one number.
	f, err := os.Open(exe)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var h fphash.Hash
	if _, err := io.CopyBuffer(&h, f, make([]byte, 256<<10)); err != nil {
		return 0, err
	}
	return h.Sum64(), nil
})

// carryOver fingerprints every file of p and stages, as links to the
// published site, the ones the last build made from the same inputs. It
// returns which it staged; the rest are to be rendered. A file that
// cannot be linked or copied is rendered instead.
func (c *cacheRun) carryOver(p *render.Plan) []bool {
	// Sigs asks for each article's fingerprints once, on every core.
	sigs := p.Sigs(render.Fingerprint)
	c.files = make(map[string]buildcache.File, len(sigs))
	for i, sig := range sigs {
		c.files[p.Path(i)] = buildcache.File{Sig: sig, Size: unwritten}
	}
	linked := make([]bool, len(sigs))
	if c.old == nil {
		return linked
	}
	// Each file costs a stat and a link, system calls that wait on the
	// disk: several at once keep both it and the cores busy.
	var next atomic.Int64
	var wg sync.WaitGroup
	var reused atomic.Int64
	for range 2 * runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sigs) {
					return
				}
				path := p.Path(i)
				if !c.old.Reusable(path, sigs[i]) || c.stage.Link(path) != nil {
					continue
				}
				linked[i] = true
				f := c.old.Files[path]
				c.mu.Lock()
				c.files[path] = f
				c.mu.Unlock()
				if c.sizes != nil {
					c.sizes.reused(path, int(f.Size))
				}
				if p.IsPage(i) {
					reused.Add(1)
				}
			}
		})
	}
	wg.Wait()
	c.reused = int(reused.Load())
	return linked
}

// pages wraps out, noting each rendered file for the record.
func (c *cacheRun) pages(out render.Output) render.Output {
	return func(p string, data []byte) error {
		if err := out(p, data); err != nil {
			return err
		}
		c.mu.Lock()
		if f, ok := c.files[p]; ok {
			f.Size = int64(len(data))
			c.files[p] = f
		}
		c.mu.Unlock()
		return nil
	}
}

// assets wraps out for the theme and static files, which are copied on
// every build: one at a rendered file's path (a site's own robots.txt)
// replaces it, so the record must not vouch for that path.
func (c *cacheRun) assets(out render.Output) render.Output {
	return func(p string, data []byte) error {
		c.mu.Lock()
		delete(c.files, p)
		c.mu.Unlock()
		return out(p, data)
	}
}

// unwritten is the Size of a file of the plan not yet published.
const unwritten = -1

// save writes down what this build published.
func (c *cacheRun) save(path string) error {
	for p, f := range c.files {
		if f.Size == unwritten {
			delete(c.files, p)
		}
	}
	r := &buildcache.Record{Key: c.key, Dest: c.stage.Dest(), Files: c.files}
	return r.Save(path)
}
