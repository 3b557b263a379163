package email_test

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing-digest/briefing/internal/browsertest"
)

// TestInBrowser opens the HTML part of an issue's .eml in headless
// Chromium, light and dark, as a mail program that renders HTML would
// show it, and checks
// what a reader would notice: the week's articles are there and visible,
// dark mode is dark, every text is legible on what lies behind it, and a
// phone does not scroll sideways.
func TestInBrowser(t *testing.T) {
	browser := browsertest.New(t)
	for _, c := range []struct {
		name  string
		extra map[string]string
		want  []string // the visible h1 and h3 headings, in order
	}{
		{"plain week", nil, []string{"Week 45 · 8–14 November 2021", "Ankara and Baku sign a <b>gas</b> accord", "Izmir port reopens after storm", "A quiet week on the Caspian"}},
		// With an edition: the note, lead, featured, a country and in brief.
		{"edition", editionFiles, []string{"A storm, a port and a pipeline", "Izmir port reopens after storm", "A quiet week on the Caspian", "Baku opens a metro line", "Ganja holds a book fair"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := buildSite(t, c.extra)
			m := parseEML(t, readFile(t, out, "issues/2021-w45/2021-w45.eml"))
			if len(m.parts) != 2 {
				t.Fatalf("the message has %d parts, want 2", len(m.parts))
			}
			inBrowser(t, browser, m.parts[1].body, c.want)
		})
	}
}

// inBrowser serves page alone and checks it light and dark.
func inBrowser(t *testing.T, browser context.Context, page []byte, want []string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// Only the message's HTML is served: a mail program has nothing else,
	// no stylesheet beside it and no site to fetch from.
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/email.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	})}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	url := "http://" + ln.Addr().String() + "/email.html"

	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			tab := browsertest.Tab(t, browser)
			if err := chromedp.Do(within(t, tab), browsertest.ColorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(within(t, tab), chromedp.Navigate(url)); err != nil {
				t.Fatalf("opening %s: %v", url, err)
			}

			// The articles are on screen, not only in the markup.
			titles := eval[[]string](t, tab, `[...document.querySelectorAll("h1, h3")].filter(e => {
				const r = e.getBoundingClientRect(), s = getComputedStyle(e);
				return r.width > 10 && r.height > 10 && s.visibility === "visible" && s.display !== "none";
			}).map(e => e.textContent.trim())`)
			if strings.Join(titles, "|") != strings.Join(want, "|") {
				t.Errorf("visible headings %q, want %q", titles, want)
			}

			type colours struct {
				Page string `json:"page"`
				Card string `json:"card"`
				Text string `json:"text"`
			}
			c := eval[colours](t, tab, `({page: getComputedStyle(document.body).backgroundColor,
				card: getComputedStyle(document.querySelector("h1").closest("td")).backgroundColor,
				text: getComputedStyle(document.querySelector("h1")).color})`)
			card, text := browsertest.MustColour(t, c.Card), browsertest.MustColour(t, c.Text)
			if scheme == "dark" && (card.Luminance() > 0.05 || text.Luminance() < 0.5) {
				t.Errorf("dark mode: card %s, title %s; want a dark card and light text", c.Card, c.Text)
			}
			if scheme == "light" && (card.Luminance() < 0.8 || text.Luminance() > 0.05) {
				t.Errorf("light mode: card %s, title %s; want a light card and dark text", c.Card, c.Text)
			}

			type pair struct {
				FG   string `json:"fg"`
				BG   string `json:"bg"`
				What string `json:"what"`
				Text string `json:"text"`
			}
			pairs := eval[[]pair](t, tab, contrastScript)
			if len(pairs) < 5 {
				t.Fatalf("found only %d texts to measure", len(pairs))
			}
			for _, p := range pairs {
				if r := browsertest.Contrast(browsertest.MustColour(t, p.FG), browsertest.MustColour(t, p.BG)); r < 4.5 {
					t.Errorf("%s %q is %s on %s, contrast %.2f:1, want at least 4.5:1", p.What, p.Text, p.FG, p.BG, r)
				}
			}

			// A phone's mail app is about 360 pixels wide.
			if err := chromedp.Do(within(t, tab), chromedp.EmulateViewport(360, 740)); err != nil {
				t.Fatal(err)
			}
			if w := eval[int](t, tab, `document.documentElement.scrollWidth`); w > 360 {
				t.Errorf("on a 360-pixel phone the email is %d pixels wide and scrolls sideways", w)
			}
		})
	}
}

// contrastScript lists each distinct pair of text colour and the
// background it sits on, for every visible element holding text, links
// included. The background is the nearest one an ancestor paints, or the
// browser's canvas: dark when a page says it supports dark and the reader
// prefers it, which is how black text on an unpainted dark canvas shows.
const contrastScript = `(() => {
	const transparent = c => c === "transparent" || /^rgba\(.*,\s*0\)$/.test(c);
	const canvas = matchMedia("(prefers-color-scheme: dark)").matches &&
		/dark/.test(document.querySelector('meta[name="color-scheme"]')?.content || "") ? "rgb(18, 18, 18)" : "rgb(255, 255, 255)";
	const background = e => {
		for (; e; e = e.parentElement) {
			const c = getComputedStyle(e).backgroundColor;
			if (!transparent(c)) return c;
		}
		return canvas;
	};
	const seen = new Set(), out = [];
	for (const e of document.querySelectorAll("body *")) {
		if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
		const r = e.getBoundingClientRect();
		if (r.width <= 1 || r.height <= 1) continue;
		const s = getComputedStyle(e);
		if (s.visibility !== "visible" || +s.opacity === 0) continue;
		const pair = {fg: s.color, bg: background(e)};
		const key = pair.fg + "|" + pair.bg + "|" + e.tagName + e.className;
		if (seen.has(key)) continue;
		seen.add(key);
		pair.what = e.tagName.toLowerCase() + (e.className ? "." + [...e.classList].join(".") : "");
		pair.text = e.textContent.trim().slice(0, 30);
		out.push(pair);
	}
	return out;
})()`

// within bounds a browser step, so a page that never loads fails the
// test instead of hanging it. It is not a speed check.
func within(t *testing.T, ctx context.Context) context.Context {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func eval[T any](t *testing.T, tab context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(within(t, tab), chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("evaluating script: %v", err)
	}
	return v
}
