package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// RunJSONL answers each line, in order, with every field present and no
// list null, whatever the order the workers finish in.
func TestRunJSONL(t *testing.T) {
	var in strings.Builder
	n := 150 // more than one batch
	for i := range n {
		text := "Officials in Kabul said the talks would go on."
		if i%3 == 0 {
			text = "Nothing of note."
		}
		fmt.Fprintf(&in, `{"id": "doc-%d", "title": "", "text": %q}`+"\n", i, text)
	}
	var out bytes.Buffer
	if err := RunJSONL(strings.NewReader(in.String()), &out, New()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != n {
		t.Fatalf("got %d lines, want %d", len(lines), n)
	}
	for i, line := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if m["id"] != fmt.Sprintf("doc-%d", i) {
			t.Fatalf("line %d has id %v: order lost", i, m["id"])
		}
		for _, k := range []string{"people", "countries", "organizations", "places", "topics"} {
			if _, ok := m[k].([]any); !ok {
				t.Errorf("line %d: %s is %v, want an array", i, k, m[k])
			}
		}
		for _, k := range []string{"event", "summary"} {
			if _, ok := m[k].(string); !ok {
				t.Errorf("line %d: %s is %v, want a string", i, k, m[k])
			}
		}
	}
	if !strings.Contains(lines[1], `"countries":["Afghanistan"]`) {
		t.Errorf("line 1 = %s, want Afghanistan found through Kabul", lines[1])
	}
}

func TestRunJSONLBadInput(t *testing.T) {
	in := `{"id": 1, "title": "", "text": "Fine."}` + "\n" + `{"id": 2, "text": ` + "\n"
	var out bytes.Buffer
	err := RunJSONL(strings.NewReader(in), &out, New())
	if err == nil || !strings.Contains(err.Error(), "record 2") {
		t.Errorf("error = %v, want one naming record 2", err)
	}
	if !strings.HasPrefix(out.String(), `{"id":1,`) {
		t.Errorf("output = %q, want the good record answered first", out.String())
	}
}
