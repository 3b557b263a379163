package importer

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/briefing-digest/briefing/generator/ingest"
)

// importable are the extensions a folder is searched for.
var importable = []string{".txt", ".text", ".html", ".htm", ".md", ".markdown"}

// Read turns the command line's paths into inputs: files as given, the
// importable files under folders (sorted), "-" for stdin, and pages
// fetched from http and https addresses. A path that
// cannot be read becomes a failed outcome; the others are still returned.
func Read(paths []string, stdin io.Reader) ([]Input, []Outcome) {
	var inputs []Input
	var failed []Outcome
	fail := func(name string, err error) {
		failed = append(failed, Outcome{Input: name, Status: Failed, Err: err})
	}
	for _, p := range paths {
		if p == "-" {
			data, err := io.ReadAll(io.LimitReader(stdin, ingest.MaxSize+1))
			switch {
			case err != nil:
				fail(p, fmt.Errorf("reading standard input: %w", err))
			case len(data) > ingest.MaxSize:
				fail(p, fmt.Errorf("standard input is over %d MB, too big for an article", ingest.MaxSize>>20))
			default:
				inputs = append(inputs, Input{Name: p, Data: data})
			}
			continue
		}
		if isAddress(p) {
			in, err := fetch(context.Background(), FetchClient, p)
			if err != nil {
				fail(p, err)
			} else {
				inputs = append(inputs, in)
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if os.IsNotExist(err) {
				err = fmt.Errorf("%s: no such file or folder", p)
			}
			fail(p, err)
			continue
		}
		files := []string{p}
		if info.IsDir() {
			files = folder(p, fail)
		}
		for _, f := range files {
			data, err := ingest.ReadFile(f)
			if err != nil {
				fail(f, err)
				continue
			}
			inputs = append(inputs, Input{Name: f, Data: data})
		}
	}
	return inputs, failed
}

// folder lists the importable files under dir, skipping hidden ones.
func folder(dir string, fail func(string, error)) []string {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fail(p, err)
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && slices.Contains(importable, strings.ToLower(filepath.Ext(p))) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		fail(dir, err)
	}
	slices.Sort(files)
	return files
}
