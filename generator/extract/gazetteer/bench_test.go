package gazetteer

import (
	"strings"
	"testing"
)

// benchText is written for this benchmark: news-like prose with places,
// people, bodies and organisations.
const benchText = `The Foreign Office in London said on Tuesday that talks between
Mr Hammond and officials from the State Department would go ahead in Geneva next
month. Fighters from the YPG retook parts of Kobane after weeks of shelling by
Islamic State, while Turkish troops waited at the border. In Las Vegas, the
convention drew 40,000 visitors; in Catalonia, the regional election was called
for March. President Obama met Theresa May and Angela Merkel at the G20 summit.`

func BenchmarkMark(b *testing.B) {
	s := Default()
	words := Tokens(strings.Repeat(benchText+" ", 20))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Mark(words)
	}
	b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}
