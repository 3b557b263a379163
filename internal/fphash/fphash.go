// Package fphash is the hash of briefing's fingerprints: a page's
// fingerprint, worked out from what it shows, must come out the same in
// every process and on every machine, so that a build can trust the
// fingerprints an earlier build wrote down. hash/maphash, which serve
// used, is seeded at random in each process and cannot do that.
//
// The function is XXH64 with seed 0, a published, well-tested 64-bit
// hash that is as quick as maphash on short writes and needs no seed.
// Integers are written little-endian whatever the machine.
package fphash

import (
	"encoding/binary"
	"math/bits"
)

const (
	prime1 uint64 = 0x9E3779B185EBCA87
	prime2 uint64 = 0xC2B2AE3D27D4EB4F
	prime3 uint64 = 0x165667B19E3779F9
	prime4 uint64 = 0x85EBCA77C2B2AE63
	prime5 uint64 = 0x27D4EB2F165667C5
)

// stripe is how many bytes the four lanes take at a time.
const stripe = 32

// Hash is a running hash. The zero value is ready to use.
type Hash struct {
	lanes  [4]uint64
	buf    [stripe]byte
	n      int    // bytes waiting in buf
	total  uint64 // bytes written so far
	inited bool   // lanes hold a stripe's state
}

// Reset forgets everything written.
func (h *Hash) Reset() {
	h.n, h.total, h.inited = 0, 0, false
}

// Write adds b; it never fails.
func (h *Hash) Write(b []byte) (int, error) {
	n := len(b)
	h.total += uint64(n)
	if h.n > 0 {
		c := copy(h.buf[h.n:], b)
		h.n += c
		b = b[c:]
		if h.n < stripe {
			return n, nil
		}
		h.stripes(h.buf[:])
		h.n = 0
	}
	if len(b) >= stripe {
		whole := len(b) &^ (stripe - 1)
		h.stripes(b[:whole])
		b = b[whole:]
	}
	h.n = copy(h.buf[:], b)
	return n, nil
}

// WriteString adds s.
func (h *Hash) WriteString(s string) (int, error) {
	// Short strings (names, slugs) go through the buffer without the
	// copy a conversion to []byte would make.
	if h.n+len(s) <= stripe {
		copy(h.buf[h.n:], s)
		h.n += len(s)
		h.total += uint64(len(s))
		if h.n == stripe {
			h.stripes(h.buf[:])
			h.n = 0
		}
		return len(s), nil
	}
	return h.Write([]byte(s))
}

// WriteByte adds c.
func (h *Hash) WriteByte(c byte) error {
	h.buf[h.n] = c
	h.n++
	h.total++
	if h.n == stripe {
		h.stripes(h.buf[:])
		h.n = 0
	}
	return nil
}

// WriteUint64 adds n as 8 bytes, little-endian: fingerprints are mostly
// made of other fingerprints and counts.
func (h *Hash) WriteUint64(n uint64) {
	if h.n+8 > stripe {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], n)
		h.Write(b[:])
		return
	}
	binary.LittleEndian.PutUint64(h.buf[h.n:], n)
	h.n += 8
	h.total += 8
	if h.n == stripe {
		h.stripes(h.buf[:])
		h.n = 0
	}
}

// stripes runs the four lanes over b, a whole number of stripes.
func (h *Hash) stripes(b []byte) {
	if !h.inited {
		p1, p2 := prime1, prime2 // variables, so the sums wrap as XXH64's do
		h.lanes = [4]uint64{p1 + p2, p2, 0, -p1}
		h.inited = true
	}
	v1, v2, v3, v4 := h.lanes[0], h.lanes[1], h.lanes[2], h.lanes[3]
	for ; len(b) >= stripe; b = b[stripe:] {
		v1 = round(v1, binary.LittleEndian.Uint64(b[0:8]))
		v2 = round(v2, binary.LittleEndian.Uint64(b[8:16]))
		v3 = round(v3, binary.LittleEndian.Uint64(b[16:24]))
		v4 = round(v4, binary.LittleEndian.Uint64(b[24:32]))
	}
	h.lanes = [4]uint64{v1, v2, v3, v4}
}

// Sum64 returns the hash of everything written; h is left as it was.
func (h *Hash) Sum64() uint64 {
	return tail(h.lanesSum()+h.total, h.buf[:h.n])
}

// lanesSum is what the lanes come to before the length and the tail are
// mixed in: prime5 when no whole stripe was written.
func (h *Hash) lanesSum() uint64 {
	if !h.inited {
		return prime5
	}
	v := h.lanes
	acc := bits.RotateLeft64(v[0], 1) + bits.RotateLeft64(v[1], 7) + bits.RotateLeft64(v[2], 12) + bits.RotateLeft64(v[3], 18)
	for _, l := range v {
		acc = merge(acc, l)
	}
	return acc
}

// Bytes is the hash of b.
func Bytes(b []byte) uint64 {
	var h Hash
	whole := len(b) &^ (stripe - 1)
	if whole > 0 {
		h.stripes(b[:whole])
	}
	// The tail is hashed in place; only the state of the lanes is needed.
	return tail(h.lanesSum()+uint64(len(b)), b[whole:])
}

// String is the hash of s.
func String(s string) uint64 {
	var h Hash
	h.WriteString(s)
	return h.Sum64()
}

// tail mixes the last, less than a stripe's, bytes into acc and
// scrambles the result.
func tail(acc uint64, b []byte) uint64 {
	for ; len(b) >= 8; b = b[8:] {
		acc ^= round(0, binary.LittleEndian.Uint64(b))
		acc = bits.RotateLeft64(acc, 27)*prime1 + prime4
	}
	if len(b) >= 4 {
		acc ^= uint64(binary.LittleEndian.Uint32(b)) * prime1
		acc = bits.RotateLeft64(acc, 23)*prime2 + prime3
		b = b[4:]
	}
	for _, c := range b {
		acc ^= uint64(c) * prime5
		acc = bits.RotateLeft64(acc, 11) * prime1
	}
	acc ^= acc >> 33
	acc *= prime2
	acc ^= acc >> 29
	acc *= prime3
	acc ^= acc >> 32
	return acc
}

func round(acc, in uint64) uint64 {
	acc += in * prime2
	return bits.RotateLeft64(acc, 31) * prime1
}

func merge(acc, lane uint64) uint64 {
	acc ^= round(0, lane)
	return acc*prime1 + prime4
}
