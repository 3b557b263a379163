package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/build"
	"github.com/briefing-digest/briefing/generator/namecheck"
)

func newCheck() *cobra.Command {
	var opts build.Options
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check content, config and templates without writing anything",
		Long: `Check reads the whole site and renders every page in memory, reporting
every error a build would meet, and also names that were merged into one
term because they make the same page name ("Türkiye" and "Turkiye"), and
names that look wrong across the site: a person who is a place or an
organisation elsewhere, or a name used once beside a near twin used often.`,
		Args: noArgs(siteHint),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := build.RequireSite(opts.Source); err != nil {
				return err
			}
			res, err := build.Generate(cmd.Context(), opts, func(string, []byte) error { return nil })
			if err != nil {
				return &failed{summary: "check found problems", err: err}
			}
			out := cmd.OutOrStdout()
			for _, e := range res.Site.Entries {
				for _, u := range e.Unknown {
					fmt.Fprintf(out, "warning: %s\n", u)
				}
			}
			for _, c := range res.Site.Clashes {
				fmt.Fprintf(out, "warning: %s: %s are one term (%s/%s/); shown as %q. Used in: %s\n",
					c.Taxonomy, quoteAll(c.Names), c.Taxonomy, c.Slug, c.Names[0], strings.Join(c.Files, ", "))
			}
			arts := make([]*generator.Article, len(res.Site.Entries))
			for i, e := range res.Site.Entries {
				arts[i] = e.Article
			}
			for _, d := range namecheck.Check(arts) {
				fmt.Fprintf(out, "warning: name looks wrong: %s\n", d)
			}
			fmt.Fprintf(out, "ok: %d articles, %d terms, %d issues, %d pages\n", res.Articles, res.Terms, res.Issues, res.Pages)
			return nil
		},
	}
	f := cmd.Flags()
	sourceFlag(cmd, &opts.Source)
	f.BoolVarP(&opts.Drafts, "drafts", "D", false, "include articles marked draft: true")
	return cmd
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, " and ")
}
