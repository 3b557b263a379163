package email

import (
	"bytes"
	"mime/quotedprintable"
	"strings"
	"testing"
)

// FuzzQPAsStandard checks appendQP against mime/quotedprintable's Writer,
// which the message was written with before: the same bytes for any
// input, from the long lines and line breaks of an edition to stray CRs
// and bytes that are not text at all.
func FuzzQPAsStandard(f *testing.F) {
	for _, s := range []string{"", "plain", "a=b", "caf\u00e9 \u2014 na\u00efve", "trailing space \nand tab\t\r\nend ",
		strings.Repeat("x", 75) + "=" + strings.Repeat("y", 80), strings.Repeat("ab ", 40) + "\n",
		"\r\r\n\n\r", "\r\x00\n", strings.Repeat("\u00e9", 60), strings.Repeat("z", 74) + " \n", strings.Repeat("z", 73) + "\t"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want bytes.Buffer
		w := quotedprintable.NewWriter(&want)
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		prefix := []byte("kept")
		got := appendQP(bytes.Clone(prefix), data)
		if !bytes.HasPrefix(got, prefix) || !bytes.Equal(got[len(prefix):], want.Bytes()) {
			t.Errorf("appendQP(%q)\n got  %q\n want %q", data, got[len(prefix):], want.Bytes())
		}
	})
}
