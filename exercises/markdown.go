package exercises

import (
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"
)

// Markdown renders the Markdown of an exercise's text as HTML that is safe
// to put in a page whatever the author wrote: every character of the
// source is escaped, and the only tags are the ones this renderer makes.
// Raw HTML in the source shows as text; links keep only http, https and
// mailto addresses and addresses on the same site; images show as links.
//
// It knows: paragraphs, headings (## …), emphasis (*a*, _a_, **b**),
// `code`, fenced code blocks, lists (-, *, + and 1.; nested by
// indentation), block quotes (>), tables (| a | b | with a |---| line),
// horizontal rules (---) and links ([text](url), <https://…>).
func Markdown(src string) template.HTML {
	var b strings.Builder
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	renderBlocks(&b, lines, 0)
	return template.HTML(b.String())
}

const (
	maxMarkdownDepth = 8       // nesting of lists and quotes
	maxInlineBytes   = 8 << 10 // a longer paragraph is shown without emphasis and links
)

var (
	headingRE  = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	bulletRE   = regexp.MustCompile(`^( {0,3})([-*+])( +)(.*)$`)
	orderedRE  = regexp.MustCompile(`^( {0,3})(\d{1,9})([.)])( +)(.*)$`)
	tableSepRE = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)
	langRE     = regexp.MustCompile(`^[A-Za-z0-9_+-]{1,20}$`)
)

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// isRule reports whether line is a horizontal rule: three or more of the
// same -, * or _, spaces between them allowed.
func isRule(line string) bool {
	t := strings.ReplaceAll(strings.TrimSpace(line), " ", "")
	if len(t) < 3 || len(line)-len(strings.TrimLeft(line, " ")) > 3 {
		return false
	}
	return strings.Trim(t, t[:1]) == "" && strings.ContainsAny(t[:1], "-*_")
}

// renderBlocks renders lines as a sequence of blocks.
func renderBlocks(b *strings.Builder, lines []string, depth int) {
	for i := 0; i < len(lines); {
		line := lines[i]
		switch {
		case blank(line):
			i++
		case fenceOf(strings.TrimLeft(line, " ")) != "":
			i = renderFence(b, lines, i)
		case headingRE.MatchString(line):
			m := headingRE.FindStringSubmatch(line)
			level := strconv.Itoa(len(m[1]))
			b.WriteString("<h" + level + ">" + inline(m[2]) + "</h" + level + ">\n")
			i++
		case isRule(line):
			b.WriteString("<hr>\n")
			i++
		case strings.HasPrefix(strings.TrimLeft(line, " "), ">") && depth < maxMarkdownDepth:
			var quoted []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimLeft(lines[i], " "), ">"); i++ {
				q := strings.TrimPrefix(strings.TrimLeft(lines[i], " "), ">")
				quoted = append(quoted, strings.TrimPrefix(q, " "))
			}
			b.WriteString("<blockquote>\n")
			renderBlocks(b, quoted, depth+1)
			b.WriteString("</blockquote>\n")
		case (bulletRE.MatchString(line) || orderedRE.MatchString(line)) && depth < maxMarkdownDepth:
			i = renderList(b, lines, i, depth)
		case strings.Contains(line, "|") && i+1 < len(lines) && tableSepRE.MatchString(lines[i+1]) && strings.Contains(lines[i+1], "-"):
			i = renderTable(b, lines, i)
		default:
			i = renderParagraph(b, lines, i)
		}
	}
}

func renderFence(b *strings.Builder, lines []string, i int) int {
	open := strings.TrimLeft(lines[i], " ")
	fence := fenceOf(open)
	info := strings.Fields(strings.TrimLeft(open, fence[:1]))
	var code []string
	i++
	for ; i < len(lines); i++ {
		l := strings.TrimLeft(lines[i], " ")
		if strings.HasPrefix(l, fence) && strings.Trim(l, fence[:1]+" ") == "" {
			i++
			break
		}
		code = append(code, lines[i])
	}
	b.WriteString("<pre><code")
	if len(info) > 0 && langRE.MatchString(info[0]) {
		b.WriteString(` class="language-` + info[0] + `"`)
	}
	b.WriteString(">")
	for _, l := range code {
		b.WriteString(html.EscapeString(l) + "\n")
	}
	b.WriteString("</code></pre>\n")
	return i
}

// startsBlock reports whether line begins a block other than a paragraph.
func startsBlock(line string) bool {
	t := strings.TrimLeft(line, " ")
	return fenceOf(t) != "" || headingRE.MatchString(line) || isRule(line) ||
		strings.HasPrefix(t, ">") || bulletRE.MatchString(line) || orderedRE.MatchString(line)
}

func renderParagraph(b *strings.Builder, lines []string, i int) int {
	var para []string
	for ; i < len(lines) && !blank(lines[i]) && (len(para) == 0 || !startsBlock(lines[i])); i++ {
		para = append(para, strings.TrimSpace(lines[i]))
	}
	b.WriteString("<p>" + inline(strings.Join(para, "\n")) + "</p>\n")
	return i
}

// renderList renders a list starting at lines[i]: items of the same kind
// at the same indentation, each with the lines indented below it.
func renderList(b *strings.Builder, lines []string, i, depth int) int {
	ordered := orderedRE.MatchString(lines[i])
	tag := "ul"
	if ordered {
		tag = "ol"
		m := orderedRE.FindStringSubmatch(lines[i])
		if n, _ := strconv.Atoi(m[2]); n != 1 {
			b.WriteString(`<ol start="` + strconv.Itoa(n) + `">` + "\n")
		} else {
			b.WriteString("<ol>\n")
		}
	} else {
		b.WriteString("<ul>\n")
	}
	for i < len(lines) {
		var indent int
		var first string
		if ordered {
			m := orderedRE.FindStringSubmatch(lines[i])
			if m == nil {
				break
			}
			indent, first = len(m[1])+len(m[2])+len(m[3])+len(m[4]), m[5]
		} else {
			m := bulletRE.FindStringSubmatch(lines[i])
			if m == nil {
				break
			}
			indent, first = len(m[1])+len(m[2])+len(m[3]), m[4]
		}
		item := []string{first}
		i++
		for i < len(lines) {
			l := lines[i]
			lead := len(l) - len(strings.TrimLeft(l, " "))
			switch {
			case blank(l):
				// A blank line continues the item only if indented text follows.
				if i+1 < len(lines) && !blank(lines[i+1]) && len(lines[i+1])-len(strings.TrimLeft(lines[i+1], " ")) >= min(indent, 2) {
					item = append(item, "")
					i++
					continue
				}
			case lead >= min(indent, 2):
				item = append(item, l[min(lead, indent):])
				i++
				continue
			case !startsBlock(l) && !blank(item[len(item)-1]):
				item = append(item, strings.TrimSpace(l)) // a lazy continuation line
				i++
				continue
			}
			break
		}
		b.WriteString("<li>")
		if len(item) == 1 || !containsBlank(item) && !startsBlock(item[1]) && !anyBlock(item[1:]) {
			b.WriteString(inline(strings.Join(trimAll(item), "\n")))
		} else if !containsBlank(item) {
			// Tight item with a nested block: text first, then the rest.
			j := 1
			for j < len(item) && !startsBlock(item[j]) {
				j++
			}
			b.WriteString(inline(strings.Join(trimAll(item[:j]), "\n")) + "\n")
			renderBlocks(b, item[j:], depth+1)
		} else {
			b.WriteString("\n")
			renderBlocks(b, item, depth+1)
		}
		b.WriteString("</li>\n")
		if i < len(lines) && blank(lines[i]) {
			// A blank line between items of the same list.
			if i+1 < len(lines) && sameListItem(lines[i+1], ordered) {
				i++
				continue
			}
			break
		}
	}
	b.WriteString("</" + tag + ">\n")
	return i
}

func sameListItem(line string, ordered bool) bool {
	if ordered {
		return orderedRE.MatchString(line)
	}
	return bulletRE.MatchString(line)
}

func containsBlank(lines []string) bool {
	for _, l := range lines {
		if blank(l) {
			return true
		}
	}
	return false
}

func anyBlock(lines []string) bool {
	for _, l := range lines {
		if startsBlock(l) {
			return true
		}
	}
	return false
}

func trimAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimSpace(l)
	}
	return out
}

func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

func renderTable(b *strings.Builder, lines []string, i int) int {
	head := tableCells(lines[i])
	var align []string
	for _, s := range tableCells(lines[i+1]) {
		switch {
		case strings.HasPrefix(s, ":") && strings.HasSuffix(s, ":"):
			align = append(align, "center")
		case strings.HasSuffix(s, ":"):
			align = append(align, "right")
		case strings.HasPrefix(s, ":"):
			align = append(align, "left")
		default:
			align = append(align, "")
		}
	}
	cell := func(tag string, col int, text string) {
		b.WriteString("<" + tag)
		if col < len(align) && align[col] != "" {
			b.WriteString(` style="text-align:` + align[col] + `"`)
		}
		b.WriteString(">" + inline(text) + "</" + tag + ">")
	}
	b.WriteString("<table>\n<thead><tr>")
	for c, h := range head {
		cell("th", c, h)
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for i += 2; i < len(lines) && !blank(lines[i]) && strings.Contains(lines[i], "|"); i++ {
		b.WriteString("<tr>")
		row := tableCells(lines[i])
		for c := range head {
			text := ""
			if c < len(row) {
				text = row[c]
			}
			cell("td", c, text)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	return i
}

// inline renders the inline Markdown of s: emphasis, code, links; every
// other character is escaped.
func inline(s string) string {
	if len(s) > maxInlineBytes {
		return html.EscapeString(s) // finding emphasis costs up to n² in a paragraph this long
	}
	var b strings.Builder
	renderInline(&b, s, 0)
	return b.String()
}

const escapable = "\\`*_{}[]()#+-.!|<>~\""

func renderInline(b *strings.Builder, s string, depth int) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(escapable, s[i+1]) >= 0:
			b.WriteString(html.EscapeString(s[i+1 : i+2]))
			i += 2
			continue
		case c == '\n':
			b.WriteString("\n")
			i++
			continue
		case c == '`':
			n := len(s[i:]) - len(strings.TrimLeft(s[i:], "`"))
			fence := s[i : i+n]
			if end := strings.Index(s[i+n:], fence); end >= 0 {
				code := s[i+n : i+n+end]
				if t := strings.TrimSpace(code); t != "" && code[0] == ' ' && code[len(code)-1] == ' ' {
					code = code[1 : len(code)-1]
				}
				b.WriteString("<code>" + html.EscapeString(code) + "</code>")
				i += n + end + n
				continue
			}
			b.WriteString(fence)
			i += n
			continue
		case c == '*' && strings.HasPrefix(s[i:], "**") && depth < maxMarkdownDepth:
			if end := strings.Index(s[i+2:], "**"); end > 0 {
				b.WriteString("<strong>")
				renderInline(b, s[i+2:i+2+end], depth+1)
				b.WriteString("</strong>")
				i += 2 + end + 2
				continue
			}
		case (c == '*' || c == '_') && depth < maxMarkdownDepth && i+1 < len(s) && s[i+1] != ' ' && s[i+1] != c:
			if c == '_' && i > 0 && isWordByte(s[i-1]) {
				break // snake_case is not emphasis
			}
			if end := closingEmphasis(s, i+1, c); end > 0 {
				b.WriteString("<em>")
				renderInline(b, s[i+1:end], depth+1)
				b.WriteString("</em>")
				i = end + 1
				continue
			}
		case c == '[' || c == '!' && strings.HasPrefix(s[i:], "!["):
			start := i
			if c == '!' {
				start++
			}
			if text, url, n := link(s[start:]); n > 0 {
				if safe := safeURL(url); safe != "" {
					b.WriteString(`<a href="` + html.EscapeString(safe) + `" rel="nofollow noopener noreferrer">`)
					renderInline(b, text, maxMarkdownDepth) // no nested emphasis loops
					b.WriteString("</a>")
				} else {
					renderInline(b, text, maxMarkdownDepth)
				}
				i = start + n
				continue
			}
		case c == '<':
			if end := strings.IndexByte(s[i:], '>'); end > 0 {
				url := s[i+1 : i+end]
				if (strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "http://")) && !strings.ContainsAny(url, " \n") {
					if safe := safeURL(url); safe != "" {
						b.WriteString(`<a href="` + html.EscapeString(safe) + `" rel="nofollow noopener noreferrer">` + html.EscapeString(url) + "</a>")
						i += end + 1
						continue
					}
				}
			}
		}
		b.WriteString(html.EscapeString(s[i : i+1]))
		i++
	}
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// closingEmphasis finds the delimiter c that closes emphasis opened just
// before from, or -1.
func closingEmphasis(s string, from int, c byte) int {
	for j := from + 1; j < len(s); j++ {
		if s[j] == '`' { // code spans take precedence
			if end := strings.IndexByte(s[j+1:], '`'); end >= 0 {
				j += end + 1
				continue
			}
		}
		if s[j] != c || s[j-1] == ' ' || s[j-1] == '\\' {
			continue
		}
		if c == '*' && j+1 < len(s) && s[j+1] == '*' {
			j++
			continue
		}
		if c == '_' && j+1 < len(s) && isWordByte(s[j+1]) {
			continue
		}
		return j
	}
	return -1
}

// link parses [text](url) at the start of s; n is its length, 0 if s does
// not start with a link.
func link(s string) (text, url string, n int) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if i+1 >= len(s) || s[i+1] != '(' {
					return "", "", 0
				}
				end := strings.IndexByte(s[i+2:], ')')
				if end < 0 {
					return "", "", 0
				}
				url = strings.TrimSpace(s[i+2 : i+2+end])
				if strings.ContainsAny(url, " \n") {
					url, _, _ = strings.Cut(url, " ") // [a](url "title"): the title is dropped
				}
				return s[1:i], url, i + 2 + end + 1
			}
		}
	}
	return "", "", 0
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
