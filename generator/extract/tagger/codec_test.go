package tagger

import (
	"bytes"
	"compress/gzip"
	"reflect"
	"testing"
)

func TestSaveLoadGivesSameTags(t *testing.T) {
	m := toyModel(t)
	m.SetCalibration(0.3, -0.2)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"the minister met Quenby in Harlow again .", "she was in Morvale when she met Drissa ."} {
		if a, b := m.Tag(tokens(s)), back.Tag(tokens(s)); !reflect.DeepEqual(a, b) {
			t.Errorf("%q: before save %v, after load %v", s, a, b)
		}
	}
}

func TestLoadRejectsOtherFiles(t *testing.T) {
	var other bytes.Buffer
	zw := gzip.NewWriter(&other)
	zw.Write([]byte("a gzip file that holds something else entirely"))
	zw.Close()
	for name, data := range map[string][]byte{"not gzip": []byte("hello"), "other gzip": other.Bytes()} {
		if _, err := Load(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: Load succeeded, want an error", name)
		}
	}
}
