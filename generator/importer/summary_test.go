package importer

import "testing"

func TestPlainSummary(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Talks resumed on Monday, the [foreign ministry](https://ministry.example/news/1) said.",
			"Talks resumed on Monday, the foreign ministry said."},
		{"Rescuers reached the **village** by _boat_ after the `bridge` fell.",
			"Rescuers reached the village by boat after the bridge fell."},
		{"![the bridge](https://img.example/b.jpg)The bridge fell at dawn.", "The bridge fell at dawn."},
		{`The army \[KPA] was put on alert, the agency said\.`, "The army [KPA] was put on alert, the agency said."},
		{"Read the statement at <https://ministry.example/s>.", "Read the statement at https://ministry.example/s."},
		{"The ministry's [full report](https://ministry.example/rep…", "The ministry's full report"},
		{"The ministry's [full rep…", "The ministry's full rep…"},
		{"A snake_case name and 3 * 4 = 12 stay as they are.", "A snake_case name and 3 * 4 = 12 stay as they are."},
	} {
		if got := plainSummary(tc.in); got != tc.want {
			t.Errorf("plainSummary(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
