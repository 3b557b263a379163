// Package importcmd is the import and extract commands: everything of
// briefing that reads articles. It is apart from the other commands so
// that only the program running them, briefing-import, links the article
// readers, whose language data costs every process that links them a
// few tenths of a second and 80 MB before main runs.
package importcmd

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/briefing-digest/briefing/generator/build"
	"github.com/briefing-digest/briefing/generator/importer"
	"github.com/briefing-digest/briefing/internal/cli"
)

// Import is "briefing import".
func Import() *cobra.Command {
	var (
		opts importer.Options
		date string
	)
	cmd := &cobra.Command{
		Use:   "import PATH|URL...",
		Short: "Turn copied text, saved web pages or Markdown into articles with metadata",
		Long: `Import reads articles — text copied from a news page, a saved HTML page,
or Markdown — and writes each to content/articles/YYYY/<slug>.md with front
matter saying what it is about: people, countries, organizations, places,
event, topics, date, source and summary. Review and edit those files.

PATH may be a file, a folder (its .txt, .html and .md files), or - for
standard input; an http or https URL is fetched and imported as a saved
page. Importing the same story again (the same text or URL, or nearly the
same text: pasted, saved, or another outlet's copy) leaves its file alone,
so your edits are safe, and says which file it is; --force re-extracts it.
Importing it again with another --date corrects its date, and an article
whose date: you changed moves to its year's folder.

-s/--source is the site's folder, as in every command; the outlet, which
--source once named, is --outlet. --source-dir, the old name of --source,
still works.`,
		Args: cli.Wants(1, -1, "the articles to read: files, folders, http or https addresses, or - for standard input (e.g. briefing import article.txt)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cli.RequireFolder(opts.Site, "; the outlet the articles come from is --outlet"); err != nil {
				return err
			}
			if date != "" {
				d, err := time.Parse("2006-01-02", date)
				if err != nil {
					return fmt.Errorf("--date %q is not a date (want YYYY-MM-DD)", date)
				}
				opts.Date = d
			}
			cfg, err := build.Config(build.Options{Source: opts.Site})
			if err != nil {
				return err
			}
			opts.Location = cfg.Location
			if !opts.Date.IsZero() {
				opts.Date = time.Date(opts.Date.Year(), opts.Date.Month(), opts.Date.Day(), 0, 0, 0, 0, cfg.Location)
			}
			return runImport(cmd, opts, args)
		},
	}
	f := cmd.Flags()
	cli.SourceFlag(cmd, &opts.Site)
	f.StringVar(&date, "date", "", "date for articles that give none (YYYY-MM-DD), unless the file is named YYYY-MM-DD-…; otherwise today, with a warning. Importing an article again with another date corrects its date")
	f.StringVar(&opts.Source, "outlet", "", "the outlet the articles come from, e.g. \"Tehran Times\" (written as source: in the front matter)")
	f.StringVar(&opts.URL, "url", "", "the original article's address")
	f.StringVar(&opts.License, "license", "", "the article's licence, e.g. \"CC BY 2.5\"")
	f.BoolVarP(&opts.DryRun, "dry-run", "n", false, "show what would be written, write nothing")
	f.BoolVar(&opts.Force, "force", false, "re-extract articles imported before, rewriting their files")
	return cmd
}

func runImport(cmd *cobra.Command, opts importer.Options, args []string) error {
	out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if !opts.DryRun {
		if err := importer.RemoveStaleTemp(opts.Site); err != nil {
			fmt.Fprintf(errOut, "warning: %v\n", err)
		}
	}
	inputs, failed := importer.Read(args, cmd.InOrStdin())
	im, err := importer.New(opts)
	if err != nil {
		return err
	}
	moves, err := im.Relocate()
	for _, m := range moves {
		verb := "moved"
		if opts.DryRun {
			verb = "would move"
		}
		fmt.Fprintf(out, "%s %s → %s (its date is of that year)\n", verb, m.From, m.To)
	}
	if err != nil {
		return err
	}
	bar := newProgress(errOut, len(inputs))
	outcomes := im.ImportAll(cmd.Context(), inputs, func(done int, o importer.Outcome) {
		bar.clear()
		if !bar.on || o.Status == importer.Failed || len(o.Warnings) > 0 {
			printOutcome(out, errOut, o, opts.DryRun)
		}
		bar.show(done, o.Input)
	})
	bar.clear()
	for _, o := range failed {
		printOutcome(out, errOut, o, opts.DryRun)
	}
	outcomes = append(outcomes, failed...)

	counts := map[importer.Status]int{}
	warnings := 0
	for _, o := range outcomes {
		counts[o.Status]++
		warnings += len(o.Warnings)
	}
	verb := "imported"
	if opts.DryRun {
		verb = "would import"
	}
	fmt.Fprintf(out, "%s %d, updated %d, unchanged %d, skipped as duplicates %d, warnings %d, errors %d\n",
		verb, counts[importer.Imported], counts[importer.Updated], counts[importer.Unchanged], counts[importer.Duplicate], warnings, counts[importer.Failed])
	if n := counts[importer.Failed]; n > 0 {
		return fmt.Errorf("%d input%s could not be imported; the others were", n, cli.Plural(n))
	}
	return nil
}

func printOutcome(out, errOut io.Writer, o importer.Outcome, dryRun bool) {
	name := o.Input
	if name == "-" {
		name = "standard input"
	}
	switch o.Status {
	case importer.Failed:
		fmt.Fprintf(errOut, "error: %v\n", o.Err)
		return
	case importer.Unchanged:
		fmt.Fprintf(out, "unchanged %s (imported before: %s; --force re-extracts)\n", o.File, o.Match)
	case importer.Duplicate:
		fmt.Fprintf(out, "duplicate %s: same article as %s (%s)\n", name, o.File, o.Match)
	default:
		verb := o.Status.String()
		if dryRun {
			verb = "would write"
		}
		fmt.Fprintf(out, "%s %s ← %s\n", verb, o.File, name)
		if dryRun {
			fm := string(o.Content)
			if i := strings.Index(fm[3:], "\n---\n"); i >= 0 {
				fm = fm[:i+8]
			}
			fmt.Fprint(out, fm)
		}
	}
	for _, w := range o.Warnings {
		fmt.Fprintf(errOut, "warning: %s: %s\n", name, w)
	}
}

// progress draws a one-line bar on an interactive terminal and nothing
// otherwise, so logs and pipes get plain lines.
type progress struct {
	w     io.Writer
	total int
	on    bool
}

func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, total: total, on: ok && term.IsTerminal(int(f.Fd())) && total > 1}
}

func (p *progress) show(done int, name string) {
	if !p.on {
		return
	}
	const width = 30
	filled := width * done / p.total
	if len(name) > 40 {
		name = "…" + name[len(name)-39:]
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %s", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), done, p.total, name)
}

func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
