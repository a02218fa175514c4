package exercises

import (
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// koreanEmphasis reads * and ** as CommonMark does, except beside Korean
// (and other CJK) text, which puts no space between a word and its
// particle: in "**프로그램 코드(텍스트)**와" CommonMark will not let the
// closing ** follow ")" and precede "와", and the page would show the
// stars. Here a CJK letter on the far side of the run counts as a space
// would, the rule of the proposals for CJK-friendly emphasis. _ keeps
// CommonMark's rules.
type koreanEmphasis struct{}

func (koreanEmphasis) Trigger() []byte { return []byte{'*'} }

func (koreanEmphasis) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	d := parser.ScanDelimiter(line, before, 1, starDelimiter{})
	if d == nil {
		return nil
	}
	after := ' '
	if d.OriginalLength < len(line) {
		after = util.ToRune(line, d.OriginalLength)
	}
	if isCJK(after) && !util.IsSpaceRune(before) {
		d.CanClose = true
	}
	if isCJK(before) && !util.IsSpaceRune(after) {
		d.CanOpen = true
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// starDelimiter makes emphasis of * runs.
type starDelimiter struct{}

func (starDelimiter) IsDelimiter(b byte) bool { return b == '*' }

func (starDelimiter) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (starDelimiter) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }
