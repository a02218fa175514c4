package exercises

import (
	"strings"
	"testing"
	"time"
)

func TestMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"hello *world*", "<p>hello <em>world</em></p>\n"},
		{"**bold** and `code <b>`", "<p><strong>bold</strong> and <code>code &lt;b&gt;</code></p>\n"},
		{"snake_case_name stays", "<p>snake_case_name stays</p>\n"},
		{"## Title", "<h2>Title</h2>\n"},
		{"- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"},
		{"1. first\n2. second", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"},
		{"3. third", "<ol start=\"3\">\n<li>third</li>\n</ol>\n"},
		{"- outer\n  - inner", "<ul>\n<li>outer\n<ul>\n<li>inner</li>\n</ul>\n</li>\n</ul>\n"},
		{"```c\nint x = a < b;\n```", "<pre><code class=\"language-c\">int x = a &lt; b;\n</code></pre>\n"},
		{"> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>\n"},
		{"| a | b |\n|---|--:|\n| 1 | 2 |", "<table>\n<thead>\n<tr>\n<th>a</th>\n<th style=\"text-align: right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td style=\"text-align: right\">2</td>\n</tr>\n</tbody>\n</table>\n"},
		{"[the notes](https://example.org/a?b=1&c=2)", `<p><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener noreferrer">the notes</a></p>` + "\n"},
		{"[local](/x/onetwo)", `<p><a href="/x/onetwo" rel="nofollow noopener noreferrer">local</a></p>` + "\n"},
		{"para one\n\npara two", "<p>para one</p>\n<p>para two</p>\n"},
		{"---", "<hr>\n"},
		{`\*not em\*`, "<p>*not em*</p>\n"},
		{"한국어 **굵게**", "<p>한국어 <strong>굵게</strong></p>\n"},
		{"**코드(텍스트)**와 **문맥 교환**은", "<p><strong>코드(텍스트)</strong>와 <strong>문맥 교환</strong>은</p>\n"},
		{"**(a)**b stays", "<p>**(a)**b stays</p>\n"},
		{"```c nfork.c\nx\n```", "<pre><code class=\"language-c\">x\n</code></pre>\n"},
		{"![a diagram](/static/tree.png)", `<p><a href="/static/tree.png" rel="nofollow noopener noreferrer">a diagram</a></p>` + "\n"},
		{"<https://example.org/x>", `<p><a href="https://example.org/x" rel="nofollow noopener noreferrer">https://example.org/x</a></p>` + "\n"},
		{"a <b>tag</b>", "<p>a &lt;b&gt;tag&lt;/b&gt;</p>\n"},
		{"<div>\nblock\n</div>", "<p>&lt;div&gt;\nblock\n&lt;/div&gt;</p>\n"},
		{"[bad](javascript:alert(1)) link", "<p>bad link</p>\n"},
		{"[titled](https://example.org \"a title\")", `<p><a href="https://example.org" rel="nofollow noopener noreferrer">titled</a></p>` + "\n"},
	} {
		if got := string(Markdown(tc.in)); got != tc.want {
			t.Errorf("Markdown(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestMarkdownIsSafe: nothing an author writes becomes a tag or an
// attribute the renderer did not make.
func TestMarkdownIsSafe(t *testing.T) {
	for _, in := range []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`[click](javascript:alert(1))`,
		`[click](JAVASCRIPT:alert(1))`,
		`[click]( javascript:alert(1))`,
		`[click](data:text/html;base64,PHNjcmlwdD4=)`,
		`[click](vbscript:msgbox)`,
		`[click](//evil.example/x)`,
		`[x](https://a.example/" onmouseover="alert(1))`,
		`![img](https://a.example/x.png" onerror="alert(1))`,
		"<https://a.example/\"><script>alert(1)</script>>",
		"```\"><script>alert(1)</script>\nx\n```",
		"| <b>a</b> | b |\n|---|---|\n| <i>1</i> | 2 |",
		"- <iframe src=x>\n  - <svg onload=alert(1)>",
		"> <style>body{}</style>",
		"`</code><script>`",
		"**<u>x</u>**",
		"[a [b](javascript:x)](https://ok.example)",
		"<a href=\"javascript:alert(1)\">x</a>",
		"<div onclick=alert(1)>\n\n*x*\n\n</div>",
		"<!-- comment --><script>x</script>",
		"[x](<javascript:alert(1)>)",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"<javascript:alert(1)>",
		"![x](javascript:alert(1))",
		"[x](https://a.example/ \"title\" onclick=\"x\")",
	} {
		out := string(Markdown(in))
		// Look only inside tags: escaped text may say anything.
		for _, seg := range strings.Split(out, "<")[1:] {
			tag, _, _ := strings.Cut(seg, ">")
			lower := strings.ToLower(tag)
			name := strings.TrimPrefix(strings.Fields(lower + " ")[0], "/")
			switch name {
			case "p", "em", "strong", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
				"blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "a":
			default:
				t.Errorf("Markdown(%q) = %q: tag <%s>", in, out, name)
			}
			for _, bad := range []string{"javascript:", "vbscript:", "data:", " on", "href=\"//", "style=\"b"} {
				if strings.Contains(lower, bad) {
					t.Errorf("Markdown(%q) = %q: tag <%s> contains %q", in, out, tag, bad)
				}
			}
		}
	}
}

// One line of a question renders without blocks around or in it.
func TestInline(t *testing.T) {
	for in, want := range map[string]string{
		"Which *process* prints `x`?": "Which <em>process</em> prints <code>x</code>?",
		"# not a heading":             "# not a heading",
		"- not a list":                "- not a list",
		"3. not a list":               "3. not a list",
		"<script>x</script>":          "&lt;script&gt;x&lt;/script&gt;",
		"[a](javascript:x)":           "a",
	} {
		if got := inline(in); got != want {
			t.Errorf("inline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for url, ok := range map[string]bool{
		"https://example.org": true, "http://example.org": true, "mailto:a@b.example": true,
		"/x/onetwo": true, "#hints": true, "page.html": true, "../up": true,
		"javascript:alert(1)": false, "JavaScript:alert(1)": false, "data:x": false, "//evil.example": false,
		"java\tscript:x": false, "ftp://x.example": false, "": false,
	} {
		if got := safeURL(url) != ""; got != ok {
			t.Errorf("safeURL(%q) safe = %v, want %v", url, got, ok)
		}
	}
}

// TestMarkdownPathological: hostile input renders quickly.
func TestMarkdownPathological(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("*a ", 80000),
		strings.Repeat("[", 200000),
		strings.Repeat("_a ", 80000),
		strings.Repeat("- ", 100000),
		strings.Repeat("> ", 100000),
		strings.Repeat("*a ", 2700), // just under the limit
		strings.Repeat("[a ", 2700),
		strings.Repeat("`", 100000),
		strings.Repeat("| a ", 50000) + "\n|---|\n",
		strings.Repeat("1. ", 100000),
		strings.Repeat(">", 100000),
		strings.Repeat("  - a\n", 20000),
	} {
		start := time.Now()
		Markdown(in)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Markdown of %.20q… took %v", in, d)
		}
	}
}
