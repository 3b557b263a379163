package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// generateWith is what a full build with opts makes, by output path.
func generateWith(t *testing.T, opts Options) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	var mu sync.Mutex
	_, err := Generate(context.Background(), opts, func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[p] = bytes.Clone(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestLiveEditions edits an issue file while serving and checks, after
// every save, that the home and issue pages show it and that the live
// site is byte for byte what a build of the same files makes.
func TestLiveEditions(t *testing.T) {
	for _, preview := range []bool{false, true} {
		name := "build"
		if preview {
			name = "preview"
		}
		t.Run(name, func(t *testing.T) { testLiveEditions(t, preview) })
	}
}

func testLiveEditions(t *testing.T, preview bool) {
	dir := copyExample(t)
	ctx := context.Background()
	opts := Options{Source: dir, Preview: preview}
	l, err := NewLive(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Rebuild(ctx, nil); err != nil {
		t.Fatal(err)
	}
	edition := filepath.Join(dir, "content/issues/2023-w08.md")
	if err := os.MkdirAll(filepath.Dir(edition), 0o755); err != nil {
		t.Fatal(err)
	}
	home := func() string {
		data, _ := l.File("index.html")
		return string(data)
	}
	const week8 = "Week 8 · 20–26 February 2023"
	const banner = "this issue is not published"
	check := func(step string, homeShows, homeLacks []string) {
		t.Helper()
		if d := diff(generateWith(t, opts), snapshot(l)); len(d) > 0 {
			t.Errorf("%s: live site differs from a build in %v", step, d)
		}
		for _, s := range homeShows {
			if !strings.Contains(home(), s) {
				t.Errorf("%s: home page lacks %q", step, s)
			}
		}
		for _, s := range homeLacks {
			if strings.Contains(home(), s) {
				t.Errorf("%s: home page shows %q", step, s)
			}
		}
	}
	save := func(step, text string) Change {
		t.Helper()
		writeFile(t, edition, text)
		change, err := l.Rebuild(ctx, []string{edition})
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return change
	}

	// Week 8 of 2023 holds the newest article, so it is being written.
	if preview {
		check("no edition", []string{week8, banner}, nil)
	} else {
		check("no edition", []string{"Week 45 · 8–14 November 2021"}, []string{week8, banner})
	}

	change := save("edition added", `---
title: "Britain speeds up asylum claims"
lead: reports-streamlined-uk-asylum-process-to-replace-interview
---
The Home Office changed how *claims* are heard.
`)
	if !slices.Contains(change.Changed, "index.html") || !slices.Contains(change.Changed, "issues/2023-w08/index.html") {
		t.Errorf("adding an edition changed %v, want the home and issue pages", change.Changed)
	}
	// The email edition is the issue's too: its files follow the edition.
	emailFiles := []string{"issues/2023-w08/email.html", "issues/2023-w08/email.txt", "issues/2023-w08/2023-w08.eml"}
	mailed := func(step string, change Change, shows string) {
		t.Helper()
		for _, f := range emailFiles {
			if !slices.Contains(change.Changed, f) {
				t.Errorf("%s: %s was not made again", step, f)
			}
			// The .eml's quoted-printable may break the words across lines.
			if data, _ := l.File(f); !strings.HasSuffix(f, ".eml") && !strings.Contains(string(data), shows) {
				t.Errorf("%s: %s lacks %q", step, f, shows)
			}
		}
	}
	mailed("edition added", change, "Britain speeds up asylum claims")
	// The newest week is the last numbered: No. 1 is the oldest.
	issues := 0
	for _, p := range l.Paths() {
		if strings.HasPrefix(p, "issues/20") && strings.HasSuffix(p, "/index.html") {
			issues++
		}
	}
	check("edition added", []string{"Britain speeds up asylum claims", "<em>claims</em>", "Lead story", fmt.Sprintf("No. %d", issues)}, []string{banner})

	change = save("note edited", `---
title: "Britain speeds up asylum claims"
lead: reports-streamlined-uk-asylum-process-to-replace-interview
---
The Home Office changed how claims are heard, for five nationalities.
`)
	if !slices.Contains(change.Changed, "issues/2023-w08/index.html") {
		t.Errorf("editing the note changed %v, want the issue page", change.Changed)
	}
	mailed("note edited", change, "five nationalities")
	check("note edited", []string{"for five nationalities"}, nil)

	save("held back", "---\npublished: false\n---\nNot yet.\n")
	if preview {
		check("held back", []string{week8, banner, "Not yet."}, nil)
	} else {
		check("held back", []string{"Week 45 · 8–14 November 2021"}, []string{week8, "Not yet."})
	}

	writeFile(t, edition, "---\nlead: no-such-article\n---\n")
	if _, err := l.Rebuild(ctx, []string{edition}); err == nil || !strings.Contains(err.Error(), "content/issues/2023-w08.md:2:7: issue file: lead \"no-such-article\"") {
		t.Errorf("a wrong lead gave %v, want it placed at 2:7", err)
	}
	save("fixed", "---\ntitle: Fixed\n---\n")
	check("fixed", []string{"Fixed"}, []string{banner})

	if err := os.Remove(edition); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Rebuild(ctx, []string{edition}); err != nil {
		t.Fatal(err)
	}
	check("edition removed", nil, []string{"Fixed"})
}
