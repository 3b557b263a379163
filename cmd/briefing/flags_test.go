package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnknownFlagNamesTheNearest mistypes a flag of each command and
// checks the one line the user reads names the flag meant, or, for a
// name near none, where the flags are listed.
func TestUnknownFlagNamesTheNearest(t *testing.T) {
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "content/articles/a.md"), "---\ntitle: A\ndate: 2021-11-10\n---\nBody.\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "-s", site, "--destnation", "x"}, "error: briefing build has no flag --destnation; did you mean --destination? (briefing help build lists its flags)\n"},
		{[]string{"import", "--sorce", site, "a.txt"}, "error: briefing import has no flag --sorce; did you mean --source? (briefing help import lists its flags)\n"},
		{[]string{"import", "--dryrun", "a.txt"}, "error: briefing import has no flag --dryrun; did you mean --dry-run? (briefing help import lists its flags)\n"},
		{[]string{"serve", "--prot", "0"}, "error: briefing serve has no flag --prot; did you mean --port? (briefing help serve lists its flags)\n"},
		{[]string{"check", "--dfrats"}, "error: briefing check has no flag --dfrats; did you mean --drafts? (briefing help check lists its flags)\n"},
		{[]string{"new", "article", "--soruce", site, "T"}, "error: briefing new article has no flag --soruce; did you mean --source? (briefing help new article lists its flags)\n"},
		{[]string{"build", "--cpuprofle", "x"}, "error: briefing build has no flag --cpuprofle; did you mean --cpuprofile? (briefing help build lists its flags)\n"},
		{[]string{"build", "--zzzzzz"}, "error: briefing build has no flag --zzzzzz; briefing help build lists its flags\n"},
		{[]string{"build", "-x"}, "error: briefing build has no flag -x; briefing help build lists its flags\n"},
	} {
		code, stdout, stderr := briefing(t, c.args...)
		if code == 0 || stderr != c.want || stdout != "" {
			t.Errorf("briefing %s: exit %d, stdout %q, stderr:\n%s\nwant:\n%s", strings.Join(c.args, " "), code, stdout, stderr, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
		t.Error("a build with a mistyped flag wrote public/")
	}
}

// TestSourceIsTheSiteFolder checks that -s/--source names the site's
// folder in every command's help, and that import writes into the site
// --source names, with the outlet from --outlet.
func TestSourceIsTheSiteFolder(t *testing.T) {
	for _, cmd := range [][]string{{"build"}, {"check"}, {"serve"}, {"import"}, {"extract"}, {"new", "article"}, {"new", "workflow"}} {
		code, stdout, stderr := briefing(t, append([]string{"help"}, cmd...)...)
		if code != 0 {
			t.Fatalf("help %s: %s", cmd, stderr)
		}
		line := ""
		for _, l := range strings.Split(stdout, "\n") {
			if strings.Contains(l, "--source") && strings.HasPrefix(strings.TrimSpace(l), "-s, --source string") {
				line = l
			}
		}
		if !strings.Contains(line, "site") {
			t.Errorf("help %s has no -s, --source for the site's folder:\n%s", strings.Join(cmd, " "), stdout)
		}
	}

	site := t.TempDir()
	code, stdout, stderr := briefing(t, "import", "--source", site, "--outlet", "Gulf Wire", "--date", "2021-11-10", seedPath)
	if code != 0 {
		t.Fatalf("import --source SITE --outlet: %s", stderr)
	}
	file := filepath.Join(site, "content/articles/2021/iran-russia-stress-cooperation-to-achieve-regional-security.md")
	if got := mustRead(t, file); !strings.Contains(got, "\nsource: \"Gulf Wire\"\n") {
		t.Errorf("the imported article does not give the outlet: %.300s\n(import said %s)", got, stdout)
	}

	// The old spelling of the site's flag still works.
	code, stdout, stderr = briefing(t, "import", "--source-dir", site, seedPath)
	if code != 0 || !strings.Contains(stdout, "unchanged 1") {
		t.Errorf("import --source-dir SITE: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestOldOutletFlagIsCaught runs import the old way, --source naming
// the outlet: it refuses, says where the outlet goes now, and makes no
// folder named after the outlet.
func TestOldOutletFlagIsCaught(t *testing.T) {
	seed, err := filepath.Abs(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	code, _, stderr := briefing(t, "import", "--source", "Tehran Times", "--date", "2021-11-10", seed)
	want := "error: --source \"Tehran Times\": no such folder; --source names the site's folder; the outlet the articles come from is --outlet\n"
	if code == 0 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("import made %s", entries[0].Name())
	}
}

// TestArgumentsSayWhatIsWanted gives commands too few or too many
// arguments: each says what it wants, in words.
func TestArgumentsSayWhatIsWanted(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "error: briefing import needs the articles to read: files, folders, http or https addresses, or - for standard input (e.g. briefing import article.txt)\n"},
		{[]string{"extract"}, "error: briefing extract needs one article to read: a file, or - for standard input\n"},
		{[]string{"extract", "a.txt", "b.txt"}, "error: briefing extract takes one article to read: a file, or - for standard input, but was given 2 arguments: \"a.txt b.txt\"\n"},
		{[]string{"new", "site"}, "error: briefing new site needs the folder to make the site in (e.g. briefing new site my-digest)\n"},
		{[]string{"new", "article"}, "error: briefing new article needs the article's title, quoted if it has spaces (e.g. briefing new article \"Talks in Doha\")\n"},
		{[]string{"build", "my-digest"}, "error: briefing build takes no arguments, but was given \"my-digest\"; name the site's folder with -s DIR\n"},
		{[]string{"serve", "my-digest"}, "error: briefing serve takes no arguments, but was given \"my-digest\"; name the site's folder with -s DIR\n"},
	} {
		code, _, stderr := briefing(t, c.args...)
		if code == 0 || stderr != c.want {
			t.Errorf("briefing %s: exit %d, stderr:\n%s\nwant:\n%s", strings.Join(c.args, " "), code, stderr, c.want)
		}
	}
}
