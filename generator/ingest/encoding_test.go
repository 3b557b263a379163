package ingest

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("cannot encode %q: %v", s, err)
	}
	return b
}

func TestLegacyEncodings(t *testing.T) {
	const (
		french  = "Le ministre français à Téhéran\n\nLe ministre des Affaires étrangères a rencontré son homologue iranien à Téhéran, où ils ont évoqué « la sécurité régionale » et l’accord nucléaire.\n"
		german  = "Außenministerin besucht Ankara\n\nDie Außenministerin traf am Montag ihren türkischen Amtskollegen; beide betonten die Zusammenarbeit gegen den Schmuggel über die Ägäis.\n"
		arabic  = "إيران وروسيا تؤكدان التعاون الأمني\n\nأكد أمين المجلس الأعلى للأمن القومي الإيراني علي شمخاني خلال لقائه نظيره الروسي في نيودلهي على ضرورة التعاون بين البلدين في مكافحة الإرهاب (SNSC).\n"
		persian = "گفتگوي امنيتي در دهلي نو\n\nشمخاني در ديدار با پاتروشف گفت که همکاري چندجانبه براي ثبات منطقه و پايان بحران افغانستان ضروري است.\n"
	)
	for _, tc := range []struct {
		name, text string
		enc        encoding.Encoding
		want       string
	}{
		{"French in Windows-1252", french, charmap.Windows1252, "Windows-1252"},
		{"German in Windows-1252", german, charmap.Windows1252, "Windows-1252"},
		{"Arabic in Windows-1256", arabic, charmap.Windows1256, "Windows-1256"},
		{"Persian in Windows-1256", persian, charmap.Windows1256, "Windows-1256"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parseFile(t, "legacy.txt", encode(t, tc.enc, tc.text))
			if d.Encoding != tc.want {
				t.Errorf("Encoding = %q, want %q", d.Encoding, tc.want)
			}
			title, body, _ := strings.Cut(tc.text, "\n\n")
			if d.Title != title || d.Body != body {
				t.Errorf("Title, Body = %q, %q\nwant %q, %q", d.Title, d.Body, title, body)
			}
			if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], tc.want) || !strings.Contains(d.Warnings[0], "line 1") {
				t.Errorf("Warnings = %q, want one naming %s and where the file stops being UTF-8", d.Warnings, tc.want)
			}
		})
	}
}

func TestUnicodeEncodings(t *testing.T) {
	const text = "Türkiye and Iraq agree water deal\n\nAnkara will release more water from the Tigris under the deal, officials said.\n"
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"UTF-8", []byte(text), "UTF-8"},
		{"UTF-8 with a byte-order mark", append([]byte("\ufeff"), text...), "UTF-8"},
		{"UTF-16LE from Notepad", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), text), "UTF-16LE"},
		{"UTF-16BE", encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), text), "UTF-16BE"},
		{"Windows line endings", []byte(strings.ReplaceAll(text, "\n", "\r\n")), "UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parseFile(t, "water.txt", tc.data)
			if d.Encoding != tc.want || len(d.Warnings) != 0 {
				t.Errorf("Encoding = %q, Warnings = %q; want %q and none", d.Encoding, d.Warnings, tc.want)
			}
			if d.Title != "Türkiye and Iraq agree water deal" || d.Body != "Ankara will release more water from the Tigris under the deal, officials said.\n" {
				t.Errorf("Title, Body = %q, %q", d.Title, d.Body)
			}
		})
	}
}

func TestPageDeclaringWindows1256(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>مباحثات أمنية في بغداد</title></head><body><article><h1>مباحثات أمنية في بغداد</h1>
<p>عقد وزراء الداخلية في العراق وإيران وتركيا اجتماعا في بغداد يوم الاثنين لبحث ضبط الحدود المشتركة ومكافحة تهريب المخدرات والأسلحة عبرها.</p>
<p>وقال بيان مشترك إن الوزراء اتفقوا على تبادل المعلومات الأمنية بشكل منتظم وتشكيل لجنة فنية تجتمع كل ثلاثة أشهر لمتابعة تنفيذ ما تم الاتفاق عليه.</p>
</article></body></html>`
	d := parseFile(t, "baghdad.html", encode(t, charmap.Windows1256, page))
	if d.Encoding != "Windows-1256" || d.Title != "مباحثات أمنية في بغداد" {
		t.Errorf("Encoding, Title = %q, %q", d.Encoding, d.Title)
	}
	assertPresent(t, d.Body, "عقد وزراء الداخلية في العراق وإيران وتركيا")
}

func TestUTF8WithStrayBytes(t *testing.T) {
	// A Windows-1252 "é" pasted into UTF-8 text: the UTF-8 stays as it is.
	data := []byte("Talks in Genève\n\n“The delegates met in the caf\xe9 on Monday,” a spokesman said.\n")
	d := parseFile(t, "mixed.txt", data)
	if d.Encoding != "UTF-8" || d.Title != "Talks in Genève" || d.Body != "“The delegates met in the caf\uFFFD on Monday,” a spokesman said.\n" {
		t.Errorf("Encoding, Title, Body = %q, %q, %q", d.Encoding, d.Title, d.Body)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "line 3, column 32") {
		t.Errorf("Warnings = %q, want one saying where the stray byte is", d.Warnings)
	}
}

func TestTextInNoKnownEncoding(t *testing.T) {
	// Bytes that Windows-1252 leaves undefined, inside Latin words:
	// neither encoding fits, and guessing would garble the article.
	data := []byte("Talks in Geneva\n\nThe delegates met\x81\x8d on Monday.\n")
	e := parseError(t, "garbled.txt", data)
	if e.Line != 3 || e.Col != 18 || !strings.Contains(e.Msg, "UTF-8") {
		t.Errorf("error = %q at %d:%d, want one at 3:18 naming the encodings tried", e.Msg, e.Line, e.Col)
	}
}
