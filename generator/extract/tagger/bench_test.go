package tagger_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

var benchSentences = []string{
	"Prime Minister Theresa May met Emmanuel Macron in Paris .",
	"The central bank raised interest rates for the third time this year , saying inflation had not yet peaked .",
	"Police in Manchester said two men had been arrested after the match between United and Liverpool on Saturday night .",
	"Officials from the World Health Organization will visit Nairobi next week to review the vaccination campaign .",
	"Shares in the carmaker fell 4 % after it warned that supply problems would hurt profits .",
	"\" We are not going to give up , \" said Maria Lopez , who has lived in the village since 1987 .",
}

// BenchmarkTag measures one sentence of about 17 tokens per op; the
// sentences/s figure is what the extractor's budget is set against.
func BenchmarkTag(b *testing.B) {
	m := shipped(b)
	sents := make([][]tagger.Token, len(benchSentences))
	for i, s := range benchSentences {
		_, sents[i] = sentence(s, false)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Tag(sents[i%len(sents)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLoad measures reading the shipped model, which Default does
// once per process.
func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile("model.bin.gz")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := tagger.Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
