package exercises

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown renders the Markdown of an exercise's text as HTML that is safe
// to put in a page whatever the author wrote. goldmark reads CommonMark
// with GitHub's tables; raw HTML in the source shows as text; links keep
// only http, https and mailto addresses and addresses on the same site,
// and carry rel="nofollow noopener noreferrer"; images show as links.
// bluemonday then keeps only the tags and attributes listed in
// sanitizer, whatever a bug of the renderer might let through.
func Markdown(src string) template.HTML {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	if depth := nesting(src); depth > maxMarkdownDepth {
		// goldmark nests without bound: a line of 100,000 "> " is 100,000
		// block quotes. No exercise needs more than a few levels.
		return template.HTML("<pre>" + template.HTMLEscapeString(src) + "</pre>\n")
	}
	var b bytes.Buffer
	if err := markdown().Convert([]byte(src), &b); err != nil {
		return template.HTML("<pre>" + template.HTMLEscapeString(src) + "</pre>\n")
	}
	return template.HTML(sanitizer().SanitizeBytes(b.Bytes()))
}

// inline renders one line of Markdown (emphasis, code, links) without a
// paragraph around it: no block (heading, list, quote) is read in it.
func inline(s string) string {
	var b bytes.Buffer
	if err := inlineMarkdown().Convert([]byte(strings.ReplaceAll(s, "\r\n", "\n")), &b); err != nil {
		return template.HTMLEscapeString(s)
	}
	out := strings.TrimSpace(sanitizer().Sanitize(b.String()))
	return strings.TrimSuffix(strings.TrimPrefix(out, "<p>"), "</p>")
}

// maxMarkdownDepth bounds the nesting of lists and quotes.
const maxMarkdownDepth = 16

// nesting is an upper bound of how deep the lists and quotes of src nest:
// the most list or quote markers that open one line.
func nesting(src string) int {
	most := 0
	for line := range strings.SplitSeq(src, "\n") {
		n := 0
		for _, f := range strings.Fields(line) {
			if f != ">" && f != "-" && f != "*" && f != "+" && !strings.HasPrefix(f, ">") && !orderedMarker().MatchString(f) {
				break
			}
			n += max(1, strings.Count(f, ">"))
		}
		most = max(most, n)
	}
	return most
}

var orderedMarker = lazyRegexp(`^\d{1,9}[.)]$`)

// The Markdown readers and the sanitiser are made when first used: most
// runs of the program (osplay run) never read an exercise.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(
			parser.WithInlineParsers(util.Prioritized(koreanEmphasis{}, 100)), // before CommonMark's (500)
			parser.WithASTTransformers(util.Prioritized(linkGuard{}, 100)),
		),
		goldmark.WithRendererOptions(
			// Before goldmark's own HTML renderer (1000; the lower wins): raw
			// HTML as text.
			renderer.WithNodeRenderers(util.Prioritized(rawAsText{}, 100)),
		),
	)
})

// inlineMarkdown reads paragraphs only: inline Markdown.
var inlineMarkdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
			parser.WithInlineParsers(append(parser.DefaultInlineParsers(), util.Prioritized(koreanEmphasis{}, 100))...),
			parser.WithASTTransformers(util.Prioritized(linkGuard{}, 100)),
		)),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(rawAsText{}, 100))),
	)
})

// rel is what every link carries: no endorsement of the address, and no
// hold of the page it opens on this one.
const rel = "nofollow noopener noreferrer"

var sanitizer = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "em", "strong", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
		"blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[A-Za-z0-9_+-]{1,20}$`)).OnElements("code")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowStyles("text-align").MatchingEnum("left", "right", "center").OnElements("th", "td")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^` + rel + `$`)).OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	return p
})

// linkGuard turns images into links to them, and links to addresses
// safeURL refuses into their text; every other link gets rel.
type linkGuard struct{}

func (linkGuard) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var links []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindLink, ast.KindImage, ast.KindAutoLink:
			if entering {
				links = append(links, n)
			}
		}
		return ast.WalkContinue, nil
	})
	source := reader.Source()
	for _, n := range links {
		switch l := n.(type) {
		case *ast.Image:
			link := ast.NewLink()
			link.Destination, link.Title = l.Destination, l.Title
			moveChildren(link, l)
			l.Parent().ReplaceChild(l.Parent(), l, link)
			guard(link)
		case *ast.Link:
			guard(l)
		case *ast.AutoLink:
			if l.AutoLinkType == ast.AutoLinkURL && safeURL(string(l.URL(source))) == "" {
				t := ast.NewString(l.Label(source))
				l.Parent().ReplaceChild(l.Parent(), l, t)
				continue
			}
			l.SetAttributeString("rel", []byte(rel))
		}
	}
}

// guard gives a link rel, or replaces it with its text if its address is
// not safe.
func guard(l *ast.Link) {
	if safeURL(string(l.Destination)) == "" {
		parent := l.Parent()
		for c := l.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, l, c)
			c = next
		}
		parent.RemoveChild(parent, l)
		return
	}
	l.Title = nil
	l.SetAttributeString("rel", []byte(rel))
}

// moveChildren moves from's children to the end of to.
func moveChildren(to, from ast.Node) {
	for c := from.FirstChild(); c != nil; {
		next := c.NextSibling()
		to.AppendChild(to, c)
		c = next
	}
}

// rawAsText renders the HTML an author wrote as text: the page shows the
// tags instead of obeying them.
type rawAsText struct{}

func (rawAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := range segs.Len() {
				s := segs.At(i)
				html.DefaultWriter.RawWrite(w, s.Value(source)) // escapes
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		var text []byte
		for i := range b.Lines().Len() {
			s := b.Lines().At(i)
			text = append(text, s.Value(source)...)
		}
		if b.HasClosure() {
			text = append(text, b.ClosureLine.Value(source)...)
		}
		w.WriteString("<p>")
		w.Write(util.EscapeHTML(bytes.TrimRight(text, "\n")))
		w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}

// safeURL returns url if a link to it is harmless: http, https and mailto
// addresses, and paths or fragments on the same site. Anything else
// (javascript:, data:, …) is refused with "".
func safeURL(url string) string {
	if url == "" || strings.ContainsAny(url, "\x00\t\r\n\\") {
		return ""
	}
	lower := strings.ToLower(url)
	for _, scheme := range []string{"https://", "http://", "mailto:"} {
		if strings.HasPrefix(lower, scheme) {
			return url
		}
	}
	if strings.HasPrefix(url, "//") {
		return "" // another host under the page's scheme: say so with https://
	}
	// A relative address has no scheme: no ':' before the first '/', '?' or '#'.
	if i := strings.IndexAny(url, ":/?#"); i >= 0 && url[i] == ':' {
		return ""
	}
	return url
}
