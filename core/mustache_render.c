/* SPDX-License-Identifier: MIT */
/*
 * This file implements rendering a parsed Mustache template against a JSON
 * context stack: interpolation, sections, partials and, from the optional
 * modules, dynamic names, parents and blocks. Partials, parents and blocks
 * are indented as text and parsed when expanded (the spec defines their
 * indentation on the template's lines, not on the output's), and cached
 * for the rest of the render.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "mustache.h"

struct arg {
	char *name;
	char *text; /* the block's content as given, dedented */
	char open[MU_DELIM_MAX], close[MU_DELIM_MAX];
};

struct cached {
	char *key;
	size_t key_len;
	struct mu_template *t;
};

struct render {
	const struct gv_mustache_opts *opts;
	struct gv_buf out;
	json_t **stack; /* the context stack, innermost last (borrowed) */
	size_t nstack, astack;
	struct arg *args; /* block arguments in force, outermost first */
	size_t nargs, aargs;
	struct cached *cache;
	size_t ncache, acache;
	int depth;
	size_t steps; /* sections rendered so far (MU_MAX_STEPS) */
};

static int render_kids(struct render *r, const struct mu_template *t,
                       const struct mu_node *n);

static void
push(struct render *r, json_t *v)
{
	r->stack = gv__grow(r->stack, &r->astack, r->nstack, sizeof(*r->stack));
	r->stack[r->nstack++] = v;
}

/*
 * Resolves a (dotted) name: the first part through the context stack,
 * innermost first; the others only inside what the first part found.
 */
static json_t *
lookup(const struct render *r, const char *name, size_t len)
{
	const char *dot = memchr(name, '.', len);
	size_t first = dot ? (size_t)(dot - name) : len, i;
	json_t *v = NULL;

	if (len == 1 && name[0] == '.')
		return r->nstack ? r->stack[r->nstack - 1] : NULL;
	for (i = r->nstack; i-- > 0;)
		if (json_is_object(r->stack[i]) &&
		    (v = json_object_getn(r->stack[i], name, first)))
			break;
	while (v && dot) {
		const char *part = dot + 1;

		dot = memchr(part, '.', len - (size_t)(part - name));
		v = json_is_object(v)
		            ? json_object_getn(
		                      v, part,
		                      dot ? (size_t)(dot - part)
		                          : len - (size_t)(part - name))
		            : NULL;
	}
	return v;
}

static int
truthy(json_t *v)
{
	if (!v || json_is_null(v) || json_is_false(v))
		return 0;
	if (json_is_array(v))
		return json_array_size(v) > 0;
	if (json_is_string(v))
		return json_string_length(v) > 0;
	return 1;
}

/* The shortest decimal that reads back as d (1.21, not 1.2099999999). */
static void
format_real(char *buf, size_t n, double d)
{
	int prec;

	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, n, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			return;
	}
}

static void
interpolate(struct render *r, json_t *v, int raw)
{
	enum gv_escape mode = raw ? GV_ESCAPE_NONE : r->opts->escape;
	char num[40];

	if (!v)
		return;
	switch (json_typeof(v)) {
	case JSON_STRING:
		gv__escape(&r->out, json_string_value(v), json_string_length(v),
		           mode);
		break;
	case JSON_INTEGER:
		snprintf(num, sizeof(num), "%lld",
		         (long long)json_integer_value(v));
		gv__buf_puts(&r->out, num);
		break;
	case JSON_REAL:
		format_real(num, sizeof(num), json_real_value(v));
		gv__buf_puts(&r->out, num);
		break;
	case JSON_TRUE:
		gv__buf_puts(&r->out, "true");
		break;
	case JSON_FALSE:
		gv__buf_puts(&r->out, "false");
		break;
	default: /* null, objects and lists print nothing */
		break;
	}
}

/* Length of the blank (space, tab) run at s. */
static size_t
blanks(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* Prepends indent to every line of s that is not blank. */
static char *
indent_lines(const char *s, size_t n, const char *indent, size_t ilen)
{
	struct gv_buf b = GV_BUF_INIT;
	size_t i = 0, end;

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t lead;

		end = nl ? (size_t)(nl - s) + 1 : n;
		lead = i + blanks(s + i, end - i);
		if (lead < end && s[lead] != '\n' && s[lead] != '\r')
			gv__buf_put(&b, indent, ilen);
		gv__buf_put(&b, s + i, end - i);
		i = end;
	}
	return gv__buf_detach(&b);
}

/*
 * Removes the indentation the non-blank lines of s share; *common is the
 * length of what was removed (taken from the first non-blank line).
 */
static char *
dedent(const char *s, size_t n, size_t *common, size_t *first_line)
{
	struct gv_buf b = GV_BUF_INIT;
	size_t i, end, lead, c = (size_t)-1;

	*first_line = 0;
	for (i = 0; i < n; i = end) {
		const char *nl = memchr(s + i, '\n', n - i);

		end = nl ? (size_t)(nl - s) + 1 : n;
		lead = blanks(s + i, end - i);
		if (i + lead == end || s[i + lead] == '\n' ||
		    s[i + lead] == '\r')
			continue;
		if (c == (size_t)-1) {
			c = lead;
			*first_line = i;
		}
		/* Shortened to this line's blanks first: the comparison
		 * never reads past the line (a fuzzer found it did). */
		if (lead < c)
			c = lead;
		while (c && memcmp(s + i, s + *first_line, c))
			c--;
	}
	if (c == (size_t)-1)
		c = 0;
	for (i = 0; i < n; i = end) {
		const char *nl = memchr(s + i, '\n', n - i);

		end = nl ? (size_t)(nl - s) + 1 : n;
		lead = blanks(s + i, end - i);
		gv__buf_put(&b, s + i + (lead < c ? lead : c),
		            end - i - (lead < c ? lead : c));
	}
	*common = c;
	return gv__buf_detach(&b);
}

/* Partials, parents, blocks and the sections inside them share one
 * depth (MU_MAX_DEPTH): each level is a frame of this recursion. */
static int
depth_error(const struct mu_template *t, const struct mu_node *n)
{
	char where[512];

	gv__mu_where(where, sizeof(where), t, n->tag);
	return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_ERROR,
	                     "%s: the template nests sections and partials "
	                     "deeper than %d levels (does a partial include "
	                     "itself?)",
	                     where, MU_MAX_DEPTH);
}

/* Output over MU_MAX_OUTPUT, or sections over MU_MAX_STEPS: the error,
 * else 0. */
static int
size_error(const struct render *r, const struct mu_template *t,
           const struct mu_node *n)
{
	char where[512];

	if (r->out.size <= MU_MAX_OUTPUT && r->steps <= MU_MAX_STEPS)
		return 0;
	gv__mu_where(where, sizeof(where), t, n->tag);
	if (r->out.size > MU_MAX_OUTPUT)
		return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_ERROR,
		                     "%s: the template's output is over %u MB "
		                     "(a section repeated over lists inside "
		                     "lists?)",
		                     where, MU_MAX_OUTPUT >> 20);
	return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_ERROR,
	                     "%s: the template renders sections more than "
	                     "%u million times (a section repeated over lists "
	                     "inside lists?)",
	                     where, MU_MAX_STEPS >> 20);
}

/*
 * The parsed template for key, from the cache or made by parsing text
 * (which it takes) with the given delimiters.
 */
static int
cache_parse(struct mu_template **out, struct render *r, char *key,
            size_t key_len, const char *name, char *text, const char *open,
            const char *close)
{
	size_t i;
	int error;

	for (i = 0; i < r->ncache; i++)
		if (r->cache[i].key_len == key_len &&
		    !memcmp(r->cache[i].key, key, key_len)) {
			free(key);
			free(text);
			*out = r->cache[i].t;
			return 0;
		}
	error = gv__mu_parse(out, name, text, strlen(text), open, close);
	free(text);
	if (error < 0) {
		free(key);
		return error;
	}
	r->cache = gv__grow(r->cache, &r->acache, r->ncache, sizeof(*r->cache));
	r->cache[r->ncache].key = key;
	r->cache[r->ncache].key_len = key_len;
	r->cache[r->ncache++].t = *out;
	return 0;
}

/* "kind\0name\0indent" as one key. */
static char *
make_key(size_t *len, char kind, const char *name, const char *indent,
         size_t ilen)
{
	size_t nlen = strlen(name);
	char *key = gv__xmalloc(nlen + ilen + 3);

	key[0] = kind;
	memcpy(key + 1, name, nlen + 1);
	memcpy(key + nlen + 2, indent, ilen);
	*len = nlen + ilen + 2;
	return key;
}

/*
 * Loads and parses the partial or parent template called name, indented
 * when its tag stood alone on its line. *out is NULL when it is missing
 * and the options allow that.
 */
static int
load(struct mu_template **out, struct render *r, const struct mu_template *t,
     const struct mu_node *n, const char *name)
{
	const char *indent = t->src + n->indent_start;
	size_t ilen = n->standalone ? n->indent_end - n->indent_start : 0;
	size_t key_len, i;
	char *key = make_key(&key_len, (char)n->type, name, indent, ilen);
	char *text = NULL, where[512];
	int error;

	*out = NULL;
	for (i = 0; i < r->ncache; i++)
		if (r->cache[i].key_len == key_len &&
		    !memcmp(r->cache[i].key, key, key_len)) {
			free(key);
			*out = r->cache[i].t;
			return 0;
		}
	error = r->opts->partial
	                ? r->opts->partial(&text, name, r->opts->payload)
	                : GV_ENOTFOUND;
	if (error == GV_ENOTFOUND) {
		free(key);
		if (r->opts->lenient)
			return 0;
		gv__mu_where(where, sizeof(where), t, n->tag);
		return gv__error_set(
		        GV_ERRCLASS_TEMPLATE, GV_ENOTFOUND,
		        "%s: no template \"%s\" for this %s", where, name,
		        n->type == MU_PARENT ? "parent" : "partial");
	}
	if (error < 0) {
		free(key);
		return error;
	}
	if (ilen) {
		char *indented = indent_lines(text, strlen(text), indent, ilen);

		free(text);
		text = indented;
	}
	return cache_parse(out, r, key, key_len, name, text, NULL, NULL);
}

/* The name a partial or parent tag names: its own, or (dynamic) the
 * string its name resolves to. NULL when that resolves to no string. */
static char *
target_name(const struct render *r, const struct mu_template *t,
            const struct mu_node *n)
{
	json_t *v;

	if (!n->dynamic)
		return gv__xstrndup(t->src + n->start, n->end - n->start);
	v = lookup(r, t->src + n->start, n->end - n->start);
	return json_is_string(v) ? gv__xstrdup(json_string_value(v)) : NULL;
}

static struct arg *
find_arg(struct render *r, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < r->nargs; i++)
		if (strlen(r->args[i].name) == len &&
		    !memcmp(r->args[i].name, name, len))
			return &r->args[i];
	return NULL;
}

/* A parent's blocks become arguments, unless an outer one set them. */
static void
push_args(struct render *r, const struct mu_template *t,
          const struct mu_node *n)
{
	size_t i, common, first;

	for (i = 0; i < n->nkids; i++) {
		const struct mu_node *b = &n->kids[i];
		const char *body = t->src + b->body_start;
		size_t blen = b->body_end - b->body_start;
		struct arg *a;

		if (b->type != MU_BLOCK ||
		    find_arg(r, t->src + b->start, b->end - b->start))
			continue;
		r->args = gv__grow(r->args, &r->aargs, r->nargs,
		                   sizeof(*r->args));
		a = &r->args[r->nargs++];
		a->name = gv__xstrndup(t->src + b->start, b->end - b->start);
		a->text = b->standalone ? dedent(body, blen, &common, &first)
		                        : gv__xstrndup(body, blen);
		memcpy(a->open, b->open, sizeof(a->open));
		memcpy(a->close, b->close, sizeof(a->close));
	}
}

static void
pop_args(struct render *r, size_t keep)
{
	while (r->nargs > keep) {
		r->nargs--;
		free(r->args[r->nargs].name);
		free(r->args[r->nargs].text);
	}
}

/*
 * A partial, or a parent with its blocks as arguments: another template,
 * rendered here against the same context stack.
 */
static int
render_external(struct render *r, const struct mu_template *t,
                const struct mu_node *n)
{
	struct mu_template *p = NULL;
	char *name = target_name(r, t, n);
	size_t keep = r->nargs;
	int error;

	if (!name)
		return 0;
	if (r->depth >= MU_MAX_DEPTH) {
		free(name);
		return depth_error(t, n);
	}
	error = load(&p, r, t, n, name);
	free(name);
	if (error < 0 || !p)
		return error;
	if (n->type == MU_PARENT)
		push_args(r, t, n);
	r->depth++;
	error = render_kids(r, p, &p->root);
	r->depth--;
	pop_args(r, keep);
	return error;
}

/*
 * A block renders its argument, else its own content. Standalone, its
 * content's indentation is removed where it was written and the block's
 * own added where it is expanded (~inheritance "Block reindentation");
 * the block's indentation is its default content's, else its tag's.
 */
static int
render_block(struct render *r, const struct mu_template *t,
             const struct mu_node *n)
{
	const char *body = t->src + n->body_start, *open = n->open,
	           *close = n->close;
	size_t blen = n->body_end - n->body_start, common = 0, first = 0,
	       key_len;
	struct arg *a = find_arg(r, t->src + n->start, n->end - n->start);
	struct mu_template *p = NULL;
	char *text, *key, *delims;
	int error;

	if (!a && !n->standalone)
		return render_kids(r, t, n);
	if (r->depth >= MU_MAX_DEPTH)
		return depth_error(t, n);
	text = n->standalone ? dedent(body, blen, &common, &first)
	                     : gv__xstrndup(body, blen);
	if (a) {
		free(text);
		text = gv__xstrdup(a->text);
		open = a->open;
		close = a->close;
	}
	if (n->standalone) {
		const char *indent =
		        common ? body + first : t->src + n->indent_start;
		size_t ilen = common ? common : n->indent_end - n->indent_start;
		char *indented = indent_lines(text, strlen(text), indent, ilen);

		free(text);
		text = indented;
	}
	delims = gv__xsprintf("%s %s", open, close);
	key = make_key(&key_len, 'B', delims, text, strlen(text));
	free(delims);
	if ((error = cache_parse(&p, r, key, key_len, t->name, text, open,
	                         close)) < 0)
		return error;
	r->depth++;
	error = render_kids(r, p, &p->root);
	r->depth--;
	return error;
}

static int
render_section(struct render *r, const struct mu_template *t,
               const struct mu_node *n)
{
	json_t *v = lookup(r, t->src + n->start, n->end - n->start), *item;
	size_t i;
	int error = 0;

	if (n->type == MU_INVERTED ? truthy(v) : !truthy(v))
		return 0;
	if (r->depth >= MU_MAX_DEPTH)
		return depth_error(t, n);
	r->depth++;
	r->steps += json_is_array(v) ? json_array_size(v) : 1;
	if (n->type == MU_INVERTED) {
		error = render_kids(r, t, n);
	} else if (!json_is_array(v)) {
		push(r, v);
		error = render_kids(r, t, n);
		r->nstack--;
	} else {
		json_array_foreach (v, i, item) {
			push(r, item);
			error = render_kids(r, t, n);
			r->nstack--;
			if (error < 0)
				break;
		}
	}
	r->depth--;
	return error;
}

static int
render_kids(struct render *r, const struct mu_template *t,
            const struct mu_node *parent)
{
	size_t i;
	int error = 0;

	for (i = 0; i < parent->nkids && error == 0; i++) {
		const struct mu_node *n = &parent->kids[i];

		switch (n->type) {
		case MU_TEXT:
			gv__buf_put(&r->out, t->src + n->start,
			            n->end - n->start);
			break;
		case MU_VAR:
			interpolate(
			        r,
			        lookup(r, t->src + n->start, n->end - n->start),
			        n->raw);
			break;
		case MU_SECTION:
		case MU_INVERTED:
			error = render_section(r, t, n);
			break;
		case MU_PARTIAL:
		case MU_PARENT:
			error = render_external(r, t, n);
			break;
		case MU_BLOCK:
			error = render_block(r, t, n);
			break;
		case MU_ROOT:
			break;
		}
		if (error == 0)
			error = size_error(r, t, n);
	}
	return error;
}

int
gv__mu_render(char **out, size_t *len, const struct mu_template *t,
              json_t *data, const struct gv_mustache_opts *opts)
{
	struct render r = {0};
	size_t i;
	int error;

	*out = NULL;
	r.opts = opts;
	push(&r, data);
	error = render_kids(&r, t, &t->root);
	pop_args(&r, 0);
	for (i = 0; i < r.ncache; i++) {
		free(r.cache[i].key);
		gv__mu_free(r.cache[i].t);
	}
	free(r.cache);
	free(r.args);
	free(r.stack);
	if (error < 0) {
		gv__buf_dispose(&r.out);
		return error;
	}
	if (len)
		*len = r.out.size;
	*out = gv__buf_detach(&r.out);
	return 0;
}

int
gv_mustache_render(char **out, size_t *len, const char *name,
                   const char *template, const char *data_json,
                   const struct gv_mustache_opts *opts)
{
	struct mu_template *t = NULL;
	json_error_t jerr = {0};
	json_t *data;
	int error;

	*out = NULL;
	data = data_json ? json_loads(data_json, JSON_DECODE_ANY, &jerr)
	                 : json_object();
	if (!data)
		return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_EINVALID,
		                     "data, line %d, column %d: %s", jerr.line,
		                     jerr.column, jerr.text);
	if ((error = gv__mu_parse(&t, name, template, strlen(template), NULL,
	                          NULL)) == 0)
		error = gv__mu_render(out, len, t, data, opts);
	gv__mu_free(t);
	json_decref(data);
	return error;
}
