package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator/build"
	"github.com/briefing-digest/briefing/internal/cli"
)

func newBuild() *cobra.Command {
	var opts build.Options
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Render the site into the destination folder (public/)",
		Long: `Render the site into the destination folder.

The site is written beside the destination and swapped in only when every
page rendered: a build with errors leaves the previous site untouched, and
reports every problem it found with its file, line and column.

Each build leaves a cache beside the destination, named after it with
.cache added (public.cache beside public/; never inside it, so the folder
you deploy holds only the site): each published file's fingerprint of
what it shows. The next build
renders only the pages whose articles, names or neighbours changed and
hard-links the others from the published site (or copies them where
hard links are not possible). A new briefing, a change to briefing.yaml
or to the site's templates, or other options (--base-url, --drafts)
render every page. Use --no-cache to render everything; delete the cache
file whenever you like.`,
		Args: cli.NoArgs(cli.SiteHint),
		RunE: func(cmd *cobra.Command, _ []string) error {
			limitMemory()
			if os.Getenv("GOGC") == "" {
				opts.Listed = collectLess
			}
			res, err := build.Build(cmd.Context(), opts)
			if errors.Is(err, build.ErrNoSite) {
				return err
			}
			if err != nil {
				dest := opts.Destination
				return &cli.Failed{Summary: "build failed; " + dest + " was left as it was", Err: err}
			}
			dest := opts.Destination
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(opts.Source, dest)
			}
			reuse := ""
			if res.Cached {
				reuse = fmt.Sprintf("; %d page%s rendered, %d reused", res.Rendered, cli.Plural(res.Rendered), res.Reused)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "built %d articles, %d terms, %d issues: %d pages, %d files in %s (%d ms)%s\n",
				res.Articles, res.Terms, res.Issues, res.Pages, res.Files, dest, res.Elapsed.Milliseconds(), reuse)
			if res.CacheErr != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "note: the next build will render every page: %v\n", res.CacheErr)
			}
			if res.Sizes != nil {
				printSizes(cmd.OutOrStdout(), res.Sizes.List())
			}
			return nil
		},
	}
	f := cmd.Flags()
	cli.SourceFlag(cmd, &opts.Source)
	f.StringVarP(&opts.Destination, "destination", "d", "public", "where to write the site, relative to --source")
	f.StringVarP(&opts.BaseURL, "base-url", "b", "", "the address the site is published at, e.g. https://user.github.io/repo/")
	f.BoolVarP(&opts.Drafts, "drafts", "D", false, "include articles marked draft: true")
	f.BoolVar(&opts.NoCache, "no-cache", false, "render every page, neither using nor writing the build cache beside the destination")
	f.BoolVar(&opts.Sizes, "sizes", false, "print what was written by kind of file: files, bytes and the largest")
	return cmd
}

// printSizes writes the table of --sizes: one line a kind, the most
// bytes first, and the totals.
func printSizes(w io.Writer, sizes []build.Size) {
	const row = "%-12s %7s %12s %6s %10s  %s"
	line := func(a ...any) { fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf(row, a...), " ")) }
	line("kind", "files", "bytes", "share", "largest", "")
	var files int
	var bytes int64
	for _, s := range sizes {
		files += s.Files
		bytes += s.Bytes
	}
	for _, s := range sizes {
		share := 0.0
		if bytes > 0 {
			share = 100 * float64(s.Bytes) / float64(bytes)
		}
		line(s.Kind, strconv.Itoa(s.Files), strconv.FormatInt(s.Bytes, 10),
			strconv.FormatFloat(share, 'f', 1, 64)+"%", strconv.Itoa(s.Max), s.Largest)
	}
	line("total", strconv.Itoa(files), strconv.FormatInt(bytes, 10), "", "", "")
}

// buildMemory is a soft limit on a build's heap: nearing it, Go collects
// garbage more often rather than letting the process grow. Smaller sites
// never come near it. A build of 100,000 articles keeps about 400 MB
// live near its end and peaked at 693–820 MB without the limit in nine
// runs (docs/performance.md, "At 2d7910f"); the limit is for what is
// bigger still, where it trades more collections for a peak held near
// it. Over it, a build slows down rather than fails.
const buildMemory = 900 << 20

// limitMemory sets buildMemory unless GOMEMLIMIT says otherwise.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemory)
	}
}

// collectLess lets a small site's heap grow further between garbage
// collections; the build calls it once the articles are listed, unless
// GOGC says otherwise. Below 20,000 articles a
// build's heap is some tens of megabytes, and Go's default, collecting
// each time the heap doubles, collected every few milliseconds: letting
// it grow fivefold took 12% off the wall time of a 1,000-article build
// and 8% off a 10,000-article one, for 7 and 57 MiB more peak memory.
// Past that the target comes down, to Go's own at 80,000 articles,
// where the heap is hundreds of megabytes and a 1 GB peak near.
func collectLess(articles int) {
	debug.SetGCPercent(gcPercent(articles))
}

// gcPercent is the GOGC a build of that many articles runs with.
func gcPercent(articles int) int {
	if articles <= 20_000 {
		return 400
	}
	return max(100, 8_000_000/articles)
}
