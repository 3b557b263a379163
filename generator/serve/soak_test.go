package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator/build"
)

// running is a site served by Run on 127.0.0.1, as briefing serve runs it.
type running struct {
	dir  string
	live *build.Live
	url  string // http://127.0.0.1:port/
	logs *syncBuffer
}

// startSite serves dir and returns once the first build is served.
func startSite(t testing.TB, dir string, poll time.Duration) *running {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String() + "/"
	live, err := build.NewLive(build.Options{Source: dir, BaseURL: url})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	done := make(chan error, 1)
	logs := &syncBuffer{}
	go func() {
		done <- Run(ctx, ln, live, func(ctx context.Context, changed []string) ([]string, error) {
			ch, err := live.Rebuild(ctx, changed)
			return ch.Changed, err
		}, Options{Site: dir, Watch: []string{"briefing.yaml", "content", "templates", "theme", "static"}, Poll: poll,
			Server: ServerOptions{BasePath: "/", Hosts: []string{ln.Addr().String()}}, Log: logs, Ready: func() { close(ready) }})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not stop within 10s of its context ending")
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Run ended before serving: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the site was not served within 30s")
	}
	return &running{dir: dir, live: live, url: url, logs: logs}
}

// syncBuffer collects Run's log from its goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// stream is a browser's view of the reload events.
type stream struct {
	messages chan map[string]any
}

// listen opens the event stream and waits for its greeting.
func listen(t testing.TB, siteURL string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, siteURL+"__briefing/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	s := &stream{messages: make(chan map[string]any, 1024)}
	hello := make(chan struct{})
	go func() {
		defer close(s.messages)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				if event == "hello" {
					close(hello)
				} else {
					var m map[string]any
					if json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &m) == nil {
						s.messages <- m
					}
				}
			case line == "":
				event = ""
			}
		}
	}()
	select {
	case <-hello:
	case <-time.After(10 * time.Second):
		t.Fatal("no hello on the event stream within 10s")
	}
	return s
}

// waitFor returns the first message naming url among its changes.
func (s *stream) waitFor(t testing.TB, url string) map[string]any {
	t.Helper()
	return s.until(t, url, func(m map[string]any) bool {
		changed, _ := m["changed"].([]any)
		return slices.Contains(changed, any(url))
	})
}

// until returns the first message for which is holds, failing after 30s;
// url names what is waited for.
func (s *stream) until(t testing.TB, url string, is func(map[string]any) bool) map[string]any {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case m, ok := <-s.messages:
			if !ok {
				t.Fatalf("event stream ended while waiting for %s", url)
			}
			if is(m) {
				return m
			}
		case <-timeout:
			t.Fatalf("no reload event for %s within 30s", url)
		}
	}
}

// fullBuild is what briefing build makes of dir for the same base URL.
func fullBuild(t *testing.T, dir, baseURL string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	var mu sync.Mutex
	_, err := build.Generate(context.Background(), build.Options{Source: dir, BaseURL: baseURL}, func(p string, data []byte) error {
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

func writeFile(t testing.TB, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func article(title, date, country, body string) string {
	return fmt.Sprintf("---\ntitle: %q\ndate: %s\ncountries: [%s]\n---\n\n%s\n", title, date, country, body)
}

// TestSoak saves 1,000 times across 100 files as fast as it can, the ways
// editors save, and checks that the served site ends up exactly what a
// fresh build of the files makes: no save is missed, however bursty.
func TestSoak(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), "title: Soak\nbase_url: https://example.org/\n")
	countries := []string{"Iran", "Russia", "India", "Chile", "Japan"}
	name := func(i int) string { return filepath.Join(dir, "content/articles", fmt.Sprintf("f%03d.md", i)) }
	for i := range 100 {
		writeFile(t, name(i), article(fmt.Sprintf("File %d", i), "2021-11-01", countries[i%5], "first"))
	}
	site := startSite(t, dir, 0)
	events := listen(t, site.url)

	// Saves are paced over about three seconds, as a busy editing session
	// would be, so rebuilds run while files are still being written.
	pace := time.NewTicker(3 * time.Millisecond)
	defer pace.Stop()
	for n := range 1000 {
		<-pace.C
		i := n % 100
		text := article(fmt.Sprintf("File %d save %d", i, n), fmt.Sprintf("2021-11-%02d", 1+n%28), countries[n%5], fmt.Sprintf("save %d", n))
		switch n % 4 {
		case 0, 1: // in place
			writeFile(t, name(i), text)
		case 2: // to a temporary file, then renamed over the article, as vim and VS Code do
			tmp := name(i) + ".tmp"
			writeFile(t, tmp, text)
			if err := os.Rename(tmp, name(i)); err != nil {
				t.Fatal(err)
			}
		case 3: // deleted and written again
			if err := os.Remove(name(i)); err != nil {
				t.Fatal(err)
			}
			writeFile(t, name(i), text)
		}
	}
	// The watcher reports in order, so once this last save is served every
	// earlier one has been handled.
	writeFile(t, filepath.Join(dir, "content/articles/last.md"), article("The last save", "2021-12-01", "Peru", "done"))
	events.waitFor(t, "/articles/last/")

	want := fullBuild(t, dir, site.url)
	var differ []string
	for p, data := range want {
		if got, ok := site.live.File(p); !ok || !bytes.Equal(got, data) {
			differ = append(differ, p)
		}
	}
	for _, p := range site.live.Paths() {
		if _, ok := want[p]; !ok {
			differ = append(differ, p)
		}
	}
	slices.Sort(differ)
	if len(differ) > 0 {
		t.Fatalf("after 1,000 saves the served site differs from a fresh build in %d files, e.g. %v", len(differ), differ[:min(len(differ), 10)])
	}
	rebuilds := strings.Count(site.logs.String(), " updated in ")
	t.Logf("1,000 saves were handled in %d rebuilds", rebuilds)
	if rebuilds >= 1000 {
		t.Errorf("%d rebuilds for 1,000 saves: bursts were not coalesced", rebuilds)
	}
}
