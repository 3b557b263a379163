package generator

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	lower := fstest.MapFS{
		"base.html":         {Data: []byte("built-in base")},
		"partials/a.html":   {Data: []byte("built-in a")},
		"partials/b.html":   {Data: []byte("built-in b")},
		"css/briefing.css":  {Data: []byte("built-in css")},
		"img/deep/icon.svg": {Data: []byte("svg")},
	}
	upper := fstest.MapFS{
		"partials/b.html": {Data: []byte("site b")},
		"partials/c.html": {Data: []byte("site c")},
	}
	o := Overlay{Upper: upper, Lower: lower}
	got, err := fs.Glob(o, "partials/*.html")
	if err != nil || strings.Join(got, " ") != "partials/a.html partials/b.html partials/c.html" {
		t.Errorf("Glob = %v, %v; want both layers' partials", got, err)
	}
	if b, _ := fs.ReadFile(o, "partials/b.html"); string(b) != "site b" {
		t.Errorf("partials/b.html = %q, want the site's", b)
	}
	if b, _ := fs.ReadFile(o, "partials/a.html"); string(b) != "built-in a" {
		t.Errorf("partials/a.html = %q, want the built-in", b)
	}
	files, err := o.Files()
	if err != nil || len(files) != 6 {
		t.Errorf("Files = %v, %v", files, err)
	}
	empty := Overlay{Upper: fstest.MapFS{}, Lower: fstest.MapFS{}}
	if files, err := empty.Files(); err != nil || len(files) != 0 {
		t.Errorf("empty Files = %v, %v", files, err)
	}
}
