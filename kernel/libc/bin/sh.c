/*
 * sh: a small POSIX shell, behaving as Debian's /bin/sh (dash) does for
 * what it knows. system() and popen() run their command through it.
 *
 *   sh -c 'command' [name [arg...]]   run one command string
 *   sh [file]                         read commands from the file, or
 *                                     from stdin ("$ " first when stdin
 *                                     is a terminal)
 *
 * It knows if/elif/else, while, until, for, case, { }, break and continue,
 * functions and return,
 * pipelines of any length, the redirections < > >> and n> n>> n< n>&m
 * n<&m, here-documents (<<, <<-), & and wait, ; && || and !, ( subshells ), single and double
 * quotes and backslashes, $VAR ${VAR} ${VAR:-word} $? $$ $! $# $0..$9
 * $@ $*, $(command) and `command`, $((expression)), VAR=value, * ? [..]
 * in the working directory, and the built-ins cd, echo, printf, test and
 * [, read, return, exit, export, unset, wait, pwd, exec, true, false
 * and ':'.
 * Errors read as dash writes them ("sh: 1: foo: not found") and exit
 * statuses are POSIX's: 127 not found, 126 not executable, 128+n for a
 * death by signal n, 2 for a syntax error.
 *
 * Reading: a command is parsed, then run, then the next one is read, so
 * `false; echo $?` prints 1 and a syntax error on line 3 comes after
 * lines 1 and 2 have run, as in dash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/wait.h>
#include <sys/stat.h>

/* ---- errors ---------------------------------------------------------- */

static const char *arg0 = "sh";
static int lineno = 1;      /* the line the reader is on */
static int cmdline = 1;     /* the line of the command running */
static int status;          /* $? */
static int interactive;
static pid_t lastbg;        /* $! */
static int breaking, continuing_loops, loopdepth; /* break and continue: loops to leave or go on with */
static int returning, funcdepth; /* return: leave the function that runs */
static int npos;            /* $1..: positional parameters */
static char **pos;

static void say(const char *fmt, ...);

/* Write the whole of s to fd. */
static void put(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

#include <stdarg.h>

/* say prints "sh: LINE: message" on stderr, as dash does. */
static void say(const char *fmt, ...)
{
	char buf[1024];
	int n = snprintf(buf, sizeof buf, "%s: %d: ", arg0, cmdline);
	va_list ap;
	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof buf - (size_t)n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof buf - 2)
		n = (int)sizeof buf - 2;
	buf[n++] = '\n';
	put(2, buf, (size_t)n);
}

static void *xalloc(size_t n)
{
	void *p = malloc(n);
	if (p == NULL) {
		say("Out of space");
		_exit(2);
	}
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (p == NULL) {
		say("Out of space");
		_exit(2);
	}
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xalloc(n), s, n);
}

/* A growing string. */
struct str {
	char *s;
	size_t n, cap;
};

static void sadd(struct str *b, int c)
{
	if (b->n + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->n++] = (char)c;
	b->s[b->n] = '\0';
}

static void sadds(struct str *b, const char *s)
{
	while (*s)
		sadd(b, (unsigned char)*s++);
}

/* ---- input ------------------------------------------------------------ */

static const char *src;     /* the -c string, or NULL to read infd */
static size_t srcpos;
static int infd;
static char inbuf[4096];
static size_t inpos, inlen;
static int ineof;
static int peeked = -2;

/* prompt writes PS1 or PS2 when reading from a terminal. */
static void prompt(const char *p)
{
	if (interactive)
		put(2, p, strlen(p));
}

static int rawgetc(void)
{
	if (src != NULL)
		return src[srcpos] ? (unsigned char)src[srcpos++] : EOF;
	if (inpos == inlen) {
		ssize_t n;
		if (ineof)
			return EOF;
		do
			n = read(infd, inbuf, sizeof inbuf);
		while (n < 0 && errno == EINTR);
		if (n <= 0) {
			ineof = 1;
			return EOF;
		}
		inpos = 0;
		inlen = (size_t)n;
	}
	return (unsigned char)inbuf[inpos++];
}

static int peekc(void)
{
	if (peeked == -2)
		peeked = rawgetc();
	return peeked;
}

static int getc_(void)
{
	int c = peekc();
	peeked = -2;
	if (c == '\n')
		lineno++;
	return c;
}

/* ---- tokens ------------------------------------------------------------ */

enum {
	T_EOF, T_NL, T_WORD, T_PIPE, T_OR, T_AND, T_ANDAND, T_SEMI, T_DSEMI,
	T_LPAREN, T_RPAREN, T_REDIR, T_BAD
};

enum { R_IN, R_OUT, R_APPEND, R_DUPOUT, R_DUPIN, R_HEREDOC, R_HEREDOC_TABS };

struct token {
	int type;
	char *text;  /* a word as written, quotes and all */
	int rtype;   /* a redirection's kind */
	int fd;      /* and the descriptor it changes */
};

static struct token tok;
static int havetok;
static int continuing;  /* a command is half read: prompt with PS2 */

static int synerr;

static void syntax(const char *fmt, const char *what)
{
	if (synerr)
		return;
	synerr = 1;
	cmdline = lineno;
	if (what != NULL) {
		char buf[256];
		snprintf(buf, sizeof buf, fmt, what);
		say("Syntax error: %s", buf);
	} else {
		say("Syntax error: %s", fmt);
	}
}

static const char *tokname(const struct token *t)
{
	switch (t->type) {
	case T_EOF: return "end of file";
	case T_NL: return "newline";
	case T_PIPE: return "\"|\"";
	case T_OR: return "\"||\"";
	case T_AND: return "\"&\"";
	case T_ANDAND: return "\"&&\"";
	case T_SEMI: return "\";\"";
	case T_DSEMI: return "\";;\"";
	case T_LPAREN: return "\"(\"";
	case T_RPAREN: return "\")\"";
	case T_REDIR: return "redirection";
	}
	static char word[64];
	snprintf(word, sizeof word, "\"%.40s\"", t->text ? t->text : "");
	return word;
}

static void unexpected(const struct token *t)
{
	syntax("%s unexpected", tokname(t));
}

static int isop(int c)
{
	return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')';
}

/* readword reads a word (quotes kept) starting at the next character;
 * NULL after a syntax error. */
static char *readword(void)
{
	struct str w = {0};

	for (;;) {
		int c = peekc();
		if (c == EOF || c == ' ' || c == '\t' || c == '\n' || isop(c))
			break;
		getc_();
		if (c == '$' && peekc() == '(') {
			/* a command substitution (or arithmetic): up to its ) */
			int depth = 0;
			sadd(&w, '$');
			for (;;) {
				int d = getc_();
				if (d == EOF) {
					syntax("end of file unexpected (expecting \")\")", NULL);
					free(w.s);
					return NULL;
				}
				sadd(&w, d);
				if (d == '(')
					depth++;
				else if (d == ')' && --depth == 0)
					break;
			}
		} else if (c == '\\') {
			int d = peekc();
			if (d == '\n') { /* the line goes on */
				getc_();
				prompt("> ");
			} else if (d != EOF) {
				sadd(&w, '\\');
				sadd(&w, getc_());
			} else {
				sadd(&w, '\\');
			}
		} else if (c == '\'' || c == '"') {
			int q = c;
			sadd(&w, q);
			for (;;) {
				int d = getc_();
				if (d == EOF) {
					syntax("Unterminated quoted string", NULL);
					free(w.s);
					return NULL;
				}
				if (d == '\n')
					prompt("> ");
				if (q == '"' && d == '\\') {
					int e = getc_();
					if (e == EOF) {
						syntax("Unterminated quoted string", NULL);
						free(w.s);
						return NULL;
					}
					if (e == '\n')
						continue;
					sadd(&w, '\\');
					sadd(&w, e);
					continue;
				}
				sadd(&w, d);
				if (d == q)
					break;
			}
		} else {
			sadd(&w, c);
		}
	}
	if (w.s == NULL) {
		w.s = xalloc(1);
		w.s[0] = '\0';
	}
	return w.s;
}

static void readheredocs(void);

/* lex reads the next token into tok. */
static void lex(void)
{
	int c;

	free(tok.text);
	memset(&tok, 0, sizeof tok);
	for (;;) {
		c = peekc();
		if (c == ' ' || c == '\t') {
			getc_();
			continue;
		}
		if (c == '#') {
			while (peekc() != '\n' && peekc() != EOF)
				getc_();
			continue;
		}
		break;
	}
	switch (c) {
	case EOF:
		tok.type = T_EOF;
		return;
	case '\n':
		getc_();
		tok.type = T_NL;
		readheredocs();
		return;
	case '|':
		getc_();
		tok.type = T_PIPE;
		if (peekc() == '|')
			getc_(), tok.type = T_OR;
		return;
	case '&':
		getc_();
		tok.type = T_AND;
		if (peekc() == '&')
			getc_(), tok.type = T_ANDAND;
		return;
	case ';':
		getc_();
		tok.type = T_SEMI;
		if (peekc() == ';')
			getc_(), tok.type = T_DSEMI;
		return;
	case '(':
		getc_();
		tok.type = T_LPAREN;
		return;
	case ')':
		getc_();
		tok.type = T_RPAREN;
		return;
	case '<':
	case '>':
		tok.fd = c == '<' ? 0 : 1;
		goto redir;
	}
	tok.text = readword();
	if (tok.text == NULL) {
		tok.type = T_BAD;
		return;
	}
	if (tok.text[0] == '\0') { /* only a line continuation */
		lex();
		return;
	}
	tok.type = T_WORD;
	c = peekc();
	if ((c == '<' || c == '>') && strspn(tok.text, "0123456789") == strlen(tok.text) && strlen(tok.text) < 4) {
		/* a number right before < or > is the descriptor it redirects */
		tok.fd = atoi(tok.text);
		free(tok.text);
		tok.text = NULL;
		goto redir;
	}
	return;
redir:
	getc_();
	tok.type = T_REDIR;
	if (c == '<') {
		tok.rtype = R_IN;
		if (peekc() == '&')
			getc_(), tok.rtype = R_DUPIN;
		else if (peekc() == '<') {
			getc_(), tok.rtype = R_HEREDOC;
			if (peekc() == '-')
				getc_(), tok.rtype = R_HEREDOC_TABS;
		}
	} else {
		tok.rtype = R_OUT;
		if (peekc() == '>')
			getc_(), tok.rtype = R_APPEND;
		else if (peekc() == '&')
			getc_(), tok.rtype = R_DUPOUT;
		else if (peekc() == '|')
			getc_();
	}
}

static struct token *peek(void)
{
	if (!havetok) {
		lex();
		havetok = 1;
	}
	return &tok;
}

static void consume(void)
{
	havetok = 0;
}

/* ---- the tree ------------------------------------------------------------ */

enum { N_CMD, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_NOT, N_SUB, N_IF, N_WHILE, N_UNTIL, N_FOR, N_GROUP, N_CASE, N_CASEITEM, N_FUNCDEF };

struct redir {
	int type, fd;
	char *word;
	char *body;  /* a here-document's text */
	int quoted;  /* its delimiter was quoted: no expansion */
	struct redir *next;
};

/* The here-documents of the line being read, whose text follows it. */
static struct redir *heredocs[16];
static int nheredocs;

/* readheredocs reads the text of each here-document of the line just
 * ended: the lines up to one that is its delimiter (with <<-, leading
 * tabs dropped). */
static void readheredocs(void)
{
	for (int k = 0; k < nheredocs; k++) {
		struct redir *r = heredocs[k];
		/* the delimiter, quotes removed */
		struct str d = {0};
		for (const char *w = r->word; *w; w++) {
			if (*w == '\'' || *w == '"') {
				r->quoted = 1;
				continue;
			}
			if (*w == '\\' && w[1]) {
				r->quoted = 1;
				w++;
			}
			sadd(&d, (unsigned char)*w);
		}
		const char *delim = d.s ? d.s : "";
		struct str body = {0};
		for (;;) {
			struct str line = {0};
			int c;
			if (interactive)
				prompt("> ");
			while ((c = getc_()) != EOF && c != '\n')
				sadd(&line, c);
			const char *l = line.s ? line.s : "";
			if (r->type == R_HEREDOC_TABS)
				while (*l == '\t')
					l++;
			if (strcmp(l, delim) == 0 || (c == EOF && *l == '\0')) {
				free(line.s);
				break;
			}
			sadds(&body, l);
			free(line.s);
			if (c == EOF)
				break;
			sadd(&body, '\n');
		}
		r->body = body.s ? body.s : xstrdup("");
		free(d.s);
	}
	nheredocs = 0;
}

struct node {
	int type;
	int line;
	/* N_CMD */
	char **words;
	int nwords;
	struct redir *redirs;
	/* N_PIPE: kids[0..nkids); binary nodes: kids[0], kids[1] */
	struct node **kids;
	int nkids;
};

static struct node *newnode(int type)
{
	struct node *n = xalloc(sizeof *n);
	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = lineno;
	return n;
}

static void freenode(struct node *n)
{
	if (n == NULL)
		return;
	for (int i = 0; i < n->nwords; i++)
		free(n->words[i]);
	free(n->words);
	while (n->redirs) {
		struct redir *r = n->redirs;
		n->redirs = r->next;
		free(r->word);
		free(r->body);
		free(r);
	}
	for (int i = 0; i < n->nkids; i++)
		freenode(n->kids[i]);
	free(n->kids);
	free(n);
}

static struct node *binary(int type, struct node *a, struct node *b)
{
	struct node *n = newnode(type);
	n->kids = xalloc(2 * sizeof *n->kids);
	n->kids[0] = a;
	n->kids[1] = b;
	n->nkids = 2;
	return n;
}

static struct node *parse_list(int inparen);
static int isname(const char *s, size_t n);

/* Newlines after | && || are allowed; so are blank lines before them. */
static void skipnl(void)
{
	while (peek()->type == T_NL) {
		consume();
		continuing = 1;
		prompt("> ");
	}
}

/* isword reports whether the next token is the unquoted word w (a
 * reserved word where a command begins). */
static int isword(const char *w)
{
	struct token *t = peek();
	return t->type == T_WORD && strcmp(t->text, w) == 0;
}

/* A reserved word that ends a list inside a compound command. */
static int isterm(void)
{
	return isword("then") || isword("elif") || isword("else") || isword("fi") || isword("do") ||
	       isword("done") || isword("}") || isword("esac") || peek()->type == T_DSEMI;
}

/* expect consumes reserved word w, or reports the syntax error. */
static int expect(const char *w)
{
	if (isword(w)) {
		consume();
		return 1;
	}
	if (peek()->type != T_BAD) {
		char buf[128];
		snprintf(buf, sizeof buf, "%s unexpected (expecting \"%s\")", tokname(peek()), w);
		syntax("%s", buf);
	}
	return 0;
}

static struct node *unary(int type, struct node *kid)
{
	struct node *n = newnode(type);
	n->kids = xalloc(sizeof *n->kids);
	n->kids[0] = kid;
	n->nkids = 1;
	return n;
}

/* redirections reads the redirections after a compound command. */
static int redirections(struct node *n)
{
	struct redir **tail = &n->redirs;
	while (peek()->type == T_REDIR) {
		struct redir *r = xalloc(sizeof *r);
		r->type = tok.rtype;
		r->fd = tok.fd;
		r->next = NULL;
		consume();
		if (peek()->type != T_WORD) {
			free(r);
			if (tok.type != T_BAD)
				unexpected(&tok);
			return 0;
		}
		r->word = tok.text;
		r->body = NULL;
		r->quoted = 0;
		tok.text = NULL;
		consume();
		if ((r->type == R_HEREDOC || r->type == R_HEREDOC_TABS) && nheredocs < 16)
			heredocs[nheredocs++] = r;
		*tail = r;
		tail = &r->next;
	}
	return 1;
}

/* compound parses if, while, until, for and { }: the word w begins it. */
static struct node *compound(void)
{
	struct node *n = NULL;
	if (isword("if")) {
		consume();
		struct node *cond = parse_list(1), *then = NULL;
		if (cond == NULL || !expect("then") || (then = parse_list(1)) == NULL) {
			freenode(cond);
			return NULL;
		}
		n = binary(N_IF, cond, then);
		struct node *last = n;
		for (;;) {
			if (isword("elif")) {
				consume();
				struct node *c = parse_list(1), *t = NULL;
				if (c == NULL || !expect("then") || (t = parse_list(1)) == NULL) {
					freenode(c);
					freenode(n);
					return NULL;
				}
				struct node *e = binary(N_IF, c, t);
				last->kids = xrealloc(last->kids, 3 * sizeof *last->kids);
				last->kids[2] = e;
				last->nkids = 3;
				last = e;
			} else if (isword("else")) {
				consume();
				struct node *e = parse_list(1);
				if (e == NULL) {
					freenode(n);
					return NULL;
				}
				last->kids = xrealloc(last->kids, 3 * sizeof *last->kids);
				last->kids[2] = e;
				last->nkids = 3;
				break;
			} else {
				break;
			}
		}
		if (!expect("fi")) {
			freenode(n);
			return NULL;
		}
	} else if (isword("while") || isword("until")) {
		int type = isword("while") ? N_WHILE : N_UNTIL;
		consume();
		struct node *cond = parse_list(1), *body = NULL;
		if (cond == NULL || !expect("do") || (body = parse_list(1)) == NULL || !expect("done")) {
			freenode(cond);
			freenode(body);
			return NULL;
		}
		n = binary(type, cond, body);
	} else if (isword("for")) {
		consume();
		if (peek()->type != T_WORD || !isname(tok.text, strlen(tok.text))) {
			if (tok.type != T_BAD)
				unexpected(&tok);
			return NULL;
		}
		n = newnode(N_FOR);
		n->words = xalloc(sizeof *n->words);
		n->words[0] = tok.text;
		n->nwords = 1;
		tok.text = NULL;
		consume();
		int in = 0;
		skipnl();
		if (isword("in")) {
			consume();
			in = 1;
			while (peek()->type == T_WORD) {
				n->words = xrealloc(n->words, (size_t)(n->nwords + 1) * sizeof *n->words);
				n->words[n->nwords++] = tok.text;
				tok.text = NULL;
				consume();
			}
		}
		if (peek()->type == T_SEMI || peek()->type == T_NL)
			consume();
		else if (in) {
			if (tok.type != T_BAD)
				unexpected(&tok);
			freenode(n);
			return NULL;
		}
		skipnl();
		if (!in) { /* for NAME do ...: the positional parameters */
			n->words = xrealloc(n->words, 2 * sizeof *n->words);
			n->words[n->nwords++] = xstrdup("\"$@\"");
		}
		struct node *body = NULL;
		if (!expect("do") || (body = parse_list(1)) == NULL || !expect("done")) {
			freenode(n);
			return NULL;
		}
		n->kids = xalloc(sizeof *n->kids);
		n->kids[0] = body;
		n->nkids = 1;
	} else if (isword("case")) {
		consume();
		if (peek()->type != T_WORD) {
			if (tok.type != T_BAD)
				unexpected(&tok);
			return NULL;
		}
		n = newnode(N_CASE);
		n->words = xalloc(sizeof *n->words);
		n->words[0] = tok.text;
		n->nwords = 1;
		tok.text = NULL;
		consume();
		skipnl();
		if (!expect("in")) {
			freenode(n);
			return NULL;
		}
		skipnl();
		while (!isword("esac")) {
			struct node *item = newnode(N_CASEITEM);
			n->kids = xrealloc(n->kids, (size_t)(n->nkids + 1) * sizeof *n->kids);
			n->kids[n->nkids++] = item;
			if (peek()->type == T_LPAREN)
				consume();
			for (;;) {
				if (peek()->type != T_WORD) {
					if (tok.type != T_BAD)
						unexpected(&tok);
					freenode(n);
					return NULL;
				}
				item->words = xrealloc(item->words, (size_t)(item->nwords + 1) * sizeof *item->words);
				item->words[item->nwords++] = tok.text;
				tok.text = NULL;
				consume();
				if (peek()->type != T_PIPE)
					break;
				consume();
			}
			if (peek()->type != T_RPAREN) {
				if (tok.type != T_BAD)
					unexpected(&tok);
				freenode(n);
				return NULL;
			}
			consume();
			skipnl();
			if (peek()->type != T_DSEMI && !isword("esac")) {
				struct node *body = parse_list(1);
				if (body == NULL) {
					freenode(n);
					return NULL;
				}
				item->kids = xalloc(sizeof *item->kids);
				item->kids[0] = body;
				item->nkids = 1;
			}
			if (peek()->type == T_DSEMI) {
				consume();
				skipnl();
			} else if (!isword("esac")) {
				expect(";;");
				freenode(n);
				return NULL;
			}
		}
		consume();
	} else { /* { list; } */
		consume();
		struct node *in = parse_list(1);
		if (in == NULL || !expect("}")) {
			freenode(in);
			return NULL;
		}
		n = unary(N_GROUP, in);
	}
	if (!redirections(n)) {
		freenode(n);
		return NULL;
	}
	return n;
}

static struct node *parse_command(void)
{
	struct token *t = peek();
	if (isword("if") || isword("while") || isword("until") || isword("for") || isword("{") || isword("case")) {
		int line = lineno;
		struct node *n = compound();
		if (n != NULL)
			n->line = line;
		return n;
	}
	if (isterm() || isword("in")) {
		unexpected(t);
		return NULL;
	}
	if (t->type == T_LPAREN) {
		consume();
		struct node *in = parse_list(1);
		if (in == NULL)
			return NULL;
		if (peek()->type != T_RPAREN) {
			unexpected(peek());
			freenode(in);
			return NULL;
		}
		consume();
		struct node *n = newnode(N_SUB);
		n->kids = xalloc(sizeof *n->kids);
		n->kids[0] = in;
		n->nkids = 1;
		return n;
	}
	struct node *n = newnode(N_CMD);
	struct redir **tail = &n->redirs;
	for (;;) {
		t = peek();
		if (t->type == T_LPAREN && n->nwords == 1 && n->redirs == NULL && isname(n->words[0], strlen(n->words[0]))) {
			/* name() compound-command: a function */
			consume();
			if (peek()->type != T_RPAREN) {
				if (tok.type != T_BAD)
					unexpected(&tok);
				freenode(n);
				return NULL;
			}
			consume();
			skipnl();
			struct node *body = parse_command();
			if (body == NULL) {
				freenode(n);
				return NULL;
			}
			n->type = N_FUNCDEF;
			n->kids = xalloc(sizeof *n->kids);
			n->kids[0] = body;
			n->nkids = 1;
			return n;
		}
		if (t->type == T_WORD) {
			n->words = xrealloc(n->words, (size_t)(n->nwords + 1) * sizeof *n->words);
			n->words[n->nwords++] = t->text;
			t->text = NULL;
			consume();
		} else if (t->type == T_REDIR) {
			struct redir *r = xalloc(sizeof *r);
			r->type = t->rtype;
			r->fd = t->fd;
			r->next = NULL;
			consume();
			t = peek();
			if (t->type != T_WORD) {
				free(r);
				if (t->type != T_BAD)
					unexpected(t);
				freenode(n);
				return NULL;
			}
			r->word = t->text;
			r->body = NULL;
			r->quoted = 0;
			t->text = NULL;
			consume();
			if ((r->type == R_HEREDOC || r->type == R_HEREDOC_TABS) && nheredocs < 16)
				heredocs[nheredocs++] = r;
			*tail = r;
			tail = &r->next;
		} else {
			break;
		}
	}
	if (n->nwords == 0 && n->redirs == NULL) {
		if (t->type != T_BAD)
			unexpected(t);
		freenode(n);
		return NULL;
	}
	return n;
}

static struct node *parse_pipeline(void)
{
	int negate = 0;
	if (peek()->type == T_WORD && strcmp(tok.text, "!") == 0) {
		consume();
		negate = 1;
	}
	struct node *first = parse_command();
	if (first == NULL)
		return NULL;
	struct node *n = first;
	if (peek()->type == T_PIPE) {
		n = newnode(N_PIPE);
		n->line = first->line;
		n->kids = xalloc(sizeof *n->kids);
		n->kids[0] = first;
		n->nkids = 1;
		while (peek()->type == T_PIPE) {
			consume();
			skipnl();
			struct node *next = parse_command();
			if (next == NULL) {
				freenode(n);
				return NULL;
			}
			n->kids = xrealloc(n->kids, (size_t)(n->nkids + 1) * sizeof *n->kids);
			n->kids[n->nkids++] = next;
		}
	}
	if (negate) {
		struct node *x = newnode(N_NOT);
		x->kids = xalloc(sizeof *x->kids);
		x->kids[0] = n;
		x->nkids = 1;
		n = x;
	}
	return n;
}

static struct node *parse_andor(void)
{
	struct node *n = parse_pipeline();
	while (n != NULL && (peek()->type == T_ANDAND || peek()->type == T_OR)) {
		int type = tok.type == T_ANDAND ? N_AND : N_OR;
		consume();
		skipnl();
		struct node *b = parse_pipeline();
		if (b == NULL) {
			freenode(n);
			return NULL;
		}
		n = binary(type, n, b);
	}
	return n;
}

/*
 * parse_list reads and-or lists separated by ; or &. At the top level it
 * ends at a newline (one command line); inside ( ) newlines separate too
 * and it ends at the ).
 */
static struct node *parse_list(int inparen)
{
	struct node *list = NULL;
	for (;;) {
		if (inparen)
			skipnl();
		struct token *t = peek();
		if (list != NULL && (t->type == T_EOF || t->type == T_NL || (inparen && (t->type == T_RPAREN || isterm()))))
			break;
		struct node *n = parse_andor();
		if (n == NULL) {
			freenode(list);
			return NULL;
		}
		t = peek();
		if (t->type == T_AND) {
			consume();
			struct node *bg = newnode(N_BG);
			bg->line = n->line;
			bg->kids = xalloc(sizeof *bg->kids);
			bg->kids[0] = n;
			bg->nkids = 1;
			n = bg;
		} else if (t->type == T_SEMI) {
			consume();
		} else if (t->type == T_NL || t->type == T_EOF || (inparen && (t->type == T_RPAREN || t->type == T_DSEMI))) {
			/* the list ends (or, in parentheses, continues on the next line) */
		} else {
			if (t->type != T_BAD)
				unexpected(t);
			freenode(n);
			freenode(list);
			return NULL;
		}
		list = list == NULL ? n : binary(N_SEQ, list, n);
		t = peek();
		if (!inparen && (t->type == T_NL || t->type == T_EOF))
			break;
	}
	return list;
}

/* ---- variables -------------------------------------------------------- */

struct var {
	char *name, *value;
	struct var *next;
};
static struct var *vars; /* the shell's own, not exported */

static int isname(const char *s, size_t n)
{
	if (n == 0 || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

static struct var *findvar(const char *name)
{
	for (struct var *v = vars; v; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

static const char *lookup(const char *name)
{
	struct var *v = findvar(name);
	if (v != NULL)
		return v->value;
	return getenv(name);
}

/* setvar sets a variable; an exported one (in the environment) stays so. */
static void setvar(const char *name, const char *value)
{
	if (getenv(name) != NULL) {
		setenv(name, value, 1);
		return;
	}
	struct var *v = findvar(name);
	if (v == NULL) {
		v = xalloc(sizeof *v);
		v->name = xstrdup(name);
		v->value = NULL;
		v->next = vars;
		vars = v;
	}
	free(v->value);
	v->value = xstrdup(value);
}

static void unsetvar(const char *name)
{
	for (struct var **p = &vars; *p; p = &(*p)->next) {
		if (strcmp((*p)->name, name) == 0) {
			struct var *v = *p;
			*p = v->next;
			free(v->name);
			free(v->value);
			free(v);
			break;
		}
	}
	unsetenv(name);
}

static void exportvar(const char *name, const char *value)
{
	struct var *v = findvar(name);
	if (value == NULL && v != NULL)
		value = v->value;
	if (v != NULL)
		unsetvar(name);
	setenv(name, value ? value : "", 1);
}

/* ---- expansion ------------------------------------------------------- */

/* A field being built: its bytes, and which of them were quoted. */
struct field {
	struct str b;
	char *quoted;
	size_t qcap;
	int any;     /* something (even "") made this field exist */
	int glob;    /* an unquoted * ? [ is in it */
};

struct fields {
	char **v;
	int n;
};

static void fadd(struct field *f, int c, int quoted)
{
	sadd(&f->b, c);
	if (f->b.n > f->qcap) {
		f->qcap = f->b.cap;
		f->quoted = xrealloc(f->quoted, f->qcap);
	}
	f->quoted[f->b.n - 1] = (char)quoted;
	f->any = 1;
	if (!quoted && (c == '*' || c == '?' || c == '['))
		f->glob = 1;
}

static void push(struct fields *fs, char *s)
{
	fs->v = xrealloc(fs->v, (size_t)(fs->n + 2) * sizeof *fs->v);
	fs->v[fs->n++] = s;
	fs->v[fs->n] = NULL;
}

/* match reports whether name matches the pattern p (quoted bytes literal). */
static int match(const char *p, const char *q, const char *name)
{
	for (; *p; p++, q++, name++) {
		if (*q) {
			if (*p != *name)
				return 0;
			continue;
		}
		if (*p == '*') {
			for (const char *s = name;; s++) {
				if (match(p + 1, q + 1, s))
					return 1;
				if (*s == '\0')
					return 0;
			}
		}
		if (*name == '\0')
			return 0;
		if (*p == '?')
			continue;
		if (*p == '[') {
			const char *e = p + 1;
			int neg = 0, ok = 0;
			if (*e == '!' || *e == '^')
				neg = 1, e++;
			const char *start = e;
			while (*e && (*e != ']' || e == start))
				e++;
			if (*e != ']') {
				if (*name != '[')
					return 0;
				continue;
			}
			for (const char *c = start; c < e; c++) {
				if (c + 2 < e && c[1] == '-') {
					if ((unsigned char)*name >= (unsigned char)c[0] &&
					    (unsigned char)*name <= (unsigned char)c[2])
						ok = 1;
					c += 2;
				} else if (*c == *name) {
					ok = 1;
				}
			}
			if (ok == neg)
				return 0;
			q += e - p;
			p = e;
			continue;
		}
		if (*p != *name)
			return 0;
	}
	return *name == '\0';
}

static int bystr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* endfield ends a field: its pathname expansion, or itself. */
static void endfield(struct fields *fs, struct field *f)
{
	if (!f->any) {
		return;
	}
	char *s = f->b.s ? f->b.s : xstrdup("");
	if (f->glob && strchr(s, '/') == NULL) {
		DIR *d = opendir(".");
		struct fields m = {0};
		struct dirent *e;
		while (d != NULL && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' && !(s[0] == '.' && !f->quoted[0]))
				continue;
			if (match(s, f->quoted, e->d_name))
				push(&m, xstrdup(e->d_name));
		}
		if (d != NULL)
			closedir(d);
		if (m.n > 0) {
			qsort(m.v, (size_t)m.n, sizeof *m.v, bystr);
			for (int i = 0; i < m.n; i++)
				push(fs, m.v[i]);
			free(m.v);
			free(s);
			goto done;
		}
	}
	push(fs, s);
done:
	free(f->quoted);
	memset(f, 0, sizeof *f);
}

/* param reads a parameter's name after $ at *pp; returns its value. */
static const char *param(const char **pp, char *num, int *ok)
{
	const char *p = *pp;
	*ok = 1;
	if (*p == '?') {
		*pp = p + 1;
		snprintf(num, 24, "%d", status);
		return num;
	}
	if (*p == '$') {
		*pp = p + 1;
		snprintf(num, 24, "%d", (int)getpid());
		return num;
	}
	if (*p == '!') {
		*pp = p + 1;
		if (lastbg == 0)
			return "";
		snprintf(num, 24, "%d", (int)lastbg);
		return num;
	}
	if (*p == '#') {
		*pp = p + 1;
		snprintf(num, 24, "%d", npos);
		return num;
	}
	if (*p >= '0' && *p <= '9') {
		int i = *p - '0';
		*pp = p + 1;
		if (i == 0)
			return arg0;
		return i <= npos ? pos[i - 1] : NULL;
	}
	size_t n = 0;
	while (isname(p, n + 1))
		n++;
	if (n == 0) {
		*ok = 0;
		return NULL;
	}
	char name[256];
	if (n >= sizeof name)
		n = sizeof name - 1;
	memcpy(name, p, n);
	name[n] = '\0';
	*pp = p + n;
	return lookup(name);
}

static void addvalue(struct fields *fs, struct field *f, const char *v, int quoted)
{
	if (v == NULL)
		return;
	if (quoted) {
		f->any = 1;
		for (; *v; v++)
			fadd(f, (unsigned char)*v, 1);
		return;
	}
	/* unquoted: split on blanks and newlines */
	for (; *v; v++) {
		if (*v == ' ' || *v == '\t' || *v == '\n')
			endfield(fs, f);
		else
			fadd(f, (unsigned char)*v, 0);
	}
}

static int loop(void);
static int waitfor(pid_t pid, int report);
static pid_t dofork(void);
static int substituted; /* a command substitution ran in this command's words */

/* Arithmetic expansion, $((expr)): C's integer operators on long
 * values, names read as variables (0 when unset or empty). */
static const char *ax;  /* where the expression is read */
static const char *axall;
static int axbad;

static void axblank(void)
{
	while (*ax == ' ' || *ax == '\t' || *ax == '\n')
		ax++;
}

static void axerror(const char *why)
{
	if (!axbad)
		say("arithmetic expression: %s: \"%s\"", why, axall);
	axbad = 1;
}

static long long axexpr(int prec);

static long long axprimary(void)
{
	axblank();
	char c = *ax;
	if (c == '(') {
		ax++;
		long long v = axexpr(0);
		axblank();
		if (*ax != ')')
			axerror("expecting ')'");
		else
			ax++;
		return v;
	}
	if (c == '-' || c == '+' || c == '!' || c == '~') {
		ax++;
		long long v = axprimary();
		return c == '-' ? -v : c == '!' ? !v : c == '~' ? ~v : v;
	}
	if (c >= '0' && c <= '9') {
		char *end;
		long long v = strtoll(ax, &end, 0);
		ax = end;
		return v;
	}
	if (c == '$')
		ax++;
	char num[24];
	const char *v = NULL;
	if (*ax == '{') {
		const char *e = strchr(ax, '}');
		if (e == NULL) {
			axerror("expecting '}'");
			return 0;
		}
		char nm[256];
		size_t n = (size_t)(e - ax - 1) < sizeof nm - 1 ? (size_t)(e - ax - 1) : sizeof nm - 1;
		memcpy(nm, ax + 1, n);
		nm[n] = '\0';
		const char *q = nm;
		int ok;
		v = param(&q, num, &ok);
		ax = e + 1;
	} else {
		int ok;
		v = param(&ax, num, &ok);
		if (!ok) {
			axerror("expecting primary");
			return 0;
		}
	}
	if (v == NULL || *v == '\0')
		return 0;
	char *end;
	long long r = strtoll(v, &end, 0);
	if (*end != '\0' && !axbad) {
		say("Illegal number: %s", v);
		axbad = 1;
	}
	return r;
}

/* The binary operators, lowest precedence first. */
static const struct {
	const char *op;
	int prec;
} axops[] = {
	{"||", 1}, {"&&", 2}, {"|", 3}, {"^", 4}, {"&", 5}, {"==", 6}, {"!=", 6},
	{"<=", 7}, {">=", 7}, {"<<", 8}, {">>", 8}, {"<", 7}, {">", 7},
	{"+", 9}, {"-", 9}, {"*", 10}, {"/", 10}, {"%", 10},
};

static long long axexpr(int prec)
{
	long long l = axprimary();
	for (;;) {
		axblank();
		int k = -1;
		for (size_t i = 0; i < sizeof axops / sizeof axops[0]; i++) {
			size_t n = strlen(axops[i].op);
			if (strncmp(ax, axops[i].op, n) == 0 && !(n == 1 && (ax[1] == '|' || ax[1] == '&') && ax[0] == ax[1])) {
				k = (int)i;
				break;
			}
		}
		if (k < 0 || axops[k].prec <= prec)
			return l;
		ax += strlen(axops[k].op);
		long long r = axexpr(axops[k].prec);
		const char *op = axops[k].op;
		if ((op[0] == '/' || op[0] == '%') && r == 0) {
			axerror("division by zero");
			return 0;
		}
		switch (op[0]) {
		case '|': l = op[1] ? (l || r) : (l | r); break;
		case '&': l = op[1] ? (l && r) : (l & r); break;
		case '^': l ^= r; break;
		case '=': l = l == r; break;
		case '!': l = l != r; break;
		case '<': l = op[1] == '=' ? l <= r : op[1] == '<' ? l << (r & 63) : l < r; break;
		case '>': l = op[1] == '=' ? l >= r : op[1] == '>' ? l >> (r & 63) : l > r; break;
		case '+': l += r; break;
		case '-': l -= r; break;
		case '*': l *= r; break;
		case '/': l = (l == (-9223372036854775807LL - 1) && r == -1) ? l : l / r; break;
		case '%': l = r == -1 ? 0 : l % r; break;
		}
	}
}

static char *arith1(const char *expr);
static char *expand1(const char *w);

/* arith evaluates expr; an error ends a shell that is not interactive
 * with status 2, as dash. */
static char *arith(const char *raw)
{
	/* its $(…), `…` and parameters first, as between double quotes */
	struct str w = {0};
	sadd(&w, '"');
	for (const char *s = raw; *s; s++) {
		if (*s == '"')
			sadd(&w, '\\');
		sadd(&w, (unsigned char)*s);
	}
	sadd(&w, '"');
	char *expr = expand1(w.s);
	free(w.s);
	char *r = arith1(expr);
	free(expr);
	return r;
}

/* arith1 evaluates an expression whose expansions are done. */
static char *arith1(const char *expr)
{
	ax = axall = expr;
	axbad = 0;
	long long v = axexpr(0);
	axblank();
	if (*ax != '\0' && !axbad)
		axerror("expecting EOF");
	if (axbad) {
		if (!interactive)
			exit(2);
		status = 2;
		return xstrdup("");
	}
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	return xstrdup(buf);
}

/* substitute runs cmd in a child shell and returns what it printed, its
 * trailing newlines gone; $? becomes its status. */
static char *substitute(const char *cmd)
{
	struct str out = {0};
	int fd[2];
	if (pipe(fd) < 0) {
		say("Pipe call failed");
		return xstrdup("");
	}
	pid_t pid = dofork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return xstrdup("");
	}
	if (pid == 0) {
		close(fd[0]);
		if (fd[1] != 1) {
			dup2(fd[1], 1);
			close(fd[1]);
		}
		src = cmd;
		srcpos = 0;
		peeked = -2;
		havetok = 0;
		memset(&tok, 0, sizeof tok);
		interactive = 0;
		exit(loop());
	}
	close(fd[1]);
	char buf[512];
	ssize_t n;
	while ((n = read(fd[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
		for (ssize_t i = 0; i < n; i++)
			sadd(&out, (unsigned char)buf[i]);
	close(fd[0]);
	status = waitfor(pid, 1);
	substituted = 1;
	while (out.n > 0 && out.s[out.n - 1] == '\n')
		out.s[--out.n] = '\0';
	return out.s ? out.s : xstrdup("");
}

/*
 * expand turns a word as written into fields: parameters substituted,
 * unquoted results split, quotes removed, patterns matched. With split 0
 * (a redirection's target, an assignment) the word stays one field.
 */
static void expand(const char *w, struct fields *fs, int split)
{
	struct field f = {0};
	int dq = 0;
	char num[24];
	const char *p = w;

	if (*p == '~' && (p[1] == '/' || p[1] == '\0')) {
		const char *h = lookup("HOME");
		if (h != NULL) {
			for (; *h; h++)
				fadd(&f, (unsigned char)*h, 1);
			p++;
		}
	}
	while (*p) {
		int c = (unsigned char)*p++;
		if (c == '\\') {
			if (*p == '\0') {
				fadd(&f, '\\', 1);
				continue;
			}
			c = (unsigned char)*p++;
			if (dq && !(c == '$' || c == '`' || c == '"' || c == '\\'))
				fadd(&f, '\\', 1);
			fadd(&f, c, 1);
		} else if (c == '\'' && !dq) {
			f.any = 1;
			while (*p && *p != '\'')
				fadd(&f, (unsigned char)*p++, 1);
			if (*p)
				p++;
		} else if (c == '"') {
			dq = !dq;
			f.any = 1;
		} else if (c == '$' && *p == '(') {
			/* $(command): its output, trailing newlines gone */
			const char *start = p + 1;
			int depth = 1;
			for (p++; *p && depth > 0; p++) {
				if (*p == '(')
					depth++;
				else if (*p == ')')
					depth--;
			}
			size_t n = (size_t)(p - start) - (depth == 0);
			char *inner = xalloc(n + 1);
			memcpy(inner, start, n);
			inner[n] = '\0';
			char *out = n >= 2 && inner[0] == '(' && inner[n - 1] == ')'
					? (inner[n - 1] = '\0', arith(inner + 1))
					: substitute(inner);
			free(inner);
			addvalue(fs, &f, out, dq || !split);
			if (dq)
				f.any = 1;
			free(out);
		} else if (c == '`') {
			struct str inner = {0};
			while (*p && *p != '`') {
				if (*p == '\\' && (p[1] == '`' || p[1] == '\\' || p[1] == '$'))
					p++;
				sadd(&inner, (unsigned char)*p++);
			}
			if (*p)
				p++;
			char *out = substitute(inner.s ? inner.s : "");
			free(inner.s);
			addvalue(fs, &f, out, dq || !split);
			if (dq)
				f.any = 1;
			free(out);
		} else if (c == '$' && (*p == '@' || *p == '*')) {
			/* the positional parameters: "$@" one field each */
			int each = *p == '@' && dq;
			p++;
			for (int i = 0; i < npos; i++) {
				if (i > 0) {
					if (each)
						endfield(fs, &f);
					else
						addvalue(fs, &f, " ", dq || !split);
				}
				addvalue(fs, &f, pos[i], dq || !split);
				if (each)
					f.any = 1;
			}
		} else if (c == '$') {
			const char *v;
			int ok;
			if (*p == '{') {
				const char *e = strchr(p, '}');
				if (e == NULL) {
					fadd(&f, '$', dq);
					continue;
				}
				char inner[256];
				size_t n = (size_t)(e - p - 1);
				if (n >= sizeof inner)
					n = sizeof inner - 1;
				memcpy(inner, p + 1, n);
				inner[n] = '\0';
				p = e + 1;
				char *op = strpbrk(inner, ":-=+?");
				const char *alt = NULL;
				int colon = 0;
				char kind = 0;
				if (op != NULL && op != inner) {
					if (*op == ':')
						colon = 1, *op++ = '\0';
					else
						kind = *op;
					kind = *op;
					*op = '\0';
					alt = op + 1;
				}
				const char *q = inner;
				v = param(&q, num, &ok);
				if (alt != NULL) {
					int unset = v == NULL || (colon && *v == '\0');
					if ((kind == '-' || kind == '=') && unset) {
						if (kind == '=' && isname(inner, strlen(inner)))
							setvar(inner, alt);
						v = alt;
					} else if (kind == '+') {
						v = unset ? NULL : alt;
					}
				}
			} else {
				v = param(&p, num, &ok);
				if (!ok) {
					fadd(&f, '$', dq);
					continue;
				}
			}
			addvalue(fs, &f, v, dq || !split);
			if (dq)
				f.any = 1;
		} else {
			fadd(&f, c, dq);
		}
	}
	if (!split)
		f.glob = 0, f.any = 1;
	endfield(fs, &f);
}

static char *expand1(const char *w)
{
	struct fields fs = {0};
	expand(w, &fs, 0);
	char *s = fs.n > 0 ? fs.v[0] : xstrdup("");
	free(fs.v);
	return s;
}

static void freefields(struct fields *fs)
{
	for (int i = 0; i < fs->n; i++)
		free(fs->v[i]);
	free(fs->v);
	fs->v = NULL;
	fs->n = 0;
}

/* ---- running ----------------------------------------------------------- */

#define EV_EXIT 1 /* the shell ends after this: exec without fork */

static int run(struct node *n, int flags);
struct func;
static struct func *findfunc(const char *name);
static int callfunc(struct func *f, char **argv);

/* waitfor waits for pid and turns its wait status into an exit status. */
static int waitfor(pid_t pid, int report)
{
	int st;
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR)
			return 127;
	}
	if (WIFSIGNALED(st)) {
		int sig = WTERMSIG(st);
		if (report && sig != SIGINT && sig != SIGPIPE) {
			char buf[128];
			snprintf(buf, sizeof buf, "%s%s\n", strsignal(sig), WCOREDUMP(st) ? " (core dumped)" : "");
			put(2, buf, strlen(buf));
		}
		return 128 + sig;
	}
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return WEXITSTATUS(st);
}

static pid_t dofork(void)
{
	pid_t pid = fork();
	if (pid < 0)
		say("Cannot fork");
	return pid;
}

/* A descriptor the shell keeps while a built-in's redirection lasts. */
struct saved {
	int fd, copy;
};

/* heredoc returns the read end of a pipe that gives r's text (its
 * parameters and commands expanded unless its delimiter was quoted); a
 * text larger than the pipe is written by a child. */
static int heredoc(struct redir *r)
{
	char *text = r->body ? r->body : "";
	char *mine = NULL;
	if (!r->quoted) {
		/* expanded as between double quotes, where a " stays a " */
		struct str w = {0};
		sadd(&w, '"');
		for (const char *s = text; *s; s++) {
			if (*s == '"')
				sadd(&w, '\\');
			sadd(&w, (unsigned char)*s);
		}
		sadd(&w, '"');
		mine = text = expand1(w.s);
		free(w.s);
	}
	int fd[2];
	if (pipe(fd) < 0) {
		free(mine);
		say("Pipe call failed");
		return -1;
	}
	size_t n = strlen(text);
	if (n <= 4096) {
		put(fd[1], text, n);
	} else {
		pid_t pid = dofork();
		if (pid == 0) {
			close(fd[0]);
			put(fd[1], text, n);
			_exit(0);
		}
	}
	close(fd[1]);
	free(mine);
	return fd[0];
}

/* redirect applies n's redirections; save (if not NULL) keeps what they
 * replaced. Returns 0, or -1 after an error message. */
static int redirect(struct redir *r, struct saved *save, int *nsave)
{
	for (; r != NULL; r = r->next) {
		int here = r->type == R_HEREDOC || r->type == R_HEREDOC_TABS;
		char *target = here ? NULL : expand1(r->word);
		int fd = -1;
		if (here) {
			fd = heredoc(r);
			if (fd < 0)
				return -1;
		} else if (r->type == R_DUPOUT || r->type == R_DUPIN) {
			if (strcmp(target, "-") == 0) {
				fd = -2;
			} else if (strspn(target, "0123456789") == strlen(target) && *target) {
				fd = atoi(target);
				if (fcntl(fd, F_GETFD) < 0) {
					say("%s: Bad file descriptor", target);
					free(target);
					return -1;
				}
			} else {
				say("Syntax error: Bad fd number");
				free(target);
				return -1;
			}
		} else {
			int oflags = r->type == R_IN ? O_RDONLY
				     : r->type == R_APPEND ? O_WRONLY | O_CREAT | O_APPEND
							   : O_WRONLY | O_CREAT | O_TRUNC;
			fd = open(target, oflags, 0666);
			if (fd < 0) {
				const char *why = strerror(errno);
				if (errno == ENOENT)
					why = r->type == R_IN ? "No such file" : "Directory nonexistent";
				say("cannot %s %s: %s", r->type == R_IN ? "open" : "create", target, why);
				free(target);
				return -1;
			}
		}
		free(target);
		if (save != NULL && *nsave < 16) {
			int copy = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
			save[*nsave].fd = r->fd;
			save[*nsave].copy = copy;
			(*nsave)++;
		}
		if (fd == -2) {
			close(r->fd);
		} else if (fd != r->fd) {
			dup2(fd, r->fd);
			if (r->type != R_DUPOUT && r->type != R_DUPIN)
				close(fd);
		}
	}
	return 0;
}

static void restore(struct saved *save, int nsave)
{
	while (nsave-- > 0) {
		if (save[nsave].copy >= 0) {
			dup2(save[nsave].copy, save[nsave].fd);
			close(save[nsave].copy);
		} else {
			close(save[nsave].fd);
		}
	}
}

/* echo as dash's built-in: -n first, backslash escapes always. */
static int b_echo(char **argv)
{
	struct str b = {0};
	int nl = 1, i = 1;
	if (argv[1] != NULL && strcmp(argv[1], "-n") == 0)
		nl = 0, i = 2;
	for (; argv[i] != NULL; i++) {
		const char *s = argv[i];
		if (i > (nl ? 1 : 2))
			sadd(&b, ' ');
		while (*s) {
			int c = (unsigned char)*s++;
			if (c != '\\' || *s == '\0') {
				sadd(&b, c);
				continue;
			}
			c = (unsigned char)*s++;
			switch (c) {
			case 'a': sadd(&b, '\a'); break;
			case 'b': sadd(&b, '\b'); break;
			case 'c': nl = 0; goto out;
			case 'e': sadd(&b, 033); break;
			case 'f': sadd(&b, '\f'); break;
			case 'n': sadd(&b, '\n'); break;
			case 'r': sadd(&b, '\r'); break;
			case 't': sadd(&b, '\t'); break;
			case 'v': sadd(&b, '\v'); break;
			case '\\': sadd(&b, '\\'); break;
			case '0': {
				int v = 0;
				for (int k = 0; k < 3 && *s >= '0' && *s <= '7'; k++)
					v = v * 8 + (*s++ - '0');
				sadd(&b, v);
				break;
			}
			default:
				sadd(&b, '\\');
				sadd(&b, c);
			}
		}
	}
out:
	if (nl)
		sadd(&b, '\n');
	if (b.n > 0)
		put(1, b.s, b.n);
	free(b.s);
	return 0;
}

/* escape reads one backslash escape of printf's format (after the
 * backslash, at *sp) into b; 0 after \c (in %b: stop). */
static int escape(struct str *b, const char **sp, int inb)
{
	const char *s = *sp;
	int c = (unsigned char)*s++;
	switch (c) {
	case 'a': sadd(b, '\a'); break;
	case 'b': sadd(b, '\b'); break;
	case 'c':
		if (inb) {
			*sp = s;
			return 0;
		}
		sadd(b, '\\');
		sadd(b, 'c');
		break;
	case 'e': sadd(b, 033); break;
	case 'f': sadd(b, '\f'); break;
	case 'n': sadd(b, '\n'); break;
	case 'r': sadd(b, '\r'); break;
	case 't': sadd(b, '\t'); break;
	case 'v': sadd(b, '\v'); break;
	case '\\': sadd(b, '\\'); break;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
		int v = c - '0', max = inb && c == '0' ? 3 : 2;
		if (inb && c != '0') {
			sadd(b, '\\');
			sadd(b, c);
			break;
		}
		if (inb)
			v = 0;
		for (int k = 0; k < max && *s >= '0' && *s <= '7'; k++)
			v = v * 8 + (*s++ - '0');
		sadd(b, v);
		break;
	}
	case '\0':
		sadd(b, '\\');
		s--;
		break;
	default:
		sadd(b, '\\');
		sadd(b, c);
	}
	*sp = s;
	return 1;
}

/* number reads printf's numeric argument as dash does: a C integer, or
 * 'c for a character's code; a bad one is an error (status 1). */
static long long number(const char *a, int *bad)
{
	if (a == NULL)
		return 0;
	if (*a == '\'' || *a == '"')
		return (unsigned char)a[1];
	char *end;
	errno = 0;
	long long v = strtoll(a, &end, 0);
	if (end == a || *end != '\0' || errno != 0) {
		say("printf: %s: %s", a, end == a ? "expected numeric value" : "not completely converted");
		*bad = 1;
	}
	return v;
}

/* printf as dash's built-in: the format is used again while arguments
 * are left; %s %b %c %d %i %u %o %x %X %e %f %g %% with flags, width
 * and precision (also *). */
static int b_printf(char **argv)
{
	struct str b = {0};
	int bad = 0;
	if (argv[1] == NULL) {
		say("printf: usage: printf format [arg ...]");
		return 2;
	}
	const char *fmt = argv[1];
	char **arg = argv + 2;
	do {
		int used = 0;
		for (const char *s = fmt; *s;) {
			if (*s == '\\') {
				s++;
				if (!escape(&b, &s, 0))
					goto out;
				continue;
			}
			if (*s != '%') {
				sadd(&b, (unsigned char)*s++);
				continue;
			}
			if (s[1] == '%') {
				sadd(&b, '%');
				s += 2;
				continue;
			}
			char spec[64];
			size_t n = 0;
			spec[n++] = *s++;
			while (*s && strchr("-+ #0", *s) && n < 40)
				spec[n++] = *s++;
			for (int part = 0; part < 2; part++) {
				if (part == 1) {
					if (*s != '.')
						break;
					spec[n++] = *s++;
				}
				if (*s == '*') {
					s++;
					n += (size_t)snprintf(spec + n, sizeof spec - n, "%d", (int)number(*arg, &bad));
					if (*arg) {
						arg++;
						used = 1;
					}
				} else {
					while (*s >= '0' && *s <= '9' && n < 56)
						spec[n++] = *s++;
				}
			}
			int conv = (unsigned char)*s;
			if (conv == '\0' || !strchr("sbcdiuoxXeEfFgG", conv)) {
				say("printf: %%%c: invalid directive", conv ? conv : ' ');
				free(b.s);
				return 1;
			}
			s++;
			const char *a = *arg;
			if (a) {
				arg++;
				used = 1;
			}
			char out[4096];
			switch (conv) {
			case 's':
			case 'b': {
				const char *v = a ? a : "";
				struct str e = {0};
				int go = 1;
				if (conv == 'b') {
					for (const char *t = v; *t && go;) {
						if (*t == '\\') {
							t++;
							go = escape(&e, &t, 1);
						} else {
							sadd(&e, (unsigned char)*t++);
						}
					}
					v = e.s ? e.s : "";
				}
				spec[n++] = 's';
				spec[n] = '\0';
				int k = snprintf(out, sizeof out, spec, v);
				for (int i = 0; i < k && i < (int)sizeof out - 1; i++)
					sadd(&b, (unsigned char)out[i]);
				free(e.s);
				if (!go)
					goto out;
				continue;
			}
			case 'c':
				spec[n++] = 'c';
				spec[n] = '\0';
				for (int i = 0, k = snprintf(out, sizeof out, spec, a ? *a : '\0'); i < k && i < (int)sizeof out - 1; i++)
					sadd(&b, (unsigned char)out[i]); /* a NUL too, for an empty argument, as dash */
				continue;
			case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
				double d = 0;
				if (a != NULL) {
					char *end;
					errno = 0;
					d = strtod(a, &end);
					if (end == a || *end != '\0') {
						say("printf: %s: %s", a, end == a ? "expected numeric value" : "not completely converted");
						bad = 1;
					}
				}
				spec[n++] = (char)conv;
				spec[n] = '\0';
				snprintf(out, sizeof out, spec, d);
				sadds(&b, out);
				continue;
			}
			default:
				spec[n++] = 'l';
				spec[n++] = 'l';
				spec[n++] = (char)conv;
				spec[n] = '\0';
				snprintf(out, sizeof out, spec, number(a, &bad));
				sadds(&b, out);
			}
		}
		if (!used)
			break;
	} while (*arg != NULL);
out:
	if (b.n > 0)
		put(1, b.s, b.n);
	free(b.s);
	return bad;
}

/* read as dash's built-in: a line of standard input, a byte at a time
 * (what follows stays for the next reader), split on blanks into the
 * names, the last taking the rest; backslash escapes unless -r. Status 1
 * at the end of input. */
static int b_read(char **argv)
{
	int raw = 0, i = 1, eol = 0;
	if (argv[i] != NULL && strcmp(argv[i], "-r") == 0)
		raw = 1, i++;
	if (argv[i] == NULL) {
		say("read: arg count");
		return 2;
	}
	struct str line = {0};
	for (;;) {
		char c;
		ssize_t n = read(0, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (c == '\n') {
			eol = 1;
			break;
		}
		if (c == '\\' && !raw) {
			n = read(0, &c, 1);
			if (n <= 0)
				break;
			if (c == '\n')
				continue;
		}
		sadd(&line, (unsigned char)c);
	}
	const char *s = line.s ? line.s : "";
	for (; argv[i] != NULL; i++) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (argv[i + 1] == NULL) {
			size_t n = strlen(s);
			while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
				n--;
			char *v = xalloc(n + 1);
			memcpy(v, s, n);
			v[n] = '\0';
			setvar(argv[i], v);
			free(v);
			break;
		}
		const char *e = s;
		while (*e && *e != ' ' && *e != '\t')
			e++;
		char *v = xalloc((size_t)(e - s) + 1);
		memcpy(v, s, (size_t)(e - s));
		v[e - s] = '\0';
		setvar(argv[i], v);
		free(v);
		s = e;
	}
	free(line.s);
	return eol ? 0 : 1;
}

/* test and [ as dash's built-in, for one to four arguments: a string
 * (true when not empty), ! to negate, -n -z, the file tests -e -f -d -r
 * -w -x -s, = != and the integer comparisons -eq -ne -lt -le -gt -ge.
 * 0 true, 1 false, 2 an error. */
static const char *testname = "test";

static int testint(const char *s, long long *v)
{
	char *end;
	errno = 0;
	*v = strtoll(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (*s == '\0' || *end != '\0' || errno != 0) {
		say("%s: Illegal number: %s", testname, s);
		return 0;
	}
	return 1;
}

static int test(char **a, int n)
{
	struct stat sb;
	if (n == 0)
		return 1;
	if (n >= 1 && strcmp(a[0], "!") == 0 && n != 3) {
		int r = test(a + 1, n - 1);
		return r == 2 ? 2 : !r;
	}
	if (n == 1)
		return a[0][0] == '\0';
	if (n == 2) {
		const char *op = a[0], *f = a[1];
		if (strcmp(op, "-n") == 0)
			return f[0] == '\0';
		if (strcmp(op, "-z") == 0)
			return f[0] != '\0';
		if (op[0] == '-' && op[1] != '\0' && op[2] == '\0' && strchr("efdrwxs", op[1])) {
			if (stat(f, &sb) < 0)
				return 1;
			switch (op[1]) {
			case 'e': return 0;
			case 'f': return !S_ISREG(sb.st_mode);
			case 'd': return !S_ISDIR(sb.st_mode);
			case 's': return sb.st_size == 0;
			case 'r': return access(f, R_OK) != 0;
			case 'w': return access(f, W_OK) != 0;
			default: return access(f, X_OK) != 0;
			}
		}
		say("%s: %s: unexpected operator", testname, op);
		return 2;
	}
	if (n == 3) {
		const char *l = a[0], *op = a[1], *r = a[2];
		if (strcmp(op, "=") == 0)
			return strcmp(l, r) != 0;
		if (strcmp(op, "!=") == 0)
			return strcmp(l, r) == 0;
		static const char *ops[] = {"-eq", "-ne", "-lt", "-le", "-gt", "-ge"};
		for (int i = 0; i < 6; i++) {
			if (strcmp(op, ops[i]) != 0)
				continue;
			long long x, y;
			if (!testint(l, &x) || !testint(r, &y))
				return 2;
			int t[] = {x == y, x != y, x < y, x <= y, x > y, x >= y};
			return !t[i];
		}
		if (strcmp(l, "!") == 0)
			return test(a + 1, 2) == 2 ? 2 : !test(a + 1, 2);
		say("%s: %s: unexpected operator", testname, op);
		return 2;
	}
	if (n == 4 && strcmp(a[0], "!") == 0) {
		int r = test(a + 1, 3);
		return r == 2 ? 2 : !r;
	}
	say("%s: %s: unexpected operator", testname, a[0]);
	return 2;
}

static int b_test(char **argv)
{
	int n = 0;
	while (argv[n + 1] != NULL)
		n++;
	testname = argv[0];
	if (strcmp(argv[0], "[") == 0) {
		if (n == 0 || strcmp(argv[n], "]") != 0) {
			say("[: missing ]");
			return 2;
		}
		n--;
	}
	return test(argv + 1, n);
}

static int b_cd(char **argv)
{
	const char *dir = argv[1];
	int print = 0;
	if (dir == NULL) {
		dir = lookup("HOME");
		if (dir == NULL || *dir == '\0')
			return 0;
	} else if (strcmp(dir, "-") == 0) {
		dir = lookup("OLDPWD");
		if (dir == NULL)
			dir = ".";
		print = 1;
	}
	char old[4096];
	if (getcwd(old, sizeof old) == NULL)
		old[0] = '\0';
	if (chdir(dir) < 0) {
		say("cd: can't cd to %s", dir);
		return 2;
	}
	char now[4096];
	if (getcwd(now, sizeof now) != NULL) {
		setvar("OLDPWD", old);
		setvar("PWD", now);
		if (print) {
			size_t n = strlen(now);
			now[n] = '\n';
			put(1, now, n + 1);
		}
	}
	return 0;
}

static int b_wait(char **argv)
{
	if (argv[1] == NULL) {
		int st;
		while (waitpid(-1, &st, 0) > 0 || errno == EINTR)
			;
		return 0;
	}
	int r = 0;
	for (int i = 1; argv[i] != NULL; i++) {
		pid_t pid = (pid_t)atoi(argv[i]);
		if (pid <= 0) {
			say("wait: Illegal number: %s", argv[i]);
			return 2;
		}
		r = waitfor(pid, 0);
	}
	return r;
}

/* exitnum parses exit's argument; -1 if it is not a number. */
static int exitnum(const char *s)
{
	if (*s == '\0' || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
		return -1;
	return atoi(s) & 255;
}

static void leave(int code)
{
	exit(code);
}

/* builtin runs argv if it is a built-in: 1 and *st, else 0. */
static int builtin(char **argv, int *st)
{
	const char *c = argv[0];
	if (strcmp(c, "echo") == 0) {
		*st = b_echo(argv);
	} else if (strcmp(c, "printf") == 0) {
		*st = b_printf(argv);
	} else if (strcmp(c, "read") == 0) {
		*st = b_read(argv);
	} else if (strcmp(c, "return") == 0) {
		*st = argv[1] ? exitnum(argv[1]) : status;
		if (*st < 0) {
			say("return: Illegal number: %s", argv[1]);
			*st = 2;
		}
		if (funcdepth > 0) {
			status = *st;
			returning = 1;
		} else if (!interactive) {
			leave(*st); /* outside a function: the end of the script, as dash */
		}
	} else if (strcmp(c, "test") == 0 || strcmp(c, "[") == 0) {
		*st = b_test(argv);
	} else if (strcmp(c, "break") == 0 || strcmp(c, "continue") == 0) {
		int k = argv[1] ? atoi(argv[1]) : 1;
		*st = 0;
		if (k < 1) {
			say("%s: Illegal number: %s", c, argv[1]);
			*st = 2;
		} else if (loopdepth > 0) {
			if (k > loopdepth)
				k = loopdepth;
			if (c[0] == 'b')
				breaking = k;
			else
				continuing_loops = k;
		}
	} else if (strcmp(c, ":") == 0 || strcmp(c, "true") == 0) {
		*st = 0;
	} else if (strcmp(c, "false") == 0) {
		*st = 1;
	} else if (strcmp(c, "cd") == 0) {
		*st = b_cd(argv);
	} else if (strcmp(c, "pwd") == 0) {
		char buf[4096];
		if (getcwd(buf, sizeof buf - 1) == NULL) {
			*st = 1;
		} else {
			size_t n = strlen(buf);
			buf[n] = '\n';
			put(1, buf, n + 1);
			*st = 0;
		}
	} else if (strcmp(c, "exit") == 0) {
		int code = status;
		if (argv[1] != NULL && (code = exitnum(argv[1])) < 0) {
			say("exit: Illegal number: %s", argv[1]);
			code = 2;
		}
		leave(code);
	} else if (strcmp(c, "wait") == 0) {
		*st = b_wait(argv);
	} else if (strcmp(c, "export") == 0) {
		for (int i = 1; argv[i] != NULL; i++) {
			char *eq = strchr(argv[i], '=');
			if (eq != NULL) {
				*eq = '\0';
				exportvar(argv[i], eq + 1);
				*eq = '=';
			} else {
				exportvar(argv[i], NULL);
			}
		}
		*st = 0;
	} else if (strcmp(c, "unset") == 0) {
		for (int i = 1; argv[i] != NULL; i++)
			unsetvar(argv[i]);
		*st = 0;
	} else {
		return 0;
	}
	return 1;
}

/* execute replaces the process with argv: it does not return. A text
 * file named by a path is a script: this shell runs it, as dash does. */
static void execute(char **argv)
{
	execvp(argv[0], argv);
	int e = errno;
	if (e == ENOEXEC && strchr(argv[0], '/') != NULL) {
		int n = 0;
		while (argv[n] != NULL)
			n++;
		char **v = xalloc((size_t)(n + 2) * sizeof *v);
		v[0] = "sh";
		memcpy(v + 1, argv, (size_t)(n + 1) * sizeof *v);
		execv("/bin/sh", v);
		e = errno;
	}
	if (e == ENOENT || e == ENOTDIR) {
		say("%s: not found", argv[0]);
		_exit(127);
	}
	if (e == EACCES || e == EISDIR) {
		say("%s: Permission denied", argv[0]);
		_exit(126);
	}
	say("%s: %s", argv[0], strerror(e));
	_exit(126);
}

static int run_simple(struct node *n, int flags)
{
	struct fields fs = {0};
	cmdline = n->line;
	substituted = 0;
	/* the words that look like assignments stay whole */
	int nassign = 0;
	for (int i = 0; i < n->nwords; i++) {
		const char *w = n->words[i];
		const char *eq = strchr(w, '=');
		if (i == nassign && eq != NULL && isname(w, (size_t)(eq - w))) {
			push(&fs, expand1(w));
			nassign++;
		} else {
			expand(w, &fs, 1);
		}
	}
	char **argv = fs.v;
	if (fs.n == nassign) {
		/* assignments alone, and redirections */
		for (int i = 0; i < nassign; i++) {
			char *eq = strchr(argv[i], '=');
			*eq = '\0';
			setvar(argv[i], eq + 1);
		}
		struct saved save[16];
		int nsave = 0;
		/* the status is the last command substitution's, or 0 */
		int st = redirect(n->redirs, save, &nsave) < 0 ? 2 : substituted ? status : 0;
		restore(save, nsave);
		freefields(&fs);
		return st;
	}
	char **cmd = argv + nassign;
	int st;
	struct func *fn = findfunc(cmd[0]);
	if (fn != NULL) {
		struct saved save[16];
		int nsave = 0;
		if (redirect(n->redirs, save, &nsave) < 0) {
			restore(save, nsave);
			freefields(&fs);
			return 2;
		}
		st = callfunc(fn, cmd);
		restore(save, nsave);
		freefields(&fs);
		return st;
	}
	if (nassign == 0 && strcmp(cmd[0], "exec") == 0) {
		if (redirect(n->redirs, NULL, NULL) < 0) {
			freefields(&fs);
			if (!interactive)
				leave(2);
			return 2;
		}
		if (cmd[1] != NULL)
			execute(cmd + 1);
		freefields(&fs);
		return 0;
	}
	if (nassign == 0 && strcmp(cmd[0], "exit") != 0 && (strcmp(cmd[0], "echo") == 0 || strcmp(cmd[0], "printf") == 0 ||
	    strcmp(cmd[0], "read") == 0 || strcmp(cmd[0], "break") == 0 || strcmp(cmd[0], "continue") == 0 ||
	    strcmp(cmd[0], "test") == 0 || strcmp(cmd[0], "[") == 0 || strcmp(cmd[0], "return") == 0 ||
	    strcmp(cmd[0], "cd") == 0 || strcmp(cmd[0], "pwd") == 0 || strcmp(cmd[0], "wait") == 0 ||
	    strcmp(cmd[0], ":") == 0 || strcmp(cmd[0], "true") == 0 || strcmp(cmd[0], "false") == 0 ||
	    strcmp(cmd[0], "export") == 0 || strcmp(cmd[0], "unset") == 0)) {
		struct saved save[16];
		int nsave = 0;
		if (redirect(n->redirs, save, &nsave) < 0) {
			restore(save, nsave);
			freefields(&fs);
			return 2;
		}
		builtin(cmd, &st);
		restore(save, nsave);
		freefields(&fs);
		return st;
	}
	if (nassign == 0 && strcmp(cmd[0], "exit") == 0) {
		if (redirect(n->redirs, NULL, NULL) < 0)
			leave(2);
		builtin(cmd, &st);
	}
	pid_t pid = 0;
	if (!(flags & EV_EXIT)) {
		pid = dofork();
		if (pid < 0) {
			freefields(&fs);
			return 2;
		}
	}
	if (pid == 0) {
		if (interactive) {
			signal(SIGINT, SIG_DFL);
			signal(SIGQUIT, SIG_DFL);
		}
		for (int i = 0; i < nassign; i++) {
			char *eq = strchr(argv[i], '=');
			*eq = '\0';
			setenv(argv[i], eq + 1, 1);
		}
		if (redirect(n->redirs, NULL, NULL) < 0)
			_exit(2);
		execute(cmd);
	}
	freefields(&fs);
	return waitfor(pid, 1);
}

/* run_pipe runs n's commands with a pipe between each and the next, and
 * waits for them all; the pipeline's status is the last one's. */
static int run_pipe(struct node *n)
{
	int prev = -1;
	int started = 0;
	pid_t *pids = xalloc((size_t)n->nkids * sizeof *pids);
	cmdline = n->line;
	for (int i = 0; i < n->nkids; i++) {
		int fd[2] = {-1, -1};
		if (i + 1 < n->nkids && pipe(fd) < 0) {
			say("Pipe call failed");
			break;
		}
		pid_t pid = dofork();
		if (pid < 0) {
			if (fd[0] >= 0)
				close(fd[0]), close(fd[1]);
			break;
		}
		if (pid == 0) {
			if (interactive) {
				signal(SIGINT, SIG_DFL);
				signal(SIGQUIT, SIG_DFL);
			}
			if (prev >= 0) {
				dup2(prev, 0);
				close(prev);
			}
			if (fd[1] >= 0) {
				close(fd[0]);
				dup2(fd[1], 1);
				close(fd[1]);
			}
			_exit(run(n->kids[i], EV_EXIT));
		}
		if (prev >= 0)
			close(prev);
		if (fd[1] >= 0)
			close(fd[1]);
		prev = fd[0];
		pids[started++] = pid;
	}
	if (prev >= 0)
		close(prev);
	int st = 2;
	for (int i = 0; i < started; i++) {
		int last = i == n->nkids - 1;
		int code = waitfor(pids[i], last);
		if (last)
			st = code;
	}
	free(pids);
	return st;
}


/* run_loop runs while/until (cond, body) or for. */
static int run_loop(struct node *n)
{
	int st = 0;
	struct fields fs = {0};
	int i = 0;
	if (n->type == N_FOR)
		for (int k = 1; k < n->nwords; k++)
			expand(n->words[k], &fs, 1);
	loopdepth++;
	for (;;) {
		if (n->type == N_FOR) {
			if (i >= fs.n)
				break;
			setvar(n->words[0], fs.v[i++]);
		} else {
			int c = run(n->kids[0], 0);
			if (breaking)
				break;
			if ((c == 0) != (n->type == N_WHILE))
				break;
		}
		st = run(n->type == N_FOR ? n->kids[0] : n->kids[1], 0);
		if (breaking) {
			breaking--;
			break;
		}
		if (continuing_loops) {
			if (--continuing_loops > 0)
				break;
		}
	}
	loopdepth--;
	freefields(&fs);
	return st;
}

/* run_compound runs a compound command with its redirections, which
 * last as long as it does. */
static int run_compound(struct node *n, int flags)
{
	struct saved save[16];
	int nsave = 0, st;
	if (n->redirs != NULL && redirect(n->redirs, save, &nsave) < 0) {
		restore(save, nsave);
		return 2;
	}
	switch (n->type) {
	case N_IF:
		if (run(n->kids[0], 0) == 0)
			st = run(n->kids[1], flags);
		else if (n->nkids > 2)
			st = run(n->kids[2], flags);
		else
			st = 0;
		break;
	case N_GROUP:
		st = run(n->kids[0], flags);
		break;
	case N_CASE: {
		char *subject = expand1(n->words[0]);
		st = 0;
		for (int i = 0; i < n->nkids; i++) {
			struct node *item = n->kids[i];
			int hit = 0;
			for (int k = 0; k < item->nwords && !hit; k++) {
				char *pat = expand1(item->words[k]);
				char *plain = xalloc(strlen(pat) + 1);
				memset(plain, 0, strlen(pat) + 1);
				hit = match(pat, plain, subject);
				free(plain);
				free(pat);
			}
			if (hit) {
				if (item->nkids > 0)
					st = run(item->kids[0], flags);
				break;
			}
		}
		free(subject);
		break;
	}
	default:
		st = run_loop(n);
	}
	restore(save, nsave);
	return st;
}

/* The functions defined, by name; a definition keeps its body. */
struct func {
	char *name;
	struct node *body;
	struct func *next;
};
static struct func *funcs;

static struct func *findfunc(const char *name)
{
	for (struct func *f = funcs; f; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* callfunc runs f with argv[1..] as $1...; $0 stays. */
static int callfunc(struct func *f, char **argv)
{
	char **savepos = pos;
	int savenpos = npos, n = 0;
	while (argv[n + 1] != NULL)
		n++;
	pos = argv + 1;
	npos = n;
	funcdepth++;
	int st = run(f->body, 0);
	funcdepth--;
	if (returning) {
		returning = 0;
		st = status;
	}
	pos = savepos;
	npos = savenpos;
	return st;
}

static int run(struct node *n, int flags)
{
	int st;
	if (breaking || continuing_loops || returning)
		return status;
	switch (n->type) {
	case N_FUNCDEF: {
		struct func *f = findfunc(n->words[0]);
		if (f == NULL) {
			f = xalloc(sizeof *f);
			f->name = xstrdup(n->words[0]);
			f->next = funcs;
			funcs = f;
		} else {
			freenode(f->body);
		}
		f->body = n->kids[0]; /* the definition keeps it */
		n->nkids = 0;
		return status = 0;
	}
	case N_IF:
	case N_WHILE:
	case N_UNTIL:
	case N_FOR:
	case N_GROUP:
	case N_CASE:
		return status = run_compound(n, flags);
	case N_CMD:
		return status = run_simple(n, flags);
	case N_PIPE:
		return status = run_pipe(n);
	case N_NOT:
		st = run(n->kids[0], flags & ~EV_EXIT);
		return status = !st;
	case N_AND:
		st = run(n->kids[0], flags & ~EV_EXIT);
		if (st == 0)
			st = run(n->kids[1], flags);
		return status = st;
	case N_OR:
		st = run(n->kids[0], flags & ~EV_EXIT);
		if (st != 0)
			st = run(n->kids[1], flags);
		return status = st;
	case N_SEQ:
		run(n->kids[0], flags & ~EV_EXIT);
		return status = run(n->kids[1], flags);
	case N_SUB: {
		pid_t pid = (flags & EV_EXIT) ? 0 : dofork();
		if (pid < 0)
			return status = 2;
		if (pid == 0)
			exit(run(n->kids[0], EV_EXIT));
		return status = waitfor(pid, 1);
	}
	case N_BG: {
		pid_t pid = dofork();
		if (pid < 0)
			return status = 2;
		if (pid == 0) {
			if (!interactive) {
				signal(SIGINT, SIG_IGN);
				signal(SIGQUIT, SIG_IGN);
			}
			int fd = open("/dev/null", O_RDONLY);
			if (fd >= 0 && fd != 0) {
				dup2(fd, 0);
				close(fd);
			}
			exit(run(n->kids[0], EV_EXIT));
		}
		lastbg = pid;
		return status = 0;
	}
	}
	return status = 2;
}

/* ---- the reading loop --------------------------------------------------- */

/* skipline drops the rest of a bad line. */
static void skipline(void)
{
	if (havetok && (tok.type == T_NL || tok.type == T_EOF)) {
		havetok = 0;
		return;
	}
	havetok = 0;
	int c;
	while ((c = peekc()) != '\n' && c != EOF)
		getc_();
	if (c == '\n')
		getc_();
}

/* loop reads and runs commands until the end of the input. */
static int loop(void)
{
	for (;;) {
		synerr = 0;
		continuing = 0;
		prompt("$ ");
		struct token *t = peek();
		if (t->type == T_NL) {
			consume();
			continue;
		}
		if (t->type == T_EOF)
			break;
		struct node *n = parse_list(0);
		if (n == NULL) {
			status = 2;
			if (!interactive)
				return 2;
			skipline();
			continue;
		}
		/* Debian's dash forks even for the last command of a -c string:
		   the command's parent is the shell. */
		if (tok.type == T_NL)
			consume();
		run(n, 0);
		freenode(n);
	}
	return status;
}

int main(int argc, char *argv[])
{
	int i = 1;
	if (argc > 0 && argv[0] != NULL)
		arg0 = argv[0];
	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3) {
			put(2, arg0, strlen(arg0));
			put(2, ": 0: -c requires an argument\n", 29);
			return 2;
		}
		src = argv[2];
		i = 3;
		if (argc > 3)
			arg0 = argv[i++];
	} else if (argc > 1 && argv[1][0] != '-') {
		infd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (infd < 0) {
			char buf[512];
			cmdline = 0;
			snprintf(buf, sizeof buf, "%s: 0: cannot open %s: %s\n", arg0, argv[1],
				 errno == ENOENT ? "No such file" : strerror(errno));
			put(2, buf, strlen(buf));
			return 2;
		}
		arg0 = argv[1];
		i = 2;
	} else {
		infd = 0;
		interactive = isatty(0) && isatty(2);
		if (argc > 1 && strcmp(argv[1], "-i") == 0)
			interactive = 1;
	}
	if (i < argc) {
		pos = argv + i;
		npos = argc - i;
	}
	if (interactive) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
	}
	return loop();
}
