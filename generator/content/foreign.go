package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/BurntSushi/toml"
)

// decodeTOML decodes TOML front matter; on a syntax error it gives the
// line and column within raw (1-based), which toml/v1 knows and v0.3 did not.
func decodeTOML(raw []byte, m *map[string]any) (int, int, error) {
	_, err := toml.Decode(string(raw), m)
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line, col := within(raw, pe.Position.Line, pe.Position.Col)
		return line, col, fmt.Errorf("TOML syntax: %s", pe.Message)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("TOML: %w", err)
	}
	return 0, 0, nil
}

// decodeJSON decodes JSON front matter; on a syntax or type error it turns
// the decoder's byte offset into a line and column within raw.
func decodeJSON(raw []byte, m *map[string]any) (int, int, error) {
	err := json.Unmarshal(raw, m)
	if err == nil {
		return 0, 0, nil
	}
	var offset int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		offset = se.Offset
	case errors.As(err, &te):
		offset = te.Offset
	}
	if offset < 0 {
		return 0, 0, fmt.Errorf("JSON: %w", err)
	}
	line, col := lineCol(raw, int(offset))
	return line, col, fmt.Errorf("JSON syntax: %w", err)
}

// lineCol is the 1-based line and column of byte offset n in data; a
// column counts characters, not bytes.
func lineCol(data []byte, n int) (int, int) {
	n = min(max(n, 0), len(data))
	before := data[:n]
	line := 1 + bytes.Count(before, []byte("\n"))
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, 1 + len([]rune(string(before)))
}

// within moves a position past the end of raw (where a decoder meets the
// end of an unclosed table) back to the end of raw's last line, so the
// error points at text the user can see, not at the closing delimiter.
func within(raw []byte, line, col int) (int, int) {
	lines := bytes.Split(bytes.TrimSuffix(raw, []byte("\n")), []byte("\n"))
	if line > len(lines) {
		line, col = len(lines), len([]rune(string(lines[len(lines)-1])))+1
	}
	return line, col
}
