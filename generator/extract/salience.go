package extract

import "math"

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
	mSentences         // the share of the article's words in sentences with a keyword
	nMeasures
)

// measureNames spell the measures in the weights file.
var measureNames = [nMeasures]string{"headline", "lead", "coverage", "paragraphs", "keywords", "share", "density", "sentences"}

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
	type tally struct {
		headline, lead bool
		mentions       int
		paras          map[int]bool
		kws            map[int]bool
	}
	byTopic := map[int]*tally{}
	var order []int
	for _, m := range ms {
		t := byTopic[m.topic]
		if t == nil {
			t = &tally{paras: map[int]bool{}, kws: map[int]bool{}}
			byTopic[m.topic] = t
			order = append(order, m.topic)
		}
		t.mentions++
		t.kws[m.kw] = true
		line := a.toks[m.tok].line
		switch p := para[line]; {
		case line == headline:
			t.headline = true
		case p >= 0:
			t.paras[p] = true
			if p < lead {
				t.lead = true
			}
		}
	}
	sentOf, sentWords := a.sentences()
	covered := map[int]map[int]bool{}
	for _, m := range ms {
		if covered[m.topic] == nil {
			covered[m.topic] = map[int]bool{}
		}
		covered[m.topic][sentOf[m.tok]] = true
	}
	best := 0
	for _, t := range byTopic {
		best = max(best, t.mentions)
	}
	out := make([]topicEvidence, 0, len(order))
	for _, ti := range order {
		t := byTopic[ti]
		e := topicEvidence{topic: ti}
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
		e.measures[mKeywords] = math.Log2(1 + float64(len(t.kws)))
		e.measures[mShare] = float64(t.mentions) / float64(best)
		cw := 0
		for si := range covered[ti] {
			cw += sentWords[si]
		}
		e.measures[mSentences] = float64(cw) / float64(max(words, 1))
		e.measures[mDensity] = math.Log2(1 + 100*float64(t.mentions)/float64(max(words, 50)))
		out = append(out, e)
	}
	return out
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

// sentences numbers each token's sentence and counts each sentence's words.
func (a *article) sentences() (of []int, words []int) {
	of = make([]int, len(a.toks))
	n := -1
	for i, t := range a.toks {
		if t.sent || n < 0 {
			n++
			words = append(words, 0)
		}
		of[i] = n
		if t.kind == tWord {
			words[n]++
		}
	}
	return of, words
}
