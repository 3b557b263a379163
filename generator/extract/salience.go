package extract

import (
	"math"
	"slices"
)

// The measures of how much an article is about a topic, in the order
// topicEvidence holds them. Each is a question an editor asks of a word
// before filing the story under it: is it in the headline, in the lead,
// in how many paragraphs, in what share of the article.
const (
	mHeadline   = iota // a keyword in the headline
	mLead              // a keyword in the lead, the opening paragraph(s)
	mCoverage          // the share of paragraphs with a keyword
	mParagraphs        // log2(1 + paragraphs with a keyword)
	mKeywords          // log2(1 + distinct keywords): many words, not one word often
	mShare             // the topic's mentions over the best topic's
	mDensity           // log2(1 + mentions per 100 words)
	mSentences         // the share of the words in sentences with a keyword, headline included
	mMentions          // log2(1 + mentions)
	mNamed             // 1 when the article writes the topic's own name twice: "terrorism", "sanctions"
	nMeasures
)

// measureNames spell the measures in the weights file.
var measureNames = [nMeasures]string{"headline", "lead", "coverage", "paragraphs", "keywords", "share", "density", "sentences", "mentions", "named"}

// leadWords is how many words of opening paragraphs make the lead, so a
// one-line teaser does not stand for it alone.
const leadWords = 40

// topicEvidence is what one article offers for one topic.
type topicEvidence struct {
	topic    int
	measures [nMeasures]float64
}

// evidence measures, for each topic with a keyword in the article, where
// its keywords stand and how much of the article they cover.
func (ix *topicIndex) evidence(a *article) []topicEvidence {
	stems := make([]string, len(a.toks))
	for i, t := range a.toks {
		if t.kind == tWord {
			stems[i] = stem(t.key)
		}
	}
	ms := ix.mentions(a, stems)
	if len(ms) == 0 {
		return nil
	}
	para, lead, paras, words := a.paragraphs()
	headline := a.headline()
	// A topic's tally, kept in slices: an article has few mentions, and
	// maps cost more than the scans they would save.
	type tally struct {
		topic          int
		headline, lead bool
		mentions       int
		named          int // mentions that are the topic's own name
		paras, kws     []int
		sents          []int // first token of each sentence with a mention
		sentWords      int
	}
	var ts []tally
	slot := make([]int8, len(ix.names)) // 1 + the topic's index in ts
	for _, m := range ms {
		if slot[m.topic] == 0 {
			ts = append(ts, tally{topic: m.topic})
			slot[m.topic] = int8(len(ts))
		}
		t := &ts[slot[m.topic]-1]
		t.mentions++
		if ix.nameStem[m.topic] != "" && stems[m.tok] == ix.nameStem[m.topic] {
			t.named++
		}
		if !slices.Contains(t.kws, m.kw) {
			t.kws = append(t.kws, m.kw)
		}
		line := a.toks[m.tok].line
		p := para[line]
		if line != headline && p < 0 {
			continue
		}
		if s := a.sentenceStart(m.tok); !slices.Contains(t.sents, s) {
			t.sents = append(t.sents, s)
			t.sentWords += a.sentenceWords(s)
		}
		if line == headline {
			t.headline = true
			continue
		}
		if !slices.Contains(t.paras, p) {
			t.paras = append(t.paras, p)
		}
		t.lead = t.lead || p < lead
	}
	best := 0
	for _, t := range ts {
		best = max(best, t.mentions)
	}
	out := make([]topicEvidence, 0, len(ts))
	for _, t := range ts {
		e := topicEvidence{topic: t.topic}
		if t.headline {
			e.measures[mHeadline] = 1
		}
		if t.lead {
			e.measures[mLead] = 1
		}
		if paras > 0 {
			e.measures[mCoverage] = float64(len(t.paras)) / float64(paras)
		}
		e.measures[mParagraphs] = math.Log2(1 + float64(len(t.paras)))
		e.measures[mKeywords] = math.Log2(1 + float64(len(t.kws))*smallTopic(ix.sizes[t.topic]))
		e.measures[mShare] = float64(t.mentions) / float64(best)
		e.measures[mDensity] = math.Log2(1 + 100*float64(t.mentions)/float64(max(words, 50)))
		e.measures[mSentences] = min(1, float64(t.sentWords)/float64(max(words, 1)))
		e.measures[mMentions] = math.Log2(1 + float64(t.mentions))
		if t.named >= 2 {
			e.measures[mNamed] = 1
		}
		out = append(out, e)
	}
	return out
}

// fullTopic is how many keywords a topic needs before finding one of them
// says less than finding several: a site's own topic of one or two
// keywords ("Caspian affairs: [caspian]") cannot show variety, so each of
// its keywords counts as more than one. The default topics all have more.
const fullTopic = 3

func smallTopic(size int) float64 {
	if size >= fullTopic || size == 0 {
		return 1
	}
	return float64(fullTopic) / float64(size)
}

// sentenceStart is the first token of the sentence holding token i.
func (a *article) sentenceStart(i int) int {
	for i > 0 && !a.toks[i].sent {
		i--
	}
	return i
}

// sentenceWords counts the words of the sentence starting at token s.
func (a *article) sentenceWords(s int) int {
	n := 0
	for i := s; i < len(a.toks) && (i == s || !a.toks[i].sent); i++ {
		if a.toks[i].kind == tWord {
			n++
		}
	}
	return n
}

// headline is the line that heads the article: the title, or when none
// was given, a first line that reads as one (no full stop) and stands
// above the story; -1 if there is none.
func (a *article) headline() int {
	for i, l := range a.lines {
		switch {
		case l.first == l.last || l.role == roleChrome:
			continue
		case l.role == roleTitle:
			return i
		case l.role == roleHeading:
			return i
		}
		return -1
	}
	return -1
}

// paragraphs numbers the article's paragraphs below the headline: para[l]
// is line l's paragraph, or -1 for the headline and lines that do not
// count. lead is how many opening paragraphs make the lead; words counts
// the words of all paragraphs.
func (a *article) paragraphs() (para []int, lead, n, words int) {
	para = make([]int, len(a.lines))
	headline := a.headline()
	leadDone := false
	leadLen := 0
	for i, l := range a.lines {
		para[i] = -1
		if l.first == l.last || i == headline || !countsForTopics(l.role) {
			continue
		}
		para[i] = n
		n++
		w := 0
		for j := l.first; j < l.last; j++ {
			if a.toks[j].kind == tWord {
				w++
			}
		}
		words += w
		if !leadDone && l.role == roleBody {
			leadLen += w
			lead = n
			leadDone = leadLen >= leadWords
		}
	}
	return para, lead, n, words
}
