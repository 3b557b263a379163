package browsertest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing-digest/briefing/internal/browsertest"
)

func TestFindHonoursEnvironment(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to stand in for a browser")
	}
	t.Setenv(browsertest.EnvChrome, sh)
	if got, err := browsertest.Find(); err != nil || got != sh {
		t.Errorf("Find() with %s=%s = %q, %v; want %q", browsertest.EnvChrome, sh, got, err, sh)
	}

	t.Setenv(browsertest.EnvChrome, "/no/such/browser")
	if _, err := browsertest.Find(); err == nil || !strings.Contains(err.Error(), browsertest.EnvChrome) {
		t.Errorf("Find() with a missing %s = %v; want an error naming the variable", browsertest.EnvChrome, err)
	}
}

func TestFindWithoutBrowser(t *testing.T) {
	t.Setenv(browsertest.EnvChrome, "")
	t.Setenv("PATH", t.TempDir())
	if _, err := browsertest.Find(); !errors.Is(err, browsertest.ErrNoBrowser) {
		t.Errorf("Find() with an empty PATH = %v; want ErrNoBrowser", err)
	}
}

// TestRecord opens a page in a real browser and checks that the recorder
// sees what it loads, with the answers the server gave.
func TestRecord(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			io.WriteString(w, `<!doctype html><title>t</title><link rel="stylesheet" href="/a.css"><img src="/missing.png" alt="">`)
		case "/a.css":
			w.Header().Set("Content-Type", "text/css")
			io.WriteString(w, "body { color: red }")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	tab := browsertest.Tab(t, browsertest.New(t))
	rec := browsertest.Record(t, tab)
	ctx, cancel := context.WithTimeout(tab, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	answered := map[string]int64{}
	err := rec.Wait(ctx, func(rs []browsertest.Response) bool {
		for _, r := range rs {
			if r.Done() {
				answered[strings.TrimPrefix(r.URL, srv.URL)] = r.Status
			}
		}
		return answered["/a.css"] != 0 && answered["/missing.png"] != 0
	})
	if err != nil {
		t.Fatalf("the recorder never saw both requests: %v (saw %v)", err, answered)
	}
	if answered["/a.css"] != 200 || answered["/missing.png"] != 404 {
		t.Errorf("recorded answers %v; want /a.css 200 and /missing.png 404", answered)
	}
}
