package tagger

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The file is gzip over: magic, then little-endian buckets, tag count,
// scale, calibration a and b, the transitions, the weights and the lexicon
// bit set. The tag count
// is stored so a model trained for other kinds fails to load instead of
// tagging nonsense.
const magic = "briefing-tagger-2"

// Save writes the model to w.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("tagger: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	for _, v := range []any{[]byte(magic), m.buckets, uint32(numTags), m.scale, m.calA, m.calB, m.trans, m.weights, []uint64(m.lex)} {
		if err := binary.Write(bw, binary.LittleEndian, v); err != nil {
			return fmt.Errorf("tagger: save: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tagger: save: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("tagger: save: %w", err)
	}
	return nil
}

// maxBuckets keeps a corrupt header from asking for gigabytes.
const maxBuckets = 1 << 24

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("tagger: load: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("tagger: load: %w", err)
	}
	if string(head) != magic {
		return nil, errors.New("tagger: load: not a tagger model")
	}
	m := &Model{}
	var tags uint32
	for _, v := range []any{&m.buckets, &tags, &m.scale, &m.calA, &m.calB} {
		if err := binary.Read(br, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("tagger: load: %w", err)
		}
	}
	if tags != uint32(numTags) || m.buckets == 0 || m.buckets > maxBuckets {
		return nil, fmt.Errorf("tagger: load: model has %d tags and %d buckets, want %d tags", tags, m.buckets, numTags)
	}
	m.trans = make([]int16, (numTags+1)*numTags)
	m.weights = make([]int16, int(m.buckets)*numTags)
	m.lex = make(lexicon, lexiconBits/64)
	for _, v := range []any{m.trans, m.weights, []uint64(m.lex)} {
		if err := binary.Read(br, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("tagger: load: %w", err)
		}
	}
	return m, nil
}
