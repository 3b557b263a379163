// Package cli is what the briefing programs share about a command line:
// the root command and its profile flags, how errors are reported, and the
// checks of flags and arguments every subcommand spells the same way.
// briefing and briefing-import are built from it, so "briefing import"
// reads and fails exactly as every other briefing command does.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator"
)

// Run executes one command line with the given subcommands and returns
// the process's exit status; tests call it with their own streams.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, commands ...func() *cobra.Command) int {
	root, prof := newRoot(commands)
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
	var exit Exit
	if errors.As(err, &exit) {
		return int(exit)
	}
	Report(stderr, err)
	return 1
}

// Exit ends a command with this exit status and nothing more said: what
// went wrong was told already, by a program the command ran.
type Exit int

func (e Exit) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// Report prints every positioned error on its own line, as editors and
// terminals link them, then one summary line.
func Report(w io.Writer, err error) {
	var list generator.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e)
		}
		var failure *Failed
		if errors.As(err, &failure) {
			fmt.Fprintf(w, "error: %s\n", failure.Summary)
		} else {
			fmt.Fprintf(w, "error: %d problem%s\n", len(list), Plural(len(list)))
		}
		return
	}
	fmt.Fprintf(w, "error: %v\n", err)
}

// Failed adds a summary line to a list of problems.
type Failed struct {
	Summary string
	Err     error
}

func (f *Failed) Error() string { return f.Err.Error() }
func (f *Failed) Unwrap() error { return f.Err }

// Plural is "s" for any count but one.
func Plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func newRoot(commands []func() *cobra.Command) (*cobra.Command, *profiles) {
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
	for _, add := range commands {
		root.AddCommand(add())
	}
	return root, prof
}

// ImportFor is set, in the environment of the briefing-import that
// briefing runs, to Build() of that briefing: briefing-import refuses to
// run for another build, and briefing, finding it set, knows that it was
// started in briefing-import's place.
const ImportFor = "BRIEFING_IMPORT_FOR"

// Build names the source the program was built from: its module version
// and, built from a checkout, the commit and whether it had changes; or
// "" when it was built without either (go run, go test).
func Build() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	rev, modified := "", ""
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = " with changes"
			}
		}
	}
	switch {
	case rev != "":
		return info.Main.Version + " at " + rev + modified
	case info.Main.Version != "" && info.Main.Version != "(devel)":
		return info.Main.Version
	}
	return ""
}
