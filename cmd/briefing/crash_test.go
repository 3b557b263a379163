package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/internal/corpus"
)

// TestKilledBuildsLeaveAWholeSite builds a generated site, changes it,
// then kills builds of the change at moments spread over a build's
// length. After each kill public/ must be the old site or the new one,
// whole; a final build must leave the new site and nothing else beside
// it. BRIEFING_CRASH_ARTICLES sets the size (10000 for the issue's
// case; the default keeps the test quick on a shared machine).
func TestKilledBuildsLeaveAWholeSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and a site many times")
	}
	n := 1000
	if s := os.Getenv("BRIEFING_CRASH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(t.TempDir(), "briefing")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := t.TempDir()
	if err := corpus.Write(site, n, 7); err != nil {
		t.Fatal(err)
	}
	build := func(dest string) time.Duration {
		t.Helper()
		start := time.Now()
		if out, err := exec.Command(bin, "build", "-s", site, "-d", dest).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
		return time.Since(start)
	}
	build("public")
	old := digest(t, filepath.Join(site, "public"))
	writeFile(t, filepath.Join(site, "content/articles/added.md"), "---\ntitle: Added after the first build\ndate: 2021-11-10\n---\nNew text.\n")
	// The new site, built whole elsewhere, is what public/ must become.
	newDir := filepath.Join(t.TempDir(), "new")
	length := build(newDir)
	want := digest(t, newDir)

	const kills = 8
	for i := range kills {
		cmd := exec.Command(bin, "build", "-s", site)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Moments from the start of a build to just past its usual end.
		time.Sleep(length * time.Duration(i+1) / kills)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if got := digest(t, filepath.Join(site, "public")); got != old && got != want {
			t.Fatalf("after kill %d public/ is neither the old site nor the new one", i+1)
		}
	}
	build("public")
	if got := digest(t, filepath.Join(site, "public")); got != want {
		t.Error("the build after the kills did not publish the new site")
	}
	entries, err := os.ReadDir(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("left beside public/: %s", e.Name())
		}
	}
}

// digest hashes every path and file under dir, so two trees compare.
func digest(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h.Write([]byte(filepath.ToSlash(rel) + "\x00"))
		sum := sha256.Sum256(data)
		h.Write(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}
