package search

// Numbers in the index are written as text, five bits a character,
// least significant first, with the sixth bit saying that more follow:
// a posting for the next article costs one character, and the result
// goes in a JSON string without escaping. search.js reads them back.
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

func appendNumber(b []byte, v uint64) []byte {
	for v >= 32 {
		b = append(b, alphabet[32|v&31])
		v >>= 5
	}
	return append(b, alphabet[v])
}

// decodeNumbers reads back what appendNumber wrote, for tests.
func decodeNumbers(s string) []uint64 {
	var out []uint64
	var v uint64
	shift := 0
	for i := 0; i < len(s); i++ {
		d := uint64(indexOf(s[i]))
		v |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		out = append(out, v)
		v, shift = 0, 0
	}
	return out
}

func indexOf(c byte) int {
	for i := 0; i < len(alphabet); i++ {
		if alphabet[i] == c {
			return i
		}
	}
	return -1
}
