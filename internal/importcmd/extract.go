package importcmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator/build"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/generator/extract"
	"github.com/briefing-digest/briefing/generator/importer"
	"github.com/briefing-digest/briefing/internal/cli"
)

// Extract is "briefing extract".
func Extract() *cobra.Command {
	var (
		jsonl bool
		site  string
	)
	cmd := &cobra.Command{
		Use:   "extract [FILE]",
		Short: "Print the front matter import would write for an article",
		Long: `Extract reads one article (a path or - for standard input) and prints the
front matter import would write, without writing anything.

With --jsonl it reads JSON lines {"id","title","text"} on standard input and
writes one line {"id","people","countries","organizations","places","event",
"topics","summary"} per input, in the same order: the contract the
extraction scorer uses.` + cli.OldSourceDir,
		Args: func(cmd *cobra.Command, args []string) error {
			if jsonl {
				return cli.NoArgs("; with --jsonl it reads standard input")(cmd, args)
			}
			return cli.Wants(1, 1, "one article to read: a file, or - for standard input")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if jsonl {
				return extract.RunJSONL(cmd.InOrStdin(), cmd.OutOrStdout(), extract.New())
			}
			if err := cli.RequireFolder(site, ""); err != nil {
				return err
			}
			cfg, err := build.Config(build.Options{Source: site})
			if err != nil {
				return err
			}
			inputs, failed := importer.Read(args, cmd.InOrStdin())
			if len(failed) > 0 {
				return failed[0].Err
			}
			im, err := importer.New(importer.Options{Site: site, Location: cfg.Location, DryRun: true})
			if err != nil {
				return err
			}
			meta, warnings, err := im.Extract(inputs[0])
			if err != nil {
				return err
			}
			for _, w := range warnings {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: %s\n", w)
			}
			_, err = cmd.OutOrStdout().Write(content.Format(meta, nil))
			return err
		},
	}
	cmd.Flags().BoolVar(&jsonl, "jsonl", false, "read JSON lines on standard input, write one JSON line per input")
	cli.SourceFlag(cmd, &site)
	cmd.Flags().Lookup("source").Usage = "the site whose topics.yaml, aliases.yaml and people to use"
	return cmd
}
