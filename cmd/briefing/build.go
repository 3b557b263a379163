package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator/build"
)

func newBuild() *cobra.Command {
	var opts build.Options
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Render the site into the destination folder (public/)",
		Long: `Render the site into the destination folder.

The site is written beside the destination and swapped in only when every
page rendered: a build with errors leaves the previous site untouched, and
reports every problem it found with its file, line and column.`,
		Args: noArgs(siteHint),
		RunE: func(cmd *cobra.Command, _ []string) error {
			limitMemory()
			res, err := build.Build(cmd.Context(), opts)
			if errors.Is(err, build.ErrNoSite) {
				return err
			}
			if err != nil {
				dest := opts.Destination
				return &failed{summary: "build failed; " + dest + " was left as it was", err: err}
			}
			dest := opts.Destination
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(opts.Source, dest)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "built %d articles, %d terms, %d issues: %d pages, %d files in %s (%d ms)\n",
				res.Articles, res.Terms, res.Issues, res.Pages, res.Files, dest, res.Elapsed.Milliseconds())
			return nil
		},
	}
	f := cmd.Flags()
	sourceFlag(cmd, &opts.Source)
	f.StringVarP(&opts.Destination, "destination", "d", "public", "where to write the site, relative to --source")
	f.StringVarP(&opts.BaseURL, "base-url", "b", "", "the address the site is published at, e.g. https://user.github.io/repo/")
	f.BoolVarP(&opts.Drafts, "drafts", "D", false, "include articles marked draft: true")
	return cmd
}

// buildMemory is a soft limit on a build's heap: nearing it, Go collects
// garbage more often rather than letting the process grow. A build of
// 100,000 articles otherwise peaked at 1.6 GB of RSS, and under 1 GB with
// it in about the same time; smaller sites never come near it. Over it,
// a build slows down rather than fails.
const buildMemory = 900 << 20

// limitMemory sets buildMemory unless GOMEMLIMIT says otherwise.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemory)
	}
}
