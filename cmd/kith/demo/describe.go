package demo

import (
	"regexp"
	"slices"
)

var secondVenue = []string{
	"There is also a session at {venue2} in {place2}.",
	"We run a second group at {venue2}; check the session times for which is which.",
}

// formal needs are written about as advice services write, without the
// tea-and-biscuits closers of a social group.
var formal = []string{
	"money-debt", "debt-advice", "benefits-advice", "energy-advice", "housing", "housing-advice",
	"homelessness", "advice-rights", "domestic-abuse", "stop-smoking",
}

var formalClosers = []string{
	"No appointment needed; bring any letters or paperwork you have.",
	"Please ring {contact} to book an appointment.",
	"Link workers can refer directly by phone or email.",
	"Interpreters can be arranged if you let us know in advance.",
}

// sentenceEnds finds the end of each sentence: a full stop, question or
// exclamation mark before a space or the end, so "9.30am" is not one.
var sentenceEnds = regexp.MustCompile(`[.?!](\s|$)`)

func countSentences(s string) int { return len(sentenceEnds.FindAllString(s, -1)) }

// paragraph collects sentences up to a limit, so a question opener ("Feeling
// on your own a lot? Come along...") leaves less room for what follows.
type paragraph struct {
	parts []string
	n     int
}

func (p *paragraph) fits(s string, room int) bool { return p.n+countSentences(s)+room <= 4 }

func (p *paragraph) add(s string) {
	p.parts = append(p.parts, s)
	p.n += countSentences(s)
}

// describe writes two to four sentences: what it is and what happens, then
// as room allows who it is for and how to join. A reason it is not running
// always gets a sentence, and a second venue does unless the opener was long.
func (b *builder) describe(code string, t *tpl, v vars, aud audience, status string, nvenues int) string {
	var p paragraph
	p.add(fill(pick(b.d, t.opens), v))
	details := pickN(b.d, t.details, 2)
	p.add(fill(details[0], v))
	room := b2i(status != "active")
	second := ""
	if nvenues > 1 {
		second = fill(pick(b.d, secondVenue), v)
		room++
	}
	var optional []string
	if len(details) > 1 && b.d.chance(0.4) {
		optional = append(optional, details[1])
	}
	if says := pick(b.d, aud.says); says != "" && b.d.chance(0.5) {
		optional = append(optional, says)
	}
	if status == "active" && b.d.chance(0.7) {
		optional = append(optional, pick(b.d, b.closersFor(code, t)))
	}
	for _, s := range optional {
		if s = fill(s, v); p.fits(s, room) {
			p.add(s)
		}
	}
	if second != "" && p.fits(second, room-1) {
		p.add(second)
	}
	if status != "active" {
		p.add(pick(b.d, statusSays[status]))
	}
	return sentences(p.parts...)
}

func (b *builder) closersFor(code string, t *tpl) []string {
	switch {
	case t.remote():
		return remoteClosers
	case slices.Contains(formal, code):
		return formalClosers
	}
	return closers
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
