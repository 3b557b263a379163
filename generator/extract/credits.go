package extract

import "strings"

// Credits are the names a page prints about itself rather than about the
// story: the writer ("By Jane Roe for the Daily Planet"), the desk that
// edited it ("Reporting by …; Editing by …") and whoever took the pictures
// ("Photo: Jane Roe", "Jane Roe/AFP", "(Photo Jane Roe - Pool/Getty)").
// Analysts do not file a story under its photographer, so these tokens
// are marked and every recogniser passes over them.

// deskVerbs open a wire service's credit line when written with a capital.
var deskVerbs = set{"reporting": true, "editing": true, "writing": true, "compiled": true, "additional": true,
	"produced": true, "research": true, "graphics": true, "illustration": true, "illustrations": true}

// pictureCues open a picture credit: "Photo: …", "Photograph by …".
var pictureCues = set{"photo": true, "photos": true, "photograph": true, "photographs": true, "picture": true,
	"pictures": true, "image": true, "images": true, "credit": true, "credits": true, "illustration": true,
	"footage": true, "video": true}

// authorNouns follow "X is a …" in the box that describes the writer.
var authorNouns = set{"staff": true, "writer": true, "reporter": true, "correspondent": true, "columnist": true,
	"contributor": true, "freelance": true, "journalist": true, "editor": true}

// agencies sell news pictures; a name written right before one, "Jane
// Roe/AFP", is the photographer's.
var agencies = set{"getty": true, "afp": true, "reuters": true, "ap": true, "pa": true, "epa": true, "shutterstock": true,
	"aap": true, "anadolu": true, "xinhua": true, "sipa": true, "alamy": true, "rex": true, "bloomberg": true, "istock": true,
	"istockphoto": true, "corbis": true, "tass": true, "wpa": true, "pool": true, "zuma": true, "nurphoto": true, "efe": true,
	"dpa": true, "ansa": true, "kyodo": true, "yonhap": true, "picture": true, "imago": true}

// stampWords open the line that says when a page was published.
var stampWords = set{"published": true, "updated": true, "posted": true, "last": true, "first": true}

// markCredits fills a.credit, one flag a token.
func (a *article) markCredits() {
	a.credit = make([]bool, len(a.toks))
	for li := range a.lines {
		l := &a.lines[li]
		if l.first == l.last {
			continue
		}
		if l.role == roleByline || a.nameAboveStamp(li) {
			a.markRange(l.first, l.last)
			continue
		}
		a.creditsInLine(l)
	}
}

func (a *article) markRange(from, to int) {
	for i := from; i < to; i++ {
		a.credit[i] = true
	}
}

// creditsInLine marks the credits a line holds, wherever they sit in it:
// a caption often ends with its photographer's name.
func (a *article) creditsInLine(l *line) {
	toks := a.toks
	words := a.wordsOnLine(l)
	for i := l.first; i < l.last; i++ {
		t := toks[i]
		switch {
		case t.kind == tWord && t.text == "By" && (i == l.first || words <= 16 || toks[i-1].kind == tNum) && a.nameAt(i+1, l):
			// A byline: on a short line it runs to the line's end,
			// outlet and place included; inside a longer one only the name.
			if words <= 16 {
				a.markRange(i, l.last)
				return
			}
			a.markRange(i, a.nameEnd(i+1, l))
		case t.kind == tWord && t.upper && deskVerbs[t.key] && a.opensClause(i, l) && a.byFollows(i, l):
			a.markRange(i, a.clauseEnd(i, l))
		case t.kind == tWord && t.upper && pictureCues[t.key] && a.pictureCredit(i, l):
			a.markRange(i, a.clauseEnd(i, l))
		case t.kind == tPunct && t.key == "/" && i > l.first && toks[i-1].kind == tWord && toks[i-1].upper && i+1 < l.last && agencies[toks[i+1].key]:
			// "Jane Roe/AFP": the name before an agency.
			from := i - 1
			for from > l.first && toks[from-1].kind == tWord && toks[from-1].upper && !pictureCues[toks[from-1].key] {
				from--
			}
			a.markRange(from, a.clauseEnd(i, l))
		case t.kind == tWord && (t.key == "contributed" || (t.key == "follow" && t.upper)) && a.creditSentence(i, l):
			a.markRange(l.first, l.last)
			return
		case t.kind == tWord && t.key == "is" && i+2 < l.last && a.describesWriter(i, l):
			a.markRange(l.first, l.last)
			return
		}
	}
}

func (a *article) wordsOnLine(l *line) int {
	n := 0
	for i := l.first; i < l.last; i++ {
		if a.toks[i].kind == tWord {
			n++
		}
	}
	return n
}

// nameAt reports a capitalised word at i on line l.
func (a *article) nameAt(i int, l *line) bool {
	return i < l.last && a.toks[i].kind == tWord && (a.toks[i].upper || a.toks[i].initial)
}

// nameEnd is the end of the run of capitalised words from i.
func (a *article) nameEnd(i int, l *line) int {
	for i < l.last && a.nameAt(i, l) {
		i++
	}
	return i
}

// opensClause reports a word that starts its line, or follows an opening
// bracket or a semicolon: where a desk credit begins.
func (a *article) opensClause(i int, l *line) bool {
	if i == l.first {
		return true
	}
	p := a.toks[i-1].key
	return p == "(" || p == ";" || p == "[" || p == "|"
}

// byFollows reports "by" within the next two words: "Reporting by",
// "Additional reporting by".
func (a *article) byFollows(i int, l *line) bool {
	for k := i + 1; k < l.last && k <= i+2; k++ {
		if a.toks[k].key == "by" {
			return a.nameAt(k+1, l)
		}
	}
	return false
}

// clauseEnd is where a credit started at i stops: a closing bracket, a
// semicolon, or the end of the line.
func (a *article) clauseEnd(i int, l *line) int {
	for k := i + 1; k < l.last; k++ {
		switch a.toks[k].key {
		case ")", "]", ";", "|":
			return k
		}
		// "Image copyright Baltic Pictures Image caption Mayor Piotr Nowak at …":
		// the caption that follows the credit describes who is pictured.
		if a.toks[k].key == "caption" {
			return k - 1
		}
	}
	return l.last
}

// pictureCredit reports "Photo: X", "Photograph by X", "(Photo X - …)",
// "AP Photo/X" and "Image copyright X" at token i.
func (a *article) pictureCredit(i int, l *line) bool {
	toks := a.toks
	if i+1 >= l.last {
		return false
	}
	n := toks[i+1]
	switch {
	case n.key == ":" || n.key == "by" || n.key == "/" || n.key == "copyright" || n.key == "courtesy":
		return i+2 < l.last && (toks[i+2].upper || toks[i+2].key == "of")
	case n.kind == tWord && n.upper:
		// "(Photo Darren Staples - Pool)": a bracket before and a name after.
		return i > l.first && toks[i-1].key == "("
	}
	return false
}

// creditSentence reports "… contributed to this report" and "Follow X on
// Twitter" lines.
func (a *article) creditSentence(i int, l *line) bool {
	toks := a.toks
	if toks[i].key == "follow" {
		return a.nameAt(i+1, l) && a.lineHas(l, "twitter", "instagram", "facebook", "x")
	}
	return i+1 < l.last && (toks[i+1].key == "to" || toks[i+1].key == "reporting") && a.wordsOnLine(l) <= 25
}

// describesWriter reports the box about the writer: "Jane Roe is a staff
// writer …", the name first on its line.
func (a *article) describesWriter(i int, l *line) bool {
	toks := a.toks
	if !a.nameAt(l.first, l) || a.nameEnd(l.first, l) != i {
		return false
	}
	if toks[i+1].key != "a" && toks[i+1].key != "an" && toks[i+1].key != "the" {
		return false
	}
	return authorNouns[toks[i+2].key] || (i+3 < l.last && authorNouns[toks[i+3].key])
}

func (a *article) lineHas(l *line, keys ...string) bool {
	for i := l.first; i < l.last; i++ {
		for _, k := range keys {
			if a.toks[i].key == k {
				return true
			}
		}
	}
	return false
}

// nameAboveStamp reports a line of two or three capitalised words just
// above the line saying when the page was published: the writer or the
// photographer, printed without "By".
func (a *article) nameAboveStamp(li int) bool {
	l := a.lines[li]
	n := l.last - l.first
	if n < 2 || n > 3 || a.nameEnd(l.first, &l) != l.last || l.unsure {
		return false
	}
	for k := li + 1; k < len(a.lines); k++ {
		nx := a.lines[k]
		if nx.first == nx.last {
			continue
		}
		first := a.toks[nx.first]
		return nx.role == roleDateline || (first.upper && stampWords[first.key] && strings.ContainsAny(a.lineText(k), "0123456789"))
	}
	return false
}
