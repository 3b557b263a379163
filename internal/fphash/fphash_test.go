package fphash

import (
	"bytes"
	"testing"
)

// TestKnownValues checks the hash against XXH64's published values, so
// fingerprints written by one build are what another computes, here or
// on any machine.
func TestKnownValues(t *testing.T) {
	for _, c := range []struct {
		in   string
		want uint64
	}{
		{"", 0xEF46DB3751D8E999},
		{"a", 0xD24EC4F1A98C6E5B},
		{"abc", 0x44BC2CF5AD770999},
		{"Nobody inspects the spammish repetition", 0xFBCEA83C8A378BF1},
	} {
		if got := String(c.in); got != c.want {
			t.Errorf("String(%q) = %#x, want %#x", c.in, got, c.want)
		}
		if got := Bytes([]byte(c.in)); got != c.want {
			t.Errorf("Bytes(%q) = %#x, want %#x", c.in, got, c.want)
		}
	}
}

// TestPiecesMatchWhole writes the same bytes in pieces of every size,
// through each method, and expects the hash of the whole.
func TestPiecesMatchWhole(t *testing.T) {
	data := make([]byte, 300)
	for i := range data {
		data[i] = byte(i*7 + i>>3)
	}
	for size := range len(data) + 1 {
		whole := Bytes(data[:size])
		for piece := 1; piece <= 40; piece++ {
			var h Hash
			for i := 0; i < size; i += piece {
				b := data[i:min(i+piece, size)]
				switch piece % 3 {
				case 0:
					h.Write(b)
				case 1:
					h.WriteString(string(b))
				default:
					for _, c := range b {
						h.WriteByte(c)
					}
				}
			}
			if got := h.Sum64(); got != whole {
				t.Fatalf("%d bytes in pieces of %d: %#x, whole %#x", size, piece, got, whole)
			}
		}
	}
	// WriteUint64 is the eight little-endian bytes, at any offset.
	for lead := range 40 {
		var h Hash
		h.Write(data[:lead])
		h.WriteUint64(0x0807060504030201)
		want := Bytes(append(bytes.Clone(data[:lead]), 1, 2, 3, 4, 5, 6, 7, 8))
		if got := h.Sum64(); got != want {
			t.Fatalf("after %d bytes, WriteUint64: %#x, want %#x", lead, got, want)
		}
	}
	// Reset starts again; Sum64 leaves the hash as it was.
	var h Hash
	h.Write(data)
	h.Sum64()
	h.Reset()
	h.Write(data[:5])
	first := h.Sum64()
	if first != Bytes(data[:5]) {
		t.Error("Reset kept state")
	}
	if h.Sum64() != first {
		t.Error("Sum64 changed the hash")
	}
}

func BenchmarkWriteUint64(b *testing.B) {
	var h Hash
	for b.Loop() {
		h.Reset()
		for i := range 64 {
			h.WriteUint64(uint64(i))
		}
		_ = h.Sum64()
	}
}

func BenchmarkBytes4K(b *testing.B) {
	data := make([]byte, 4096)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Bytes(data)
	}
}
