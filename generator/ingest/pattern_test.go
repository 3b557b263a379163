package ingest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestPatternsCompile compiles every pattern of the package, so that a
// mistake in one fails here, not in the import of the rare article that
// first needs it.
func TestPatternsCompile(t *testing.T) {
	if len(patterns) < 40 {
		t.Fatalf("%d patterns registered, want the package's 40 and more", len(patterns))
	}
	for _, p := range patterns {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("pattern %q: %v", p.src, r)
				}
			}()
			if p.compiled() == nil {
				t.Errorf("pattern %q compiled to nil", p.src)
			}
		}()
	}
}

// TestPatternsWaitForUse runs this test binary again and checks, before
// anything reads an article, that no pattern was compiled at start-up:
// build, serve and version link this package and should not pay for its
// expressions.
func TestPatternsWaitForUse(t *testing.T) {
	if os.Getenv("INGEST_PATTERN_CHILD") == "1" {
		for _, p := range patterns {
			if p.re != nil {
				t.Errorf("pattern %q was compiled before its first use", p.src)
			}
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPatternsWaitForUse$", "-test.v")
	cmd.Env = append(os.Environ(), "INGEST_PATTERN_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: TestPatternsWaitForUse") {
		t.Fatalf("child did not run the check:\n%s", out)
	}
}

// TestPatternFirstUse checks that a pattern compiles once, on first use,
// and that a bad one fails then with regexp's own message.
func TestPatternFirstUse(t *testing.T) {
	p := &pattern{src: `(\d+) comments?`}
	if p.re != nil {
		t.Fatal("compiled before use")
	}
	if m := p.FindStringSubmatch("12 comments"); len(m) != 2 || m[1] != "12" {
		t.Fatalf("FindStringSubmatch = %q", m)
	}
	first := p.re
	if first == nil || !p.MatchString("1 comment") || p.re != first {
		t.Fatal("the pattern was not compiled once and kept")
	}

	bad := &pattern{src: `(unclosed`}
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(r.(string), "missing closing )") {
			t.Fatalf("a bad pattern's first use gave %v, want regexp's error", r)
		}
	}()
	bad.MatchString("x")
}
