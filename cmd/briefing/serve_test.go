package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing-digest/briefing/internal/browsertest"
)

// served is a `briefing serve` running in-process on a free port.
type served struct {
	url    string // where it says it serves, e.g. http://localhost:41234/
	stop   func() int
	stdout *lines
	stderr *lines
}

// lines collects a stream and lets a test wait for a line, never a sleep.
type lines struct {
	mu   sync.Mutex
	all  []string
	more chan struct{}
}

func newLines(r io.Reader) *lines {
	l := &lines{more: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			l.mu.Lock()
			l.all = append(l.all, sc.Text())
			close(l.more)
			l.more = make(chan struct{})
			l.mu.Unlock()
		}
	}()
	return l
}

// wait returns the first line from index from on that matches re.
func (l *lines) wait(t *testing.T, from int, re *regexp.Regexp) (string, int) {
	t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		l.mu.Lock()
		for i := from; i < len(l.all); i++ {
			if re.MatchString(l.all[i]) {
				line := l.all[i]
				l.mu.Unlock()
				return line, i + 1
			}
		}
		more := l.more
		l.mu.Unlock()
		select {
		case <-more:
		case <-timeout:
			t.Fatalf("no line matching %s within 60s; got:\n%s", re, l.String())
		}
	}
}

func (l *lines) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.all)
}

func (l *lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.all, "\n")
}

var servingLine = regexp.MustCompile(`^serving .* at (http://\S+) \(Ctrl-C stops\)$`)

// startServe runs briefing serve on dir with extra flags and waits until
// it says where it serves.
func startServe(t *testing.T, dir string, flags ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	errR, errW := io.Pipe()
	code := make(chan int, 1)
	args := append([]string{"serve", "-s", dir, "--port", "0"}, flags...)
	go func() {
		c := run(ctx, args, strings.NewReader(""), outW, errW)
		outW.Close()
		errW.Close()
		code <- c
	}()
	s := &served{stdout: newLines(outR), stderr: newLines(errR)}
	var once sync.Once
	exit := -1
	s.stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case exit = <-code:
			case <-time.After(10 * time.Second):
				t.Error("serve did not stop within 10s of Ctrl-C")
			}
		})
		return exit
	}
	t.Cleanup(func() { s.stop() })
	line, _ := s.stdout.wait(t, 0, servingLine)
	s.url = servingLine.FindStringSubmatch(line)[1]
	return s
}

// copyExample copies the repository's example digest so a test may edit it.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir("../../content", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("../..", p)
		writeFile(t, filepath.Join(dir, rel), mustRead(t, p))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "briefing.yaml"), mustRead(t, "../../briefing.yaml"))
	return dir
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

const craneFile = "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md"
const cranePage = "articles/at-least-107-killed-in-mecca-crane-collapse/"

// TestServeCommand checks the command as a user meets it in a terminal:
// it says where it serves, serves from memory without writing public/,
// rebuilds on a save and says so, keeps going through a broken file,
// and stops cleanly on Ctrl-C.
func TestServeCommand(t *testing.T) {
	dir := copyExample(t)
	s := startServe(t, dir)
	if !strings.HasPrefix(s.url, "http://localhost:") {
		t.Errorf("serves at %s, want http://localhost:PORT/", s.url)
	}
	code, body := get(t, s.url+cranePage)
	if code != 200 || !strings.Contains(body, "Mecca") {
		t.Fatalf("article page: status %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("serve wrote public/ (stat: %v)", err)
	}
	// A page on another site whose name resolves to 127.0.0.1 must not
	// read the preview; the server's own names must.
	for host, want := range map[string]int{"attacker.example": http.StatusForbidden, "localhost": http.StatusOK, "127.0.0.1": http.StatusOK} {
		req, err := http.NewRequest(http.MethodGet, s.url, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host + ":" + port(s.url)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", req.Host, resp.StatusCode, want)
		}
	}

	from := s.stdout.len()
	article := filepath.Join(dir, craneFile)
	original := mustRead(t, article)
	writeFile(t, article, original+"\nA sentence added while serving.\n")
	s.stdout.wait(t, from, regexp.MustCompile(`^content/articles/2015/at-least-107-killed-in-mecca-crane-collapse\.md changed: \d+ files? updated in \d+ ms$`))
	if _, body := get(t, s.url+cranePage); !strings.Contains(body, "A sentence added while serving.") {
		t.Error("the page does not show the saved sentence")
	}

	errFrom := s.stderr.len()
	writeFile(t, article, strings.Replace(original, "countries: [", "countries: [[", 1))
	s.stderr.wait(t, errFrom, regexp.MustCompile(`^content/articles/2015/at-least-107-killed-in-mecca-crane-collapse\.md:\d+:\d+: `))
	s.stderr.wait(t, errFrom, regexp.MustCompile(`^error: still serving the last good build`))
	code, body = get(t, s.url+cranePage)
	if code != 200 || !strings.Contains(body, "A sentence added while serving.") || !strings.Contains(body, `id="briefing-error"`) {
		t.Errorf("while broken, the page should be the last good build with the error overlay (status %d)", code)
	}

	from = s.stdout.len()
	writeFile(t, article, original)
	s.stdout.wait(t, from, regexp.MustCompile(`^fixed: the site builds again$`))
	if _, body := get(t, s.url+cranePage); strings.Contains(body, `id="briefing-error"`) || strings.Contains(body, "A sentence added while serving.") {
		t.Error("after the fix the page should be the fixed article without the overlay")
	}

	if code := s.stop(); code != 0 {
		t.Errorf("Ctrl-C: exit status %d, want 0; stderr:\n%s", code, s.stderr)
	}
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(strings.TrimSuffix(s.url, "/"), "http://"), time.Second); err == nil {
		t.Error("the port is still open after Ctrl-C")
	}
}

// TestServePolls checks --poll: saves are seen by polling the files.
func TestServePolls(t *testing.T) {
	dir := copyExample(t)
	s := startServe(t, dir, "--poll", "20ms")
	from := s.stdout.len()
	article := filepath.Join(dir, craneFile)
	writeFile(t, article, mustRead(t, article)+"\nSeen by polling.\n")
	s.stdout.wait(t, from, regexp.MustCompile(`crane-collapse\.md changed: `))
	if _, body := get(t, s.url+cranePage); !strings.Contains(body, "Seen by polling.") {
		t.Error("the page does not show the polled save")
	}
}

// port is the port of a served address such as http://localhost:41234/.
func port(url string) string {
	return strings.TrimSuffix(url[strings.LastIndex(url, ":")+1:], "/")
}

// TestServeRefusesBusyPort names the problem and what to do.
func TestServeRefusesBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
	code, _, stderr := briefing(t, "serve", "-s", copyExample(t), "--port", port)
	if code == 0 || !strings.Contains(stderr, "port "+port+" is already in use") || !strings.Contains(stderr, "--port") {
		t.Errorf("busy port: exit %d, stderr %q", code, stderr)
	}
}

// TestServeInBrowser watches the preview in headless Chromium while files
// change on disk, touching nothing in the page.
func TestServeInBrowser(t *testing.T) {
	browser := browsertest.New(t)

	t.Run("a saved edit appears without a touch", func(t *testing.T) {
		dir := copyExample(t)
		s := startServe(t, dir)
		tab := browsertest.Tab(t, browser)
		openLive(t, tab, s.url+cranePage)
		article := filepath.Join(dir, craneFile)
		writeFile(t, article, mustRead(t, article)+"\nWritten on disk, read in the browser.\n")
		waitTrue(t, tab, `document.body.innerText.includes("Written on disk, read in the browser.")`)
	})

	t.Run("a front matter error shows over the page until fixed", func(t *testing.T) {
		dir := copyExample(t)
		s := startServe(t, dir)
		tab := browsertest.Tab(t, browser)
		openLive(t, tab, s.url+cranePage)
		article := filepath.Join(dir, craneFile)
		original := mustRead(t, article)
		writeFile(t, article, strings.Replace(original, "countries: [", "countries: [[<b>", 1))
		waitTrue(t, tab, `!!document.getElementById("briefing-error")`)
		text := eval[string](t, tab, `document.getElementById("briefing-error").innerText`)
		if !regexp.MustCompile(`at-least-107-killed-in-mecca-crane-collapse\.md:\d+:\d+:`).MatchString(text) {
			t.Errorf("the overlay does not name file:line:col: %q", text)
		}
		title := eval[string](t, tab, `document.querySelector("h1").innerText`)
		if !strings.Contains(title, "Mecca") {
			t.Errorf("under the overlay the page should be the last good build; its heading is %q", title)
		}
		writeFile(t, article, original)
		waitTrue(t, tab, `!document.getElementById("briefing-error") && document.documentElement.dataset.briefingLive === "connected"`)
	})

	t.Run("a stylesheet change is swapped in without a reload", func(t *testing.T) {
		dir := copyExample(t)
		s := startServe(t, dir)
		tab := browsertest.Tab(t, browser)
		openLive(t, tab, s.url+cranePage)
		// A reload would lose this.
		eval[bool](t, tab, `window.stillHere = true`)
		css := mustRead(t, "../../theme/css/briefing.css") + "\nbody { outline: 7px solid rgb(1, 2, 3); }\n"
		writeFile(t, filepath.Join(dir, "theme/css/briefing.css"), css)
		waitTrue(t, tab, `getComputedStyle(document.body).outlineWidth === "7px"`)
		if !eval[bool](t, tab, `window.stillHere === true`) {
			t.Error("the page reloaded for a stylesheet change")
		}
	})

	t.Run("an open page reconnects after serve restarts", func(t *testing.T) {
		dir := copyExample(t)
		s := startServe(t, dir)
		tab := browsertest.Tab(t, browser)
		openLive(t, tab, s.url+cranePage)
		eval[bool](t, tab, `window.stillHere = true`)
		same := port(s.url)
		if code := s.stop(); code != 0 {
			t.Fatalf("stopping serve: exit %d", code)
		}
		waitTrue(t, tab, `document.documentElement.dataset.briefingLive === "reconnecting"`)
		article := filepath.Join(dir, craneFile)
		writeFile(t, article, mustRead(t, article)+"\nSaved while serve was stopped.\n")
		startServe(t, dir, "--port", same)
		// The new server's greeting differs, so the page reloads itself
		// and shows what was saved while nothing was serving.
		waitTrue(t, tab, `window.stillHere === undefined && document.body.innerText.includes("Saved while serve was stopped.")`)
	})

	t.Run("an edit to another page leaves this one alone", func(t *testing.T) {
		dir := copyExample(t)
		s := startServe(t, dir)
		tab := browsertest.Tab(t, browser)
		openLive(t, tab, s.url+cranePage)
		eval[bool](t, tab, `window.stillHere = true`)
		before := eval[int](t, tab, `window.__briefingEvents`)
		other := filepath.Join(dir, "content/articles/2008/sensitive-canadian-document-found-on-rainy-streets.md")
		writeFile(t, other, mustRead(t, other)+"\nAn edit elsewhere.\n")
		waitTrue(t, tab, fmt.Sprintf(`window.__briefingEvents > %d`, before))
		if !eval[bool](t, tab, `window.stillHere === true`) {
			t.Error("the page reloaded for an edit to another article")
		}
	})
}

// openLive opens url and waits until its live-reload stream is connected.
func openLive(t *testing.T, tab context.Context, url string) {
	t.Helper()
	if _, err := chromedp.Run(tab, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	waitTrue(t, tab, `document.documentElement.dataset.briefingLive === "connected"`)
}

// waitTrue waits, in the page, until expr is true: the browser tells us,
// rather than the test sleeping and hoping.
func waitTrue(t *testing.T, tab context.Context, expr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(10*time.Millisecond)))
		if err == nil {
			return
		}
		// A live reload replaces the document the poll ran in; the
		// condition is then checked again in the new one.
		if ctx.Err() == nil && (strings.Contains(err.Error(), "navigated or closed") || strings.Contains(err.Error(), "context was destroyed") || strings.Contains(err.Error(), "Cannot find context")) {
			continue
		}
		t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// eval runs a script in the page and decodes its result into T.
func eval[T any](t *testing.T, tab context.Context, script string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("evaluating %s: %v", script, err)
	}
	return v
}
