package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/build"
	"github.com/briefing-digest/briefing/generator/linkcheck"
	"github.com/briefing-digest/briefing/generator/namecheck"
	"github.com/briefing-digest/briefing/internal/cli"
)

func newCheck() *cobra.Command {
	var opts build.Options
	var external bool
	var ext linkcheck.Options
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check content, config and templates without writing anything",
		Long: `Check reads the whole site and renders every page in memory, reporting
every error a build would meet, and also names that were merged into one
term because they make the same page name ("Türkiye" and "Turkiye"), and
names that look wrong across the site: a person who is a place or an
organisation elsewhere, or a name used once beside a near twin used often.

It also follows every internal link and anchor of the pages it renders,
and reports those that lead to no file or no anchor of the site. With
--external it asks each article's url: whether it still answers, and
reports the sources that are gone, refuse, or do not answer in time.`,
		Args: cli.NoArgs(cli.SiteHint),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := build.RequireSite(opts.Source); err != nil {
				return err
			}
			// The config is read first for the base URL links resolve
			// against; when it is broken, Generate reports why.
			base := "http://localhost:1313/"
			if cfg, err := build.Config(opts); err == nil {
				base = cfg.BaseURL
			}
			links, err := linkcheck.New(base)
			if err != nil {
				return err
			}
			res, err := build.Generate(cmd.Context(), opts, links.Add)
			if err != nil {
				return &cli.Failed{Summary: "check found problems", Err: err}
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
			problems := linkcheck.Errors(res.Site, opts.Source, links.Problems())
			var found []string
			if n := len(problems); n > 0 {
				found = append(found, fmt.Sprintf("%d broken link%s", n, cli.Plural(n)))
			}
			if external {
				sources := linkcheck.Sources(res.Site)
				// Asking the web takes seconds, up to --deadline: say so first.
				fmt.Fprintf(out, "checking the sources of %d article%s\n", len(sources), cli.Plural(len(sources)))
				dead := linkcheck.CheckSources(cmd.Context(), sources, ext)
				for _, d := range dead {
					problems = append(problems, &generator.Error{File: d.File, Msg: strings.TrimPrefix(d.String(), d.File+": ")})
				}
				if n := len(dead); n > 0 {
					found = append(found, fmt.Sprintf("%d dead source%s", n, cli.Plural(n)))
				}
			}
			if len(problems) > 0 {
				return &cli.Failed{Summary: "check found " + strings.Join(found, " and "), Err: problems}
			}
			fmt.Fprintf(out, "ok: %d articles, %d terms, %d issues, %d pages\n", res.Articles, res.Terms, res.Issues, res.Pages)
			return nil
		},
	}
	f := cmd.Flags()
	cli.SourceFlag(cmd, &opts.Source)
	f.StringVarP(&opts.BaseURL, "base-url", "b", "", "check the links as published at this address, e.g. https://user.github.io/repo/")
	f.BoolVarP(&opts.Drafts, "drafts", "D", false, "include articles marked draft: true")
	f.BoolVar(&external, "external", false, "also ask each article's url: whether it still answers")
	f.IntVar(&ext.Concurrency, "concurrency", 8, "with --external, addresses asked at once")
	f.DurationVar(&ext.Timeout, "timeout", 10*time.Second, "with --external, how long one address may take")
	f.DurationVar(&ext.Deadline, "deadline", 2*time.Minute, "with --external, how long all of them may take")
	return cmd
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, " and ")
}
