package tagger

// Feature templates. Each number seeds the hash of one kind of feature, so
// the same string under two templates lands in different buckets.
const (
	fBias byte = iota
	fWord
	fShape
	fPrefix // +0..3 for lengths 1..4
	_
	_
	_
	fSuffix // +0..3 for lengths 1..4
	_
	_
	_
	fFlags
	fWordPrev
	fWordNext
	fWordPrev2
	fWordNext2
	fShapePrev
	fShapeNext
	fShapePrev2
	fShapeNext2
	fBigramPrev
	fBigramNext
	fFirst
	fStyle
	fStyleShape
	fStyleWord
	fGaz
	fGazPrev
	fGazNext
	fGazShape
	fShapeTrio
	fCommon
	fCommonCtx
)

// pad stands for the tokens before the start and after the end.
var pad = word{lower: "<pad>", shape: "<pad>"}

// features appends the bucket of every feature of token i to dst.
func features(dst []uint32, words []word, i int, style lineStyle, buckets uint32) []uint32 {
	at := func(j int) *word {
		if j < 0 || j >= len(words) {
			return &pad
		}
		return &words[j]
	}
	w, p, n, p2, n2 := at(i), at(i-1), at(i+1), at(i-2), at(i+2)
	add := func(h hasher) { dst = append(dst, uint32(h)%buckets) }

	add(newHash(fBias))
	add(newHash(fWord).str(w.lower))
	add(newHash(fShape).str(w.shape))
	runes := []rune(w.lower)
	for k := 1; k <= 4 && k <= len(runes); k++ {
		add(newHash(fPrefix + byte(k-1)).str(string(runes[:k])))
		add(newHash(fSuffix + byte(k-1)).str(string(runes[len(runes)-k:])))
	}
	flags := uint32(0)
	for b, on := range [...]bool{w.title, w.upper, w.digit, w.hyphen, w.apos} {
		if on {
			flags |= 1 << b
			add(newHash(fFlags).num(uint32(b)))
		}
	}
	add(newHash(fWordPrev).str(p.lower))
	add(newHash(fWordNext).str(n.lower))
	add(newHash(fWordPrev2).str(p2.lower))
	add(newHash(fWordNext2).str(n2.lower))
	add(newHash(fShapePrev).str(p.shape))
	add(newHash(fShapeNext).str(n.shape))
	add(newHash(fShapePrev2).str(p2.shape))
	add(newHash(fShapeNext2).str(n2.shape))
	add(newHash(fShapeTrio).str(p.shape).str(w.shape).str(n.shape))
	add(newHash(fBigramPrev).str(p.lower).str(w.lower))
	add(newHash(fBigramNext).str(w.lower).str(n.lower))
	if i == 0 {
		add(newHash(fFirst).num(flags))
	}
	add(newHash(fStyle).num(uint32(style)))
	if style != styleProse {
		add(newHash(fStyleShape).num(uint32(style)).str(w.shape))
		add(newHash(fStyleWord).num(uint32(style)).str(w.lower))
	}
	if w.common {
		add(newHash(fCommon).num(flags&1 | uint32(style)<<1 | b2u(i == 0)<<3))
	}
	add(newHash(fCommonCtx).num(b2u(p.common) | b2u(w.common)<<1 | b2u(n.common)<<2 | (flags&1)<<3))
	gaz := func(template byte, c uint32, extra uint32) {
		for k := uint32(0); c != 0; k, c = k+1, c>>1 {
			if c&1 != 0 {
				add(newHash(template).num(k).num(extra))
			}
		}
	}
	gaz(fGaz, w.classes, 0)
	gaz(fGazPrev, p.classes, 0)
	gaz(fGazNext, n.classes, 0)
	gaz(fGazShape, w.classes, flags&3)
	return dst
}

// sentenceFeatures works out every token's features once; training reuses
// them across epochs.
func sentenceFeatures(sent []Token, buckets uint32, lex lexicon) [][]uint32 {
	words := make([]word, len(sent))
	for i, t := range sent {
		words[i] = newWord(t)
		words[i].common = lex.has(words[i].lower)
	}
	style := styleOf(sent, words)
	out := make([][]uint32, len(sent))
	var buf []uint32
	for i := range sent {
		start := len(buf)
		buf = features(buf, words, i, style, buckets)
		out[i] = buf[start:len(buf):len(buf)]
	}
	return out
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}
