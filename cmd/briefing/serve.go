package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator/build"
	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/generator/serve"
	"github.com/briefing-digest/briefing/internal/cli"
)

// watched are the entries of a site whose changes rebuild it.
var watched = []string{config.FileName, content.Dir, "templates", "theme", "static"}

func newServe() *cobra.Command {
	var (
		opts build.Options
		port int
		bind string
		poll time.Duration
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Build the site in memory, serve it and rebuild on every change",
		Long: `Build the site in memory and serve it on this computer, rebuilding
whenever an article, template, theme file or briefing.yaml changes. The
browser reloads by itself when the page it shows changes; stylesheet
changes are swapped in without a reload.

While a file has an error, the terminal and every page in the browser
show it, and the last good build stays in view. public/ is not written.`,
		Args: cli.NoArgs(cli.SiteHint),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := build.RequireSite(opts.Source); err != nil {
				return err
			}
			ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
			if err != nil {
				if errors.Is(err, syscall.EADDRINUSE) {
					return fmt.Errorf("port %d is already in use (is another briefing serve running?); pass --port with another number, or --port 0 for any free one", port)
				}
				return fmt.Errorf("listening on %s:%d: %w", bind, port, err)
			}
			actual := ln.Addr().(*net.TCPAddr).Port
			// The site's own base_url points at where it is published; the
			// preview's links must point here instead.
			host := bind
			if ip := net.ParseIP(bind); ip != nil && (ip.IsLoopback() || ip.IsUnspecified()) {
				host = "localhost"
			}
			address := "http://" + net.JoinHostPort(host, strconv.Itoa(actual)) + "/"
			if opts.BaseURL == "" {
				opts.BaseURL = address
			}
			cfg, err := build.Config(opts)
			if err != nil {
				ln.Close()
				return err
			}
			// The editor sees the week being written, marked as unpublished.
			opts.Preview = true
			live, err := build.NewLive(opts)
			if err != nil {
				ln.Close()
				return err
			}
			out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
			rebuild := func(ctx context.Context, changed []string) ([]string, error) {
				ch, err := live.Rebuild(ctx, changed)
				return ch.Changed, err
			}
			return serve.Run(cmd.Context(), ln, live, rebuild, serve.Options{
				Site:  opts.Source,
				Watch: watched,
				Poll:  poll,
				Server: serve.ServerOptions{
					BasePath: cfg.BasePath(),
					Hosts:    hosts(bind, actual),
				},
				Log: out,
				Report: func(err error) {
					cli.Report(errOut, &cli.Failed{Summary: "still serving the last good build; save a fix and it reloads", Err: err})
				},
				Ready: func() {
					fmt.Fprintf(out, "serving %s at %s (Ctrl-C stops)\n", siteName(opts.Source), joinURL(address, cfg.BasePath()))
				},
			})
		},
	}
	f := cmd.Flags()
	cli.SourceFlag(cmd, &opts.Source)
	f.IntVarP(&port, "port", "p", 1313, "the port to serve on; 0 picks a free one")
	f.StringVar(&bind, "bind", "127.0.0.1", "the address to listen on; 0.0.0.0 lets other computers in")
	f.StringVarP(&opts.BaseURL, "base-url", "b", "", "the address pages link to (default: the address served)")
	f.BoolVarP(&opts.Drafts, "drafts", "D", false, "include articles marked draft: true")
	f.DurationVar(&poll, "poll", 0, "check files for changes at this interval (e.g. 500ms) instead of relying on file system events; for WSL's /mnt/c, network drives and some Docker volumes")
	return cmd
}

// hosts are the Host headers the server answers to. Answering to any
// other name would let a web page that rebinds its own DNS name to
// 127.0.0.1 read the preview; bound to every address on purpose, any
// name is allowed.
func hosts(bind string, port int) []string {
	if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
		return nil
	}
	p := strconv.Itoa(port)
	list := []string{net.JoinHostPort(bind, p)}
	if ip := net.ParseIP(bind); ip != nil && ip.IsLoopback() {
		list = append(list, net.JoinHostPort("localhost", p), net.JoinHostPort("127.0.0.1", p), net.JoinHostPort("::1", p))
	}
	return list
}

// joinURL gives the address of a site served under a base path.
func joinURL(address, basePath string) string {
	return address[:len(address)-1] + basePath
}

// siteName is the site folder as a person recognises it: its full path.
func siteName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}
