package cli

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// SourceFlag gives a command the site-folder flag every command spells
// the same: -s/--source. import and extract once called it --source-dir
// (import's --source was the outlet); that spelling is still accepted.
func SourceFlag(cmd *cobra.Command, dir *string) {
	f := cmd.Flags()
	f.StringVarP(dir, "source", "s", ".", "the site's folder (holding briefing.yaml and content/)")
	f.SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "source-dir" {
			return "source"
		}
		return pflag.NormalizedName(name)
	})
}

// OldSourceDir is what the help of import and extract says about it.
const OldSourceDir = "\n\n--source-dir, the old name of --source, still works."

// RequireFolder refuses a --source that is not a folder before a command
// writes into it: an old "import --source OUTLET" would otherwise make a
// folder named after the outlet.
func RequireFolder(dir, hint string) error {
	st, err := os.Stat(dir)
	if err == nil && st.IsDir() {
		return nil
	}
	if err == nil {
		return fmt.Errorf("--source %q is a file, not a folder; --source names the site's folder%s", dir, hint)
	}
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("--source %q: no such folder; --source names the site's folder%s", dir, hint)
	}
	return fmt.Errorf("--source: %w", err)
}

// flagError rewrites an unknown flag's error to name the command's
// nearest flag, so a typo costs one look rather than a trip to the help.
func flagError(cmd *cobra.Command, err error) error {
	var missing *pflag.NotExistError
	if !errors.As(err, &missing) {
		return fmt.Errorf("%w (see briefing help %s)", err, helpName(cmd))
	}
	help := fmt.Sprintf("briefing help %s", helpName(cmd))
	if short := missing.GetSpecifiedShortnames(); short != "" {
		in := ""
		if len(short) > 1 {
			in = " (in -" + short + ")"
		}
		return fmt.Errorf("%s has no flag -%s%s; %s lists its flags", cmd.CommandPath(), missing.GetSpecifiedName(), in, help)
	}
	name := missing.GetSpecifiedName()
	if near := nearestFlag(cmd, name); near != "" {
		return fmt.Errorf("%s has no flag --%s; did you mean --%s? (%s lists its flags)", cmd.CommandPath(), name, near, help)
	}
	return fmt.Errorf("%s has no flag --%s; %s lists its flags", cmd.CommandPath(), name, help)
}

// helpName is the command's path below briefing, for "briefing help X".
func helpName(cmd *cobra.Command) string {
	return strings.TrimSpace(strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()))
}

// nearestFlag is the command's flag closest to name by edit distance,
// or "" when none is close enough to be a plausible typo: at most a
// third of the typed name's letters wrong, or one the name begins. Of
// two as near, the one sharing the longer start wins: "sorce" is
// --source, not --force.
func nearestFlag(cmd *cobra.Command, name string) string {
	var names []string
	seen := map[string]bool{}
	add := func(f *pflag.Flag) {
		if !seen[f.Name] && f.Deprecated == "" {
			seen[f.Name] = true
			names = append(names, f.Name)
		}
	}
	cmd.LocalFlags().VisitAll(add)
	cmd.InheritedFlags().VisitAll(add)
	sort.Strings(names)
	best, bestDist, bestShared := "", len(name)/3+1, 0
	for _, n := range names {
		d := distance(name, n)
		if strings.HasPrefix(n, name) && len(name) >= 3 {
			d = min(d, 1)
		}
		shared := sharedStart(name, n)
		if d < bestDist || d == bestDist && best != "" && shared > bestShared {
			best, bestDist, bestShared = n, d, shared
		}
	}
	return best
}

// sharedStart counts the bytes a and b begin with alike.
func sharedStart(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// distance is the Levenshtein distance between a and b, counting a
// swap of two neighbouring letters ("soucre") as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// NoArgs is an Args check for a command that takes none; hint says
// what the user may have meant instead.
func NoArgs(hint string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return fmt.Errorf("%s takes no arguments, but was given %q%s", cmd.CommandPath(), strings.Join(args, " "), hint)
		}
		return nil
	}
}

// SiteHint is NoArgs's hint for a command that works on a site: a
// folder given as an argument belongs after -s.
const SiteHint = "; name the site's folder with -s DIR"

// Wants is an Args check that says what a command needs when it is
// given too few or too many arguments, instead of cobra's count.
func Wants(lo, hi int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < lo:
			return fmt.Errorf("%s needs %s", cmd.CommandPath(), what)
		case hi >= 0 && len(args) > hi:
			return fmt.Errorf("%s takes %s, but was given %d arguments: %q", cmd.CommandPath(), what, len(args), strings.Join(args, " "))
		}
		return nil
	}
}
