// Command briefing-import runs briefing's import and extract commands.
// briefing runs it for them ("briefing import FILE..."), so it is seldom
// started by hand; go install ./cmd/... installs it beside briefing.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/briefing-digest/briefing/internal/cli"
	"github.com/briefing-digest/briefing/internal/importcmd"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, importcmd.Import, importcmd.Extract)
	stop()
	os.Exit(code)
}
