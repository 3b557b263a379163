// Command briefing imports news articles, builds a digest site from them,
// and serves it with live reload. Run "briefing help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command line and returns the process's exit status;
// tests call it directly with their own streams.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root, prof := newRoot()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if perr := prof.stop(); perr != nil {
		err = errors.Join(err, perr)
	}
	if err == nil {
		return 0
	}
	report(stderr, err)
	return 1
}

// report prints every positioned error on its own line, as editors and
// terminals link them, then one summary line.
func report(w io.Writer, err error) {
	var list generator.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e)
		}
		var failure *failed
		if errors.As(err, &failure) {
			fmt.Fprintf(w, "error: %s\n", failure.summary)
		} else {
			fmt.Fprintf(w, "error: %d problem%s\n", len(list), plural(len(list)))
		}
		return
	}
	fmt.Fprintf(w, "error: %v\n", err)
}

// failed adds a summary line to a list of problems.
type failed struct {
	summary string
	err     error
}

func (f *failed) Error() string { return f.err.Error() }
func (f *failed) Unwrap() error { return f.err }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func newRoot() (*cobra.Command, *profiles) {
	prof := &profiles{}
	root := &cobra.Command{
		Use:   "briefing",
		Short: "Build a weekly briefing digest site from news articles",
		Long: `briefing turns news articles into a digest site.

  briefing import FILE...   turn copied text or saved pages into articles with metadata
  briefing build            render the site into public/
  briefing serve            preview the site with live reload`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(*cobra.Command, []string) error {
			return prof.start()
		},
	}
	prof.flags(root)
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newBuild(), newServe(), newNew(), newCheck(), newVersion())
	for _, add := range extraCommands {
		root.AddCommand(add())
	}
	return root, prof
}

// extraCommands are added by other files of this package (import, extract,
// serve), so each subcommand lives in its own file.
var extraCommands []func() *cobra.Command
