package build

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/briefing-digest/briefing/generator/search"
)

// TestLiveSearchFollowsEdits checks that, while serving, a word written
// into an article's body is found by search after the save, and is gone
// again once it is deleted: the shard holding it is re-rendered each time.
func TestLiveSearchFollowsEdits(t *testing.T) {
	dir := copyExample(t)
	l := startLive(t, dir)
	article := filepath.Join(dir, "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md")
	original, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	const word = "quetzalcoatlus" // in no article of the example digest

	indexed := func() bool {
		t.Helper()
		var meta struct {
			Docs   int      `json:"n"`
			Shards int      `json:"s"`
			Heavy  []string `json:"h"`
		}
		data, ok := l.File("search/meta.json")
		if !ok || json.Unmarshal(data, &meta) != nil {
			t.Fatalf("serve has no readable search/meta.json: %q", data)
		}
		heavy := map[string]bool{}
		for _, k := range meta.Heavy {
			heavy[k] = true
		}
		shard := "search/t/" + strconv.Itoa(search.Shard(search.Key(word, heavy), meta.Shards)) + ".json"
		data, ok = l.File(shard)
		if !ok {
			t.Fatalf("serve has no %s though meta.json counts %d shards", shard, meta.Shards)
		}
		var terms map[string]string
		if err := json.Unmarshal(data, &terms); err != nil {
			t.Fatalf("%s: %v", shard, err)
		}
		_, found := terms[word]
		return found
	}
	if indexed() {
		t.Fatalf("%s is indexed before any article says it", word)
	}
	save := func(text []byte) {
		t.Helper()
		if err := os.WriteFile(article, text, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Rebuild(context.Background(), []string{article}); err != nil {
			t.Fatal(err)
		}
	}
	save(append(append([]byte{}, original...), "\nA fossil of a Quetzalcoatlus was shown.\n"...))
	if !indexed() {
		t.Errorf("after a save adds %s to a body, search does not find it", word)
	}
	save(original)
	if indexed() {
		t.Errorf("after the word is deleted again, search still finds %s", word)
	}
}
