package email

// appendQP appends data encoded as quoted-printable (RFC 2045) to dst,
// byte for byte as mime/quotedprintable's Writer writes it in text mode
// (line breaks in data, LF or CRLF, become CRLF; a space or tab ending a
// line is encoded; no line passes 76 characters). That Writer handles a
// byte at a time and hands each line on with a call of its own; an
// edition's message is most of a megabyte at 100,000 articles, so here
// runs of bytes that need no encoding are copied whole.
func appendQP(dst, data []byte) []byte {
	const lineMax = 76 // a line's characters, with its soft break's "="
	start := len(dst)  // where the line being written starts
	cr := false        // the last line break read was a CR
	for i := 0; i < len(data); {
		b := data[i]
		switch {
		case b == '\n' || b == '\r':
			i++
			if cr && b == '\n' {
				cr = false // the CRLF is written already
				continue
			}
			cr = b == '\r'
			dst = encodeLastSpace(dst, start)
			dst = append(dst, '\r', '\n')
			start = len(dst)
		case qpLiteral[b]:
			// A run of literal bytes, as much as fits on the line.
			j := i + 1
			for j < len(data) && qpLiteral[data[j]] {
				j++
			}
			for i < j {
				room := lineMax - 1 - (len(dst) - start)
				if room == 0 {
					dst = append(dst, '=', '\r', '\n')
					start = len(dst)
					continue
				}
				n := min(room, j-i)
				dst = append(dst, data[i:i+n]...)
				i += n
			}
			cr = false
		default:
			i++
			dst = encodeQP(dst, &start, b)
		}
	}
	return encodeLastSpace(dst, start)
}

// encodeQP appends b as "=XX", first breaking the line if it has no room.
func encodeQP(dst []byte, start *int, b byte) []byte {
	const hex = "0123456789ABCDEF"
	if 76-1-(len(dst)-*start) < 3 {
		dst = append(dst, '=', '\r', '\n')
		*start = len(dst)
	}
	return append(dst, '=', hex[b>>4], hex[b&0x0f])
}

// encodeLastSpace encodes a space or tab that ends the line begun at
// start, which a mail system may otherwise strip.
func encodeLastSpace(dst []byte, start int) []byte {
	if len(dst) == start {
		return dst
	}
	if b := dst[len(dst)-1]; b == ' ' || b == '\t' {
		return encodeQP(dst[:len(dst)-1], &start, b)
	}
	return dst
}

// qpLiteral marks the bytes written as they are: printable ASCII but
// "=", and space and tab.
var qpLiteral = func() (lit [256]bool) {
	for b := '!'; b <= '~'; b++ {
		lit[b] = b != '='
	}
	lit[' '], lit['\t'] = true, true
	return lit
}()
