package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/internal/cli"
)

// import and extract read articles with trafilatura, htmldate and
// go-dateparser, whose package initialisation builds every language's
// date patterns: 0.2–0.4 s and 80 MB in each process that links them,
// before main runs, whatever the command. build and serve never read an
// article page, so they live in a program without them, and the two
// commands that do are run by briefing-import, given the command line as
// it was typed.

// delegatedCommands are the commands briefing-import runs.
var delegatedCommands = []func() *cobra.Command{
	delegated("import PATH|URL...", "Turn copied text, saved web pages or Markdown into articles with metadata"),
	delegated("extract [FILE]", "Print the front matter import would write for an article"),
}

// importCommands are delegatedCommands; the tests put the commands
// themselves here, to run them in the test's own process.
var importCommands = delegatedCommands

// companionName is briefing-import's file name on this system.
var companionName = "briefing-import" + map[bool]string{true: ".exe"}[runtime.GOOS == "windows"]

// delegated is a command that briefing-import runs, flags, help and all.
func delegated(use, short string) func() *cobra.Command {
	return func() *cobra.Command {
		cmd := &cobra.Command{
			Use:                use,
			Short:              short,
			DisableFlagParsing: true,
			RunE: func(cmd *cobra.Command, args []string) error {
				return runCompanion(cmd, append([]string{cmd.Name()}, args...))
			},
		}
		cmd.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
			if err := runCompanion(cmd, []string{"help", cmd.Name()}); err != nil && !errors.As(err, new(cli.Exit)) {
				cli.Report(cmd.ErrOrStderr(), err)
			}
		})
		return cmd
	}
}

// runCompanion runs briefing-import with args on the command's streams
// and ends with its exit status. An interrupt reaches both programs; this
// one waits for briefing-import to finish its own way.
func runCompanion(cmd *cobra.Command, args []string) error {
	path, err := companion(cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	c := exec.Command(path, args...)
	c.Stdin, c.Stdout, c.Stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
	c.Env = append(os.Environ(), cli.ImportFor+"="+cli.Build())
	err = c.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return cli.Exit(max(exit.ExitCode(), 1))
	}
	if err != nil {
		return fmt.Errorf("running %s: %w", path, err)
	}
	return nil
}

// companion finds briefing-import: beside this program, where go install
// ./cmd/... puts both; else built once from the source this program was
// built from, as under go run; else on PATH.
func companion(errOut io.Writer) (string, error) {
	if _, ok := os.LookupEnv(cli.ImportFor); ok {
		// briefing-import's name is on a copy of briefing: running it
		// would only run this again.
		self, _ := os.Executable()
		return "", fmt.Errorf("%s is briefing itself, not the program that imports; build it with: go build ./cmd/briefing-import", self)
	}
	self, err := os.Executable()
	if err == nil {
		if p := filepath.Join(filepath.Dir(self), companionName); isFile(p) && !sameFile(p, self) {
			return p, nil
		}
		if root := sourceRoot(); root != "" {
			if p, err := buildCompanion(root, self, errOut); err == nil || !errors.Is(err, exec.ErrNotFound) {
				return p, err
			}
		}
	}
	if p, err := exec.LookPath(companionName); err == nil {
		return p, nil
	}
	where := ""
	if self != "" {
		where = " (" + filepath.Dir(self) + ")"
	}
	return "", fmt.Errorf("import and extract are run by %s, which is neither beside briefing%s nor on PATH; install both with: go install github.com/briefing-digest/briefing/cmd/...@latest (in a checkout: go install ./cmd/...)", companionName, where)
}

// sourceRoot is the checkout this program was built from, when it is
// still there: the folder holding cmd/briefing-import. A program built
// with -trimpath, or from the module cache, knows none.
func sourceRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	if !isFile(filepath.Join(root, "cmd", "briefing-import", "main.go")) {
		return ""
	}
	return root
}

// buildCompanion builds briefing-import from root into the user's cache,
// named after this program's own bytes, so that it is built once for each
// build of briefing and a rebuilt briefing never runs an older one.
func buildCompanion(root, self string, errOut io.Writer) (string, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", err
	}
	sum, err := fileSum(self)
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("building %s: %w", companionName, err)
	}
	dir := filepath.Join(cache, "briefing")
	target := filepath.Join(dir, strings.Replace(companionName, "import", "import-"+sum, 1))
	if isFile(target) {
		return target, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("building %s: %w", companionName, err)
	}
	fmt.Fprintf(errOut, "building %s from %s, once for this briefing (go install ./cmd/... installs it beside briefing)\n", companionName, root)
	tmp := fmt.Sprintf("%s.%d.tmp", target, os.Getpid())
	c := exec.Command(goTool, "build", "-o", tmp, "./cmd/briefing-import")
	c.Dir, c.Stdout, c.Stderr = root, errOut, errOut
	if err := c.Run(); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("building %s in %s: %w", companionName, root, err)
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("building %s: %w", companionName, err)
	}
	// The ones built for earlier builds of briefing are of no more use.
	old, _ := filepath.Glob(filepath.Join(dir, "briefing-import-*"))
	for _, p := range old {
		if p != target && !strings.HasSuffix(p, ".tmp") {
			os.Remove(p)
		}
	}
	return target, nil
}

// fileSum names a file by its bytes: the first 16 hex digits of SHA-256.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
