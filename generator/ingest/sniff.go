package ingest

import (
	"bytes"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/briefing-digest/briefing/generator"
)

// kindFromName chooses the kind of input by the file's extension, or ""
// when the extension says nothing.
func kindFromName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return KindText
	case ".html", ".htm", ".xhtml":
		return KindHTML
	case ".md", ".markdown":
		return KindMarkdown
	}
	return ""
}

// sniffKind chooses the kind of input by its first bytes, for input whose
// name has no telling extension.
func sniffKind(text string) string {
	s := strings.TrimLeft(text, " \t\r\n\ufeff")
	if frontMatterEnd(firstLine(s)) != "" || strings.HasPrefix(s, "# ") {
		return KindMarkdown
	}
	head := strings.ToLower(s[:min(len(s), 1024)])
	if !strings.HasPrefix(head, "<") {
		return KindText
	}
	for _, marker := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p "} {
		if strings.Contains(head, marker) {
			return KindHTML
		}
	}
	return KindText
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimRight(line, " \t\r")
}

// checkBinary refuses data that is not text: it starts like a known
// binary format (PDF, ZIP, images), has a NUL byte, or is mostly control
// characters. UTF-16 text has NULs, so the caller decodes it first.
func checkBinary(name string, data []byte) error {
	sample := data[:min(len(data), 8192)]
	if t, _, _ := strings.Cut(http.DetectContentType(sample), ";"); !strings.HasPrefix(t, "text/") && t != "application/octet-stream" {
		return generator.Errorf(name, 0, 0, "binary file, not text (%s)", t)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := position(data, i)
		return generator.Errorf(name, line, col, "binary file, not text (NUL byte)")
	}
	controls := 0
	for _, b := range sample {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f {
			controls++
		}
	}
	if controls*10 > len(sample) {
		return generator.Errorf(name, 0, 0, "binary file, not text (mostly control characters)")
	}
	return nil
}

// position turns a byte offset into a 1-based line and column, counting
// the column in bytes: the offset points at bytes that are not text.
func position(data []byte, offset int) (line, col int) {
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}
