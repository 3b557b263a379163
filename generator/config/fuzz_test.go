package config

import (
	"errors"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

// FuzzParse feeds briefing.yaml parsing any text: it must never panic,
// and its errors must all name the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"title: Digest\nbase_url: https://user.github.io/repo/\n",
		"titel: typo\n",
		"title: [a\n",
		"\ttitle: x\n",
		"taxonomies: {a: b}\nlocation: Mars/Olympus\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Parse(FileName, []byte(src))
		var list generator.ErrorList
		if err != nil && (!errors.As(err, &list) || len(list) == 0) {
			t.Fatalf("error is no list of positioned problems: %v", err)
		}
		for _, e := range list {
			if e.File != FileName {
				t.Fatalf("error %q does not name %s", e, FileName)
			}
		}
	})
}
