package importer

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestImportAnAddress(t *testing.T) {
	var agent string
	mux := http.NewServeMux()
	mux.HandleFunc("/news/storm-closes-quay", func(w http.ResponseWriter, r *http.Request) {
		agent = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := string(quayPage(quayStory))
		// No canonical URL: the address fetched stands for the page.
		page = strings.Replace(page, `<link rel="canonical" href="https://www.harbourcourier.example/news/2024/03/04/storm-closes-quay/">`, "", 1)
		page = strings.Replace(page, "</article>", `<p>The <a href="../reports/quay.pdf">authority's report</a> lists the damage in full, crane by crane and stall by stall.</p></article>`, 1)
		w.Write([]byte(page))
	})
	mux.HandleFunc("/short/quay", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/storm-closes-quay", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/photo.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte{0xff, 0xd8, 0xff})
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	inputs, failed := Read([]string{srv.URL + "/short/quay", srv.URL + "/missing", srv.URL + "/loop", srv.URL + "/photo.jpg", "ftp://files.example/story.txt"}, nil)
	if len(inputs) != 1 || len(failed) != 4 {
		t.Fatalf("Read: %d inputs, %d failed (%v); want the one page read and four refused", len(inputs), len(failed), failed)
	}
	for i, want := range []string{"404", "redirects", "image/jpeg", "only http and https"} {
		if err := failed[i].Err; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", failed[i].Input, err, want)
		}
	}
	if !strings.HasPrefix(agent, "briefing") {
		t.Errorf("User-Agent %q does not say briefing", agent)
	}
	site := t.TempDir()
	o := newImporter(t, site, Options{Date: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)}).Import(inputs[0])
	if o.Err != nil || o.Status != Imported {
		t.Fatalf("import: %v %v", o.Status, o.Err)
	}
	a := parse(t, site, o.File)
	if a.URL != srv.URL+"/news/storm-closes-quay" || a.Title != quayHeadline {
		t.Errorf("url %q, title %q; want the address redirected to and the headline", a.URL, a.Title)
	}
	if !strings.Contains(string(a.Body), "]("+srv.URL+"/reports/quay.pdf)") {
		t.Errorf("relative link not made absolute against the page's address:\n%s", a.Body)
	}
}
