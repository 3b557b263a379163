package main

import (
	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/internal/importcmd"
)

// The tests run import and extract in their own process, as
// briefing-import does; delegate_test.go checks that briefing hands them
// to briefing-import.
func init() {
	importCommands = []func() *cobra.Command{importcmd.Import, importcmd.Extract}
}
