package main

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/internal/cli"
)

// scaffold is the starting site "briefing new site" writes. Its files are
// named *.tmpl so Go tooling and GitHub do not treat them as live files.
//
//go:embed scaffold
var scaffold embed.FS

func newNew() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create a new site or article",
	}
	var pin string
	site := &cobra.Command{
		Use:   "site DIR",
		Short: "Create a site: briefing.yaml, content/articles/ and a GitHub Pages workflow",
		Args:  cli.Wants(1, 1, "the folder to make the site in (e.g. briefing new site my-digest)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			v, err := pinnedVersion(pin)
			if err != nil && !errors.Is(err, errUnreleased) {
				return fmt.Errorf("%w; %s", err, workflowHint)
			}
			if err := newSite(dir, v); err != nil {
				return err
			}
			if v == "" {
				// A site made with a development build is still a site: only
				// its workflow needs a release that go install can fetch.
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: wrote no GitHub Pages workflow (%v); %s\n", err, workflowHint)
				fmt.Fprintf(cmd.OutOrStdout(), "created a site in %s\nnext: cd %s && briefing import ARTICLE.txt && briefing serve\n", dir, dir)
				return nil
			}
			fmt.Fprintf(cmd.OutOrStdout(), "created a site in %s (its workflow installs briefing %s)\nnext: cd %s && briefing import ARTICLE.txt && briefing serve\n", dir, v, dir)
			return nil
		},
	}
	site.Flags().StringVar(&pin, "briefing-version", "", "the release `vX.Y.Z` the GitHub Pages workflow installs (default: this briefing's own)")
	cmd.AddCommand(site)
	var wfSource, wfPin string
	workflow := &cobra.Command{
		Use:   "workflow",
		Short: "Add the GitHub Pages workflow to a site, pinned to a release",
		Args:  cli.NoArgs(cli.SiteHint),
		RunE: func(cmd *cobra.Command, _ []string) error {
			v, err := pinnedVersion(wfPin)
			if err != nil {
				return fmt.Errorf("%w; name a release with --briefing-version vX.Y.Z (README, \"Releases\", says how to publish one)", err)
			}
			path, err := newWorkflow(wfSource, v)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (it installs briefing %s)\n", path, v)
			return nil
		},
	}
	cli.SourceFlag(workflow, &wfSource)
	workflow.Flags().StringVar(&wfPin, "briefing-version", "", "the release `vX.Y.Z` the workflow installs (default: this briefing's own)")
	cmd.AddCommand(workflow)
	var source string
	article := &cobra.Command{
		Use:   "article TITLE",
		Short: "Create an empty article dated today in content/articles/YYYY/",
		Args:  cli.Wants(1, 1, "the article's title, quoted if it has spaces (e.g. briefing new article \"Talks in Doha\")"),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := newArticle(source, args[0], time.Now())
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), path)
			return nil
		},
	}
	cli.SourceFlag(article, &source)
	cmd.AddCommand(article)
	return cmd
}

// newSite writes the scaffold into dir, refusing to overwrite any file;
// its workflow installs briefing at version v.
// workflowDir holds the scaffold's GitHub Pages workflow, written only
// when there is a release to pin it to.
const workflowDir = "scaffold/dot-github"

// newSite writes the scaffold into dir, the workflow pinned to release v,
// or without the workflow when v is "".
func newSite(dir, v string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s already exists and is not empty; choose a new folder", dir)
	}
	return writeScaffold("scaffold", dir, v, func(p string) bool { return v == "" && strings.HasPrefix(p, workflowDir) })
}

// newWorkflow adds the workflow, pinned to v, to the site in dir.
func newWorkflow(dir, v string) (string, error) {
	if _, err := os.Stat(filepath.Join(dir, config.FileName)); err != nil {
		return "", fmt.Errorf("%s holds no %s: run this in a site's folder, or name one with -s", dir, config.FileName)
	}
	path := filepath.Join(dir, ".github", "workflows", "pages.yml")
	if _, err := os.Stat(path); err == nil {
		return "", fmt.Errorf("%s already exists; edit its go install line to change the version", path)
	}
	return path, writeScaffold(workflowDir, filepath.Join(dir, ".github"), v, func(string) bool { return false })
}

// writeScaffold copies the scaffold below root into dir, renaming dot-
// files and filling in the pinned version, leaving out what skip names.
func writeScaffold(root, dir, v string, skip func(p string) bool) error {
	return fs.WalkDir(scaffold, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if skip(p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		rel = strings.ReplaceAll(rel, "dot-", ".")
		target := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(rel, ".tmpl")))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := scaffold.ReadFile(p)
		if err != nil {
			return err
		}
		data = bytes.ReplaceAll(data, []byte(installPlaceholder), []byte(v))
		return writeNew(target, data)
	})
}

// newArticle writes a draft article with today's date and returns its path.
func newArticle(source, title string, now time.Time) (string, error) {
	cfg, err := config.Load(source)
	if err != nil {
		return "", err
	}
	slug := generator.Slugify(title)
	if slug == "" {
		return "", fmt.Errorf("title %q has no letters or digits to name the file with", title)
	}
	now = now.In(cfg.Location)
	path := filepath.Join(source, content.Dir, "articles", now.Format("2006"), slug+".md")
	body := fmt.Sprintf("---\ntitle: %q\ndate: %s\nsource: \"\"\nurl: \"\"\nsummary: \"\"\npeople: []\ncountries: []\norganizations: []\nplaces: []\nevent: \"\"\ntopics: []\ndraft: true\n---\n\n", title, now.Format("2006-01-02"))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	return path, writeNew(path, []byte(body))
}

// writeNew creates a file that must not exist yet.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; not overwriting it", path)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}
