package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// savingSite is serve.Run on 127.0.0.1 over a site of one article file,
// whose rebuild fails as content's does on an empty file.
type savingSite struct {
	article string
	log     chan string // every line Run logs
	reports chan error  // every failure Run shows
}

func runSite(t *testing.T, settle time.Duration) *savingSite {
	t.Helper()
	site := t.TempDir()
	r := &savingSite{article: filepath.Join(site, "content", "a.md"), log: make(chan string, 100), reports: make(chan error, 100)}
	if err := os.MkdirAll(filepath.Dir(r.article), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(r.article, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	rebuild := func(context.Context, []string) ([]string, error) {
		data, err := os.ReadFile(r.article)
		if err != nil {
			return nil, generator.ErrorList{generator.Errorf("content/a.md", 0, 0, "reading: %w", err)}
		}
		if len(data) == 0 {
			return nil, generator.ErrorList{generator.Errorf("content/a.md", 0, 0, "%w", generator.ErrEmptyFile)}
		}
		return []string{"index.html"}, nil
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	logR, logW := io.Pipe()
	go func() {
		sc := bufio.NewScanner(logR)
		for sc.Scan() {
			r.log <- sc.Text()
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		_ = Run(ctx, ln, &mapSource{files: map[string]string{"index.html": htmlPage("A")}}, rebuild, Options{
			Site: site, Watch: []string{"content"}, Log: logW, Settle: settle,
			Report: func(err error) { r.reports <- err },
			Ready:  func() { close(ready) },
		})
		logW.Close()
	}()
	t.Cleanup(func() { cancel(); <-done })
	<-ready
	return r
}

// waitLog waits for a logged line containing want, failing the test
// rather than hanging when none comes.
func (r *savingSite) waitLog(t *testing.T, want string) {
	t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case line := <-r.log:
			if strings.Contains(line, want) {
				return
			}
		case err := <-r.reports:
			t.Fatalf("reported %v while waiting for %q", err, want)
		case <-timeout:
			t.Fatalf("no log line with %q within 60s", want)
		}
	}
}

// TestMidSaveNotFlashed empties the article, as an editor does before
// writing it, then writes it: no error is shown, only the change.
func TestMidSaveNotFlashed(t *testing.T) {
	r := runSite(t, time.Hour) // the held failure can only end by the next save
	r.waitLog(t, "built in")
	if err := os.WriteFile(r.article, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r.waitLog(t, "waiting for content/a.md to be saved whole")
	if err := os.WriteFile(r.article, []byte("second"), 0o644); err != nil {
		t.Fatal(err)
	}
	r.waitLog(t, "content/a.md changed: 1 file updated")
}

// TestEmptyFileStillReported leaves the article empty: once the save has
// had time to finish, the error is shown as any other.
func TestEmptyFileStillReported(t *testing.T) {
	r := runSite(t, time.Millisecond)
	r.waitLog(t, "built in")
	if err := os.WriteFile(r.article, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-r.reports:
		if !strings.Contains(err.Error(), "file is empty") {
			t.Errorf("reported %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("an empty article was never reported")
	}
}
