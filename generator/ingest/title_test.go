package ingest

import "testing"

func TestTitleWithoutOutlet(t *testing.T) {
	for _, tc := range []struct{ title, source, host, want string }{
		// No site name and no address: a capitalised name after a dash.
		{"Ferry strike enters its second week at the harbour - Coastline", "", "", "Ferry strike enters its second week at the harbour"},
		// A headline's own dash stays.
		{"Ferry review - slow, late, and worth it", "", "", "Ferry review - slow, late, and worth it"},
		{"Ferry strike enters its second week - Coastline", "", "coastline.example", "Ferry strike enters its second week"},
		// The host's name and one word more.
		{"Ferry strike enters its second week – Coastline Entertainment", "", "coastline.example", "Ferry strike enters its second week"},
		{"Ferry strike enters its second week | Coastline News", "", "www.coastline.example", "Ferry strike enters its second week"},
	} {
		if got, _ := cleanTitle(tc.title, tc.source, tc.host); got != tc.want {
			t.Errorf("cleanTitle(%q, %q, %q) = %q, want %q", tc.title, tc.source, tc.host, got, tc.want)
		}
	}
}
