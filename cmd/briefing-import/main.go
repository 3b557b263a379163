// Command briefing-import runs briefing's import and extract commands.
// briefing runs it for them ("briefing import FILE..."), so it is seldom
// started by hand; go install ./cmd/... installs it beside briefing.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/briefing-digest/briefing/internal/cli"
	"github.com/briefing-digest/briefing/internal/importcmd"
)

func main() {
	// Built from other source than the briefing that runs it, it might
	// write articles that briefing no longer reads the same way.
	if want, ok := os.LookupEnv(cli.ImportFor); ok && want != "" && cli.Build() != "" && want != cli.Build() {
		exe, _ := os.Executable()
		fmt.Fprintf(os.Stderr, "error: %s was built from %s, but the briefing that ran it from %s; install both again: go install github.com/briefing-digest/briefing/cmd/...@latest (in a checkout: go install ./cmd/...)\n", exe, cli.Build(), want)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, importcmd.Import, importcmd.Extract)
	stop()
	os.Exit(code)
}
