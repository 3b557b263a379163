package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	src := "title: Gulf Security Weekly\nbase_url: https://analyst.github.io/digest\ntimezone: Asia/Tehran\nweek_start: Sunday\nfeed_limit: 5\npaginate: 12\ntaxonomies: [countries, people, places]\ncname: digest.example.org\n"
	cfg, err := Parse(FileName, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Title != "Gulf Security Weekly" || cfg.BaseURL != "https://analyst.github.io/digest/" || cfg.BasePath() != "/digest/" {
		t.Errorf("title %q base %q path %q", cfg.Title, cfg.BaseURL, cfg.BasePath())
	}
	if cfg.Location.String() != "Asia/Tehran" || cfg.WeekStart != time.Sunday || cfg.FeedLimit != 5 || cfg.Paginate != 12 {
		t.Errorf("location %v week start %v feed limit %d paginate %d", cfg.Location, cfg.WeekStart, cfg.FeedLimit, cfg.Paginate)
	}
	if len(cfg.Taxonomies) != 3 || cfg.Taxonomies[2] != "places" || cfg.CNAME != "digest.example.org" {
		t.Errorf("taxonomies %v cname %q", cfg.Taxonomies, cfg.CNAME)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unknown key", "title: T\nbaseurl: https://x.org/\n",
			`briefing.yaml:2:1: unknown key "baseurl" (known: author, base_url, cname, description, email, feed_limit, language, paginate, taxonomies, timezone, title, unsafe_html, week_start)`},
		{"wrong type", "feed_limit: many\n", `briefing.yaml:1:13: feed_limit must be a whole number, not "many"`},
		{"no pages", "paginate: 0\n", "briefing.yaml:1:11: paginate must be at least 1, not 0"},
		{"bad bool", "unsafe_html: 1\n", "briefing.yaml:1:14: unsafe_html must be true or false, not the number 1"},
		{"bad zone", "timezone: Mars/Olympus\n", `briefing.yaml:1:11: timezone "Mars/Olympus" is not a known time zone (want a name like Europe/London or UTC)`},
		{"bad day", "week_start: someday\n", `briefing.yaml:1:13: week_start "someday" is not a day of the week (want monday, sunday, …)`},
		{"relative base", "base_url: /repo/\n", `briefing.yaml:1:11: base_url: base URL "/repo/" is not absolute (want https://host/path/)`},
		{"bad taxonomy", "taxonomies: [countries, tags]\n", `briefing.yaml:1:25: unknown taxonomy "tags" (known: countries, people, organizations, events, topics, places, sections)`},
		{"unclosed list", "title: x\ntaxonomies: [people\n", `briefing.yaml:2:13: YAML syntax: this "[" is never closed`},
		{"syntax", "title: \"x\n", "briefing.yaml:2:1: YAML syntax: found unexpected end of stream"},
		{"not a mapping", "- a\n- b\n", "briefing.yaml:1:1: want keys and values (key: value), not a list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(FileName, []byte(tc.src))
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestLoadWithoutFileGivesDefaults(t *testing.T) {
	cfg, err := Load(t.TempDir())
	if err != nil || cfg.FeedLimit != 20 || cfg.Paginate != 20 || cfg.WeekStart != time.Monday || len(cfg.Taxonomies) != 5 {
		t.Errorf("Load without briefing.yaml = %+v, %v", cfg, err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("title: X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if cfg, err := Load(dir); err != nil || cfg.Title != "X" {
		t.Errorf("Load = %q, %v", cfg.Title, err)
	}
}
