package tagger

import (
	"bytes"
	_ "embed"
	"sync"
)

// model.bin.gz is built by cmd/train-tagger from the corpora in
// docs/tagger.md; rebuild it with `go run ./cmd/train-tagger`.
//
//go:embed model.bin.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model shipped with briefing, loaded on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Load(bytes.NewReader(embedded)) })
	return defaultModel, defaultErr
}
