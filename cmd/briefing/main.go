// Command briefing imports news articles, builds a digest site from them,
// and serves it with live reload. Run "briefing help" for the commands.
//
// import and extract run in a second program, briefing-import (see
// delegate.go), so that build and serve start without the article
// readers' language data.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/internal/cli"
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
	commands := []func() *cobra.Command{newBuild, newServe, newNew, newCheck, newVersion}
	commands = append(commands, extraCommands...)
	commands = append(commands, importCommands...)
	return cli.Run(ctx, args, stdin, stdout, stderr, commands...)
}

// extraCommands are added by other files of this package (mail), so each
// subcommand lives in its own file.
var extraCommands []func() *cobra.Command
