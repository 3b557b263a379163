package build

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator/search"
)

// TestLiveSearchFollowsEdits checks that, while serving, a word written
// into an article's body is found by search after the save, and is gone
// again once it is deleted: the shard holding it is re-rendered each time,
// and so is the file of fragments that holds the article's, among others.
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
	// The article's search fragment shares a file with its neighbours':
	// find it, and keep what every file of fragments holds now.
	url := "/articles/at-least-107-killed-in-mecca-crane-collapse/"
	before := map[string][]fragment{}
	var group string
	at := -1
	for _, p := range l.Paths() {
		if !strings.HasPrefix(p, "search/d/") {
			continue
		}
		before[p] = fragments(t, l, p)
		for i, f := range before[p] {
			if f.URL == url {
				group, at = p, i
			}
		}
	}
	if group == "" {
		t.Fatalf("no file under search/d/ holds the fragment of %s", url)
	}
	if len(before[group]) < 2 {
		t.Fatalf("%s holds %d fragments; the test needs the article to share its file", group, len(before[group]))
	}

	save := func(text []byte) Change {
		t.Helper()
		if err := os.WriteFile(article, text, 0o644); err != nil {
			t.Fatal(err)
		}
		change, err := l.Rebuild(context.Background(), []string{article})
		if err != nil {
			t.Fatal(err)
		}
		return change
	}
	const sentence = "A fossil of a Quetzalcoatlus was shown."
	change := save(append(append([]byte{}, original...), "\n"+sentence+"\n"...))
	if !indexed() {
		t.Errorf("after a save adds %s to a body, search does not find it", word)
	}
	// What a result shows of the article is its group's file, made again;
	// the other articles in it, and every other group, show what they did.
	after := fragments(t, l, group)
	if len(after) != len(before[group]) || !strings.Contains(after[at].Body, sentence) {
		t.Errorf("after the save, %s's fragment %d reads %q, want its body with %q", group, at, after[at].Body, sentence)
	}
	for i := range after {
		if i != at && i < len(before[group]) && after[i] != before[group][i] {
			t.Errorf("saving one article changed fragment %d of %s (%s), another article's", i, group, after[i].URL)
		}
	}
	for _, p := range change.Changed {
		if strings.HasPrefix(p, "search/d/") && p != group {
			t.Errorf("saving one article changed %s, a group it is not in", p)
		}
	}
	if !slices.Contains(change.Changed, group) {
		t.Errorf("the rebuild lists %v as changed, without %s", change.Changed, group)
	}

	save(original)
	if indexed() {
		t.Errorf("after the word is deleted again, search still finds %s", word)
	}
	if got := fragments(t, l, group); !slices.Equal(got, before[group]) {
		t.Errorf("after the body is restored, %s holds\n%+v\nwant\n%+v", group, got, before[group])
	}
}

// fragment is what search.js reads of one article in a file of search/d/.
type fragment struct {
	Title string `json:"t"`
	URL   string `json:"u"`
	Body  string `json:"b"`
}

func fragments(t *testing.T, l *Live, p string) []fragment {
	t.Helper()
	data, ok := l.File(p)
	if !ok {
		t.Fatalf("serve has no %s", p)
	}
	var list []fragment
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return list
}

// heavyWords are thousands of words sharing a first two letters, enough to
// make that prefix's postings one of the heavy ones that search/meta.json
// lists and the shards split further.
func heavyWords() string {
	var b strings.Builder
	for i := range 4000 {
		b.WriteString("zq")
		for _, n := range []int{1, 26, 26 * 26, 26 * 26 * 26} {
			b.WriteByte(byte('a' + i/n%26))
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// TestLiveBodyMakesPrefixHeavy: a save of the body alone can change
// search/meta.json, which names the heavy prefixes; serve must write it
// again, or the browser looks the prefix's words up in the wrong shard.
func TestLiveBodyMakesPrefixHeavy(t *testing.T) {
	dir := copyExample(t)
	l := startLive(t, dir)
	article := filepath.Join(dir, "content/articles/2015/at-least-107-killed-in-mecca-crane-collapse.md")
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := l.File("search/meta.json")
	writeFile(t, article, string(data)+"\n"+heavyWords()+"\n")
	if _, err := l.Rebuild(context.Background(), []string{article}); err != nil {
		t.Fatal(err)
	}
	if d := differsFromBuild(t, l, dir); len(d) > 0 {
		t.Errorf("after a save of the body, serve differs from a full build in %v", d)
	}
	if after, _ := l.File("search/meta.json"); bytes.Equal(before, after) {
		t.Error("search/meta.json is as it was: the save made no prefix heavy, and the test shows nothing")
	}
}
