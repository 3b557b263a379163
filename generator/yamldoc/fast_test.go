package yamldoc

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// sameNodes reports the first way a differs from b in what briefing
// reads of a node: kind, tag, style, value, position and children.
func sameNodes(a, b *yaml.Node, at string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Style != b.Style || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column {
		return fmt.Errorf("%s: fast %+v, yaml.v3 %+v", at, brief(a), brief(b))
	}
	if len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: fast has %d children, yaml.v3 %d", at, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if err := sameNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

func brief(n *yaml.Node) string {
	return fmt.Sprintf("kind %d tag %s style %d value %q at %d:%d", n.Kind, n.Tag, n.Style, n.Value, n.Line, n.Column)
}

// checkSame parses src both ways; when the fast path takes it, its nodes
// must be yaml.v3's. It returns whether the fast path took it.
func checkSame(t *testing.T, src string) bool {
	t.Helper()
	fast, ok := fastParse([]byte(src))
	if !ok {
		return false
	}
	var top yaml.Node
	if err := yaml.Unmarshal([]byte(src), &top); err != nil {
		t.Errorf("fast path took what yaml.v3 refuses (%v):\n%s", err, src)
		return true
	}
	if len(top.Content) != 1 {
		t.Errorf("fast path took a document yaml.v3 reads as %d nodes:\n%s", len(top.Content), src)
		return true
	}
	if err := sameNodes(fast, top.Content[0], "root"); err != nil {
		t.Errorf("%v\nin:\n%s", err, src)
	}
	return true
}

// TestFastMatchesYAML checks the fast path against yaml.v3 on the shapes
// import and the benchmark corpus write, and on the values whose reading
// is easiest to get wrong: words YAML reads as booleans or null, numbers,
// dates, accents before a list item, and quoting.
func TestFastMatchesYAML(t *testing.T) {
	for _, src := range fastShapes {
		if !checkSame(t, src) {
			t.Errorf("fast path refused a plain shape:\n%s", src)
		}
	}
	for _, src := range trickyShapes {
		checkSame(t, src)
	}
}

// fastShapes are front matter the fast path must take.
var fastShapes = []string{
	"title: \"Kuwait and South Korea discuss (8891)\"\ndate: 2023-09-04\nsource: \"TASS\"\npeople: [\"Narendra Doval\", \"Vladimir Lapid\"]\nevent: \"\"\n",
	"people: [Gérald Darmanin, Colin Yeo, Ödön von Horváth]\ncountries: [United Kingdom, Côte d'Ivoire]\n",
	"places: []\ntopics: [ Refugees and migration ]\nsummary: \"It's 95% — «quoted»\"\r\n",
	"title: Plain title with words\nsections: [World/Europe, Science & Technology]\n",
	"people: [A.B. Smith, Jean-Luc (JL) Picard]\n",
	"a: \"x\"\na: \"y\"\n",
}

// trickyShapes are read alike by the fast path and yaml.v3, whether or
// not the fast path takes them; most it must leave alone.
var trickyShapes = []string{
	"draft: true\n", "draft: yes\n", "draft: Yes\n", "x: no\n", "x: On\n", "x: off\n", "x: y\n", "x: N\n",
	"null: A\n", "True: x\n", "FALSE: x\n", "on: x\n", "x: null\n", "x: Null\n", "x: ~\n", "x:\n", "x: 12\n", "x: 1.5\n", "x: .inf\n", "x: 0x1F\n",
	"x: 2023-09-04T10:00:00Z\n", "x: 2023-9-4\n", "x: [2023-09-04, 12, true, null, yes]\n",
	"x: \"a\\\"b\"\n", "x: \"a\\nb\"\n", "x: \"a\\\\b\"\n", "x: \"\\\"\"\n", "x: [\"a\\\"\", \"\\\\\"]\n", "x: 'single'\n", "x: a: b\n", "x: a # comment\n", "# comment\nx: a\n",
	"x: [a, [b]]\n", "x: [a, {b: c}]\n", "x: [a,b]\n", "x: [a , b ,]\n", "x: [a\n", "x: \"open\n",
	"x: a  b\n", "x: a\tb\n", "x:  two spaces\n", "x: trailing \n", "x: &a b\n", "x: *a\n", "x: !!str 12\n",
	"x: -a\n", "x: a-\n", "x: ?a\n", "x: @a\n", "x: `a`\n", "x: |\n  a\n", "x:\n  - a\n", " x: a\n", "x : a\n",
	"1x: a\n", "x-y: a\n", "x_y: a\n", "\nx: a\n", "x: a\n\n", "x: [\"a\", b, \"\"]\n", "x: [\"a\" , \"b\"]\n",
	"x: 501st Legion\n", "x: [501st Legion, 2nd Army]\n", "x: 12 Angry Men\n", "x: 1e5 x\n", "x: 0x1F y\n", "x: 1st\n", "x: 3rd-party plan\n",
}

// TestFastTakesTheExampleSite checks the example digest's front matter
// both ways: the articles import wrote are what the fast path is for.
func TestFastTakesTheExampleSite(t *testing.T) {
	files, err := filepath.Glob("../../content/articles/*/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example articles found (%v)", err)
	}
	took := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(data), "---\n")
		fm, _, _ := strings.Cut(rest, "---\n")
		if checkSame(t, fm) {
			took++
		}
	}
	if took != len(files) {
		t.Errorf("the fast path took %d of the %d example articles' front matter", took, len(files))
	}
}

// FuzzFast runs the comparison on generated text:
// go test -fuzz FuzzFast ./generator/yamldoc
func FuzzFast(f *testing.F) {
	for _, s := range append(fastShapes, trickyShapes...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkSame(t, src)
	})
}
