package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefing-digest/briefing/generator"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// decoded is input turned into UTF-8, with the name of the encoding it was
// in and, when that encoding was a guess, a warning saying so.
type decoded struct {
	text     string
	encoding string
	warning  string
}

// decode turns data into UTF-8. Text that is not UTF-8 was most likely
// saved by Windows in its ANSI code page: Windows-1252 in the West and
// Windows-1256 where Arabic or Persian is written; the bytes themselves
// tell which. A page may also declare its charset, which mayDeclare lets
// decode honour.
func decode(name string, data []byte, mayDeclare bool) (decoded, error) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return decodeWith(name, data[2:], xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "UTF-16LE", "")
	}
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return decodeWith(name, data[2:], xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "UTF-16BE", "")
	}
	if err := checkBinary(name, data); err != nil {
		return decoded{}, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if utf8.Valid(data) {
		return decoded{text: string(data), encoding: "UTF-8"}, nil
	}
	bad := firstInvalid(data)
	line, col := position(data, bad)
	if valid, invalid := utf8Balance(data); valid > invalid {
		// UTF-8 with a few stray bytes, as when text in another
		// encoding was pasted into it: decoding the whole file as
		// Windows-1252 would garble every other non-ASCII letter.
		bytesWord := "bytes"
		if invalid == 1 {
			bytesWord = "byte"
		}
		warning := fmt.Sprintf("not valid UTF-8 (line %d, column %d): %d stray %s replaced by U+FFFD", line, col, invalid, bytesWord)
		return decoded{text: strings.ToValidUTF8(string(data), "\uFFFD"), encoding: "UTF-8", warning: warning}, nil
	}
	if mayDeclare {
		if enc, label := declaredCharset(data); enc != nil {
			return decodeWith(name, data, enc, label, "")
		}
	}
	enc, label := charmap.Windows1256, "Windows-1256"
	if !looksArabic(data) {
		if undefinedIn1252(data) {
			return decoded{}, generator.Errorf(name, line, col, "not text in UTF-8, Windows-1252 or Windows-1256 (byte 0x%02X)", data[bad])
		}
		enc, label = charmap.Windows1252, "Windows-1252"
	}
	warning := fmt.Sprintf("not UTF-8 (line %d, column %d); decoded as %s", line, col, label)
	return decodeWith(name, data, enc, label, warning)
}

func decodeWith(name string, data []byte, enc encoding.Encoding, label, warning string) (decoded, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, generator.Errorf(name, 0, 0, "cannot decode as %s: %w", label, err)
	}
	if strings.HasPrefix(label, "UTF-16") {
		if err := checkBinary(name, out); err != nil {
			return decoded{}, err
		}
	}
	return decoded{text: string(out), encoding: label, warning: warning}, nil
}

// declaredCharset is the encoding a page declares in a <meta> element,
// when that is one other than UTF-8 (which the page is not) and
// Windows-1252 (which is also what an undeclared page defaults to, so it
// says nothing: the bytes decide).
func declaredCharset(data []byte) (encoding.Encoding, string) {
	enc, name, _ := charset.DetermineEncoding(data, "")
	switch name {
	case "", "utf-8", "windows-1252":
		return nil, ""
	case "windows-1256":
		return enc, "Windows-1256"
	}
	return enc, strings.ToUpper(name)
}

// looksArabic tells Windows-1256 text from Windows-1252 text. Accented
// Latin letters sit inside words of ASCII letters ("café"); Arabic letters
// make whole words of bytes above 0x7F between spaces and punctuation.
func looksArabic(data []byte) bool {
	arabic, latin := 0, 0
	for i := 0; i < len(data); {
		if data[i] < 0x80 {
			i++
			continue
		}
		j := i
		for j < len(data) && data[j] >= 0x80 {
			j++
		}
		switch {
		case i > 0 && isASCIILetter(data[i-1]) || j < len(data) && isASCIILetter(data[j]):
			latin += j - i
		case arabicLetters(data[i:j]) >= 2:
			arabic += j - i
		}
		i = j
	}
	return arabic > latin
}

func arabicLetters(run []byte) int {
	n := 0
	for _, b := range run {
		if r := charmap.Windows1256.DecodeByte(b); unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// undefinedIn1252 reports whether data has a byte Windows-1252 leaves
// undefined; Windows-1256 uses them all, for Persian letters.
func undefinedIn1252(data []byte) bool {
	for _, b := range data {
		switch b {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return true
		}
	}
	return false
}

func isASCIILetter(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// utf8Balance counts the multi-byte UTF-8 characters in data and the
// bytes that are not UTF-8. Text in a legacy encoding seldom forms a valid
// multi-byte sequence by chance.
func utf8Balance(data []byte) (valid, invalid int) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case size > 1:
			valid++
		}
		i += size
	}
	return valid, invalid
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}
