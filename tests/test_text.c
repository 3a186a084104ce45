/* SPDX-License-Identifier: MIT */
/*
 * This file tests the text helpers of core/text.c: UTF-8 validation, the
 * folded matching key of names, terminal sanitizing, widths and truncation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "gavel/text.h"

/* s with control and non-ASCII bytes as \xNN, so failures print safely. */
static const char *
escaped(char *buf, size_t size, const char *s)
{
	size_t n = 0;

	buf[0] = '\0';
	if (!s)
		return "(null)";
	for (; *s && n + 5 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\')
			n += (size_t)snprintf(buf + n, size - n, "\\x%02X", c);
		else
			buf[n++] = (char)c, buf[n] = '\0';
	}
	return buf;
}

/* Compares a returned string with want, reports the input, frees got. */
static void
check_str(const char *file, int line, const char *what, const char *in,
          char *got, const char *want)
{
	char a[256], b[256], c[256];

	if (!got || strcmp(got, want) != 0)
		t_fail(file, line, "%s(\"%s\"): got \"%s\", want \"%s\"", what,
		       escaped(a, sizeof(a), in), escaped(b, sizeof(b), got),
		       escaped(c, sizeof(c), want));
	free(got);
}

#define CHECK_STR(what, in, got, want)                                         \
	check_str(__FILE__, __LINE__, what, in, got, want)

struct pair {
	const char *in, *want;
};

static void
utf8_valid_accepts(void)
{
	static const char *const ok[] = {
	        "",
	        "plain ASCII, 0-9 ~",
	        "I\xC3\xB1igo",     /* Iñigo: 2 bytes */
	        "\xE2\x82\xAC",     /* €: 3 bytes */
	        "\xF0\x9F\x98\x80", /* U+1F600: 4 bytes */
	        "\xF4\x8F\xBF\xBF", /* U+10FFFF, the last code point */
	        "\xED\x9F\xBF",     /* U+D7FF, just below the surrogates */
	        "\xEE\x80\x80",     /* U+E000, just above them */
	        "\xC2\x80",         /* U+0080, the shortest 2-byte form */
	        "\xE0\xA0\x80",     /* U+0800, the shortest 3-byte form */
	        "\xF0\x90\x80\x80", /* U+10000, the shortest 4-byte form */
	};

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		char a[64];

		if (!gv_utf8_valid(ok[i], strlen(ok[i])))
			t_fail(__FILE__, __LINE__,
			       "gv_utf8_valid(\"%s\"): got 0, want 1",
			       escaped(a, sizeof(a), ok[i]));
	}
}

static void
utf8_valid_rejects(void)
{
	static const char *const bad[] = {
	        "\x80",             /* lone continuation byte */
	        "a\x80z",           /* ... between ASCII */
	        "\xC0\xAF",         /* overlong '/' */
	        "\xC1\xBF",         /* overlong */
	        "\xE0\x9F\xBF",     /* overlong 3-byte */
	        "\xF0\x8F\xBF\xBF", /* overlong 4-byte */
	        "\xE2\x82",         /* truncated € */
	        "\xE2\x82z",        /* € cut by ASCII */
	        "\xC3",             /* truncated at the end */
	        "\xED\xA0\x80",     /* surrogate U+D800 */
	        "\xED\xBF\xBF",     /* surrogate U+DFFF */
	        "\xF5\x80\x80\x80", /* lead byte F5 */
	        "\xF4\x90\x80\x80", /* U+110000, above U+10FFFF */
	        "\xFF",             /* never in UTF-8 */
	        "\xFE",             /* never in UTF-8 */
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char a[64];

		if (gv_utf8_valid(bad[i], strlen(bad[i])))
			t_fail(__FILE__, __LINE__,
			       "gv_utf8_valid(\"%s\"): got 1, want 0",
			       escaped(a, sizeof(a), bad[i]));
	}
}

static void
utf8_valid_uses_len(void)
{
	/* Only len bytes count: a cut "€" is invalid, a cut tail is not
	 * looked at, and an embedded NUL is a valid code point. */
	T_EQ_INT(gv_utf8_valid("\xE2\x82\xAC", 2), 0);
	T_EQ_INT(gv_utf8_valid("ok\xFF", 2), 1);
	T_EQ_INT(gv_utf8_valid("a\0b", 3), 1);
}

static void
fold_case_and_space(void)
{
	static const struct pair cases[] = {
	        {"I\xC3\xB1igo Barreira", "inigo barreira"},
	        {"INIGO  BARREIRA ", "inigo barreira"},
	        {"  \tI\xC3\xB1igo\n\r Barreira\t", "inigo barreira"},
	        {"a\xC2\xA0"
	         "b",
	         "a b"}, /* no-break space */
	        {"D-TRUST", "d-trust"},
	        {"Sectigo 2.0 (UK)", "sectigo 2.0 (uk)"},
	        {"", ""},
	        {"   ", ""},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR("gv_text_fold", cases[i].in,
		          gv_text_fold(cases[i].in), cases[i].want);
}

static void
fold_latin_letters(void)
{
	static const struct pair cases[] = {
	        {"\xC5\x81\xC3\xB3\x64\xC5\xBA", "lodz"}, /* Łódź */
	        {"Stra\xC3\x9F"
	         "e",
	         "strasse"},                                   /* Straße */
	        {"\xC3\x86sir", "aesir"},                      /* Æsir */
	        {"\xC3\xA6", "ae"},                            /* æ */
	        {"\xC5\x92uvre", "oeuvre"},                    /* Œuvre */
	        {"\xC3\x9E\xC3\xB3r", "thor"},                 /* Þór */
	        {"\xC3\x85se \xC3\x98stby", "ase ostby"},      /* Åse Østby */
	        {"\xC3\x87\x61\xC4\x9F\x72\xC4\xB1", "cagri"}, /* Çağrı */
	        {"\xC5\xBD\x69\xC5\xBE\x65\x6B", "zizek"},     /* Žižek */
	        {"\xC3\xBF", "y"},                             /* ÿ */
	        {"\xC5\xBF", "s"}, /* ſ, U+017F, the table's last letter */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR("gv_text_fold", cases[i].in,
		          gv_text_fold(cases[i].in), cases[i].want);
}

static void
fold_combining_marks(void)
{
	/* e + U+0301 COMBINING ACUTE ACCENT, as macOS writes "é". */
	CHECK_STR("gv_text_fold", "e\xCC\x81", gv_text_fold("e\xCC\x81"), "e");
	CHECK_STR("gv_text_fold", "Ine\xCC\x81s", gv_text_fold("Ine\xCC\x81s"),
	          "ines");
	/* Precomposed and decomposed spellings fold to the same key. */
	CHECK_STR("gv_text_fold", "Jos\xC3\xA9", gv_text_fold("Jos\xC3\xA9"),
	          "jose");
	CHECK_STR("gv_text_fold", "JOSE\xCC\x81", gv_text_fold("JOSE\xCC\x81"),
	          "jose");
}

static void
fold_other_scripts(void)
{
	/* КАТЕРИНА -> катерина: lower case, otherwise unchanged. */
	CHECK_STR("gv_text_fold",
	          "\xD0\x9A\xD0\x90\xD0\xA2\xD0\x95\xD0\xA0\xD0\x98\xD0\x9D"
	          "\xD0\x90",
	          gv_text_fold("\xD0\x9A\xD0\x90\xD0\xA2\xD0\x95\xD0\xA0\xD0"
	                       "\x98\xD0\x9D\xD0\x90"),
	          "\xD0\xBA\xD0\xB0\xD1\x82\xD0\xB5\xD1\x80\xD0\xB8\xD0\xBD"
	          "\xD0\xB0");
	/* × and ÷ sit among the Latin letters but are kept as they are. */
	CHECK_STR("gv_text_fold", "\xC3\x97", gv_text_fold("\xC3\x97"),
	          "\xC3\x97");
	CHECK_STR("gv_text_fold",
	          "2\xC3\xB7"
	          "3",
	          gv_text_fold("2\xC3\xB7"
	                       "3"),
	          "2\xC3\xB7"
	          "3");
	/* 漢字 has no case. */
	CHECK_STR("gv_text_fold", "\xE6\xBC\xA2\xE5\xAD\x97",
	          gv_text_fold("\xE6\xBC\xA2\xE5\xAD\x97"),
	          "\xE6\xBC\xA2\xE5\xAD\x97");
}

static void
sanitize_controls(void)
{
	static const struct pair cases[] = {
	        {"\x1b[31mred", "^[[31mred"}, {"\x7f", "^?"},
	        {"a\x01z", "a^Az"},           {"\x1f", "^_"},
	        {"bell\x07", "bell^G"},       {"\x08\x08x", "^H^Hx"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR("gv_text_sanitize", cases[i].in,
		          gv_text_sanitize(cases[i].in, 0), cases[i].want);
}

/*
 * Plain ASCII is passed over eight bytes at a time: a control, DEL,
 * non-ASCII or an invalid byte is found at every offset of a word and at
 * the end, in text longer than one word.
 */
static void
bytes_found_at_every_offset(void)
{
	static const struct {
		const char *byte, *sanitized, *repaired;
	} odd[] = {
	        {"\x1b", "^[", "\x1b"},
	        {"\x7f", "^?", "\x7f"},
	        {"\x1f", "^_", "\x1f"},
	        {"\xc3\xa9", "\xc3\xa9", "\xc3\xa9"},
	        {"\xff", "\xef\xbf\xbd", "\xef\xbf\xbd"},
	};
	char in[64], want[64], label[32];

	for (size_t k = 0; k < sizeof(odd) / sizeof(odd[0]); k++) {
		for (int at = 0; at <= 20; at++) {
			snprintf(in, sizeof(in), "%.*s%s%.*s", at,
			         "~ plain ASCII text ~", odd[k].byte, 20 - at,
			         "_ and some more here");
			snprintf(label, sizeof(label), "byte %zu at %d", k, at);
			snprintf(want, sizeof(want), "%.*s%s%.*s", at,
			         "~ plain ASCII text ~", odd[k].sanitized,
			         20 - at, "_ and some more here");
			CHECK_STR("gv_text_sanitize", label,
			          gv_text_sanitize(in, 0), want);
			snprintf(want, sizeof(want), "%.*s%s%.*s", at,
			         "~ plain ASCII text ~", odd[k].repaired,
			         20 - at, "_ and some more here");
			CHECK_STR("gv_utf8_repair", label,
			          gv_utf8_repair(in, strlen(in)), want);
		}
	}
}

static void
sanitize_whitespace(void)
{
	/* One line (issue 15): a line feed in a title cannot pass for the
	 * start of a row; it shows, as every control character does. */
	CHECK_STR("gv_text_sanitize", "a\tb", gv_text_sanitize("a\tb", 0),
	          "a^Ib");
	CHECK_STR("gv_text_sanitize", "a\nb", gv_text_sanitize("a\nb", 0),
	          "a^Jb");
	CHECK_STR("gv_text_sanitize", "a\r\nb", gv_text_sanitize("a\r\nb", 0),
	          "a^M^Jb");
	CHECK_STR("gv_text_sanitize(KEEP_NEWLINES)", "\n",
	          gv_text_sanitize("\n", GV_SANITIZE_KEEP_NEWLINES), "\n");
	CHECK_STR("gv_text_sanitize(KEEP_NEWLINES)", "one\ntwo\tthree\r",
	          gv_text_sanitize("one\ntwo\tthree\r",
	                           GV_SANITIZE_KEEP_NEWLINES),
	          "one\ntwo three ");
	/* Keeping newlines keeps nothing else. */
	CHECK_STR("gv_text_sanitize(KEEP_NEWLINES)", "\x1b\n",
	          gv_text_sanitize("\x1b\n", GV_SANITIZE_KEEP_NEWLINES),
	          "^[\n");
}

static void
sanitize_replaces(void)
{
	static const struct pair cases[] = {
	        {"\xC2\x9B", "\xEF\xBF\xBD"},     /* C1 CSI */
	        {"\xC2\x80", "\xEF\xBF\xBD"},     /* C1 first */
	        {"\xC2\x9F", "\xEF\xBF\xBD"},     /* C1 last */
	        {"\xE2\x80\xAE", "\xEF\xBF\xBD"}, /* U+202E RLO */
	        {"abc\xE2\x80\xAE"
	         "def",
	         "abc\xEF\xBF\xBD"
	         "def"},
	        {"\xE2\x81\xA6", "\xEF\xBF\xBD"}, /* U+2066 LRI */
	        {"\xE2\x80\x8F", "\xEF\xBF\xBD"}, /* U+200F RLM */
	        {"\xFF", "\xEF\xBF\xBD"},         /* invalid byte */
	        {"a\xFF"
	         "b",
	         "a\xEF\xBF\xBD"
	         "b"},
	        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR("gv_text_sanitize", cases[i].in,
		          gv_text_sanitize(cases[i].in, 0), cases[i].want);
}

static void
sanitize_keeps_text(void)
{
	static const char *const keep[] = {
	        "I\xC3\xB1igo",
	        "plain text, [brackets] ^caret~",
	        "\xC2\xA0",                 /* U+00A0, just past the C1 range */
	        "\xE6\xBC\xA2\xE5\xAD\x97", /* 漢字 */
	        "\xF0\x9F\x98\x80",         /* U+1F600 */
	        "",
	};

	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		CHECK_STR("gv_text_sanitize", keep[i],
		          gv_text_sanitize(keep[i], 0), keep[i]);
}

static void
width_columns(void)
{
	T_EQ_INT(gv_text_width("abc"), 3);
	T_EQ_INT(gv_text_width("I\xC3\xB1igo"), 5);
	T_EQ_INT(gv_text_width("\xE6\xBC\xA2\xE5\xAD\x97"), 4); /* 漢字 */
	T_EQ_INT(gv_text_width(""), 0);
	T_EQ_INT(gv_text_width("\xE2\x80\xA6"), 1); /* … */
	T_EQ_INT(gv_text_width("^[[31m"), 6);
}

static void
truncate_fits(void)
{
	CHECK_STR("gv_text_truncate(10)", "Carillon",
	          gv_text_truncate("Carillon", 10), "Carillon");
	/* Exactly as wide as the limit: no ellipsis. */
	CHECK_STR("gv_text_truncate(5)", "I\xC3\xB1igo",
	          gv_text_truncate("I\xC3\xB1igo", 5), "I\xC3\xB1igo");
	CHECK_STR("gv_text_truncate(4)", "\xE6\xBC\xA2\xE5\xAD\x97",
	          gv_text_truncate("\xE6\xBC\xA2\xE5\xAD\x97", 4),
	          "\xE6\xBC\xA2\xE5\xAD\x97");
	CHECK_STR("gv_text_truncate(0)", "", gv_text_truncate("", 0), "");
}

static void
truncate_cuts(void)
{
	char *got = gv_text_truncate("Carillon Information Security Inc.", 10);
	size_t width = got ? gv_text_width(got) : 0,
	       len = got ? strlen(got) : 0;
	int ends = len >= 3 && !strcmp(got + len - 3, "\xE2\x80\xA6");

	if (got && (width != 10 || !ends))
		t_fail(__FILE__, __LINE__,
		       "gv_text_truncate(\"Carillon Information Security "
		       "Inc.\", 10): got \"%s\" (%zu columns), want 10 "
		       "columns ending in \"\\xE2\\x80\\xA6\"",
		       got, width);
	CHECK_STR("gv_text_truncate(10)", "Carillon Information Security Inc.",
	          got, "Carillon \xE2\x80\xA6");
}

static void
truncate_cjk(void)
{
	/* 漢字漢字 (8 columns) in 5: two wide characters and "…"; a third
	 * would need 6 columns and is never cut in half. */
	char *got = gv_text_truncate(
	        "\xE6\xBC\xA2\xE5\xAD\x97\xE6\xBC\xA2\xE5\xAD\x97", 5);
	char a[64];

	T_ASSERT(got != NULL);
	if (gv_text_width(got) > 5 || !gv_utf8_valid(got, strlen(got)))
		t_fail(__FILE__, __LINE__,
		       "got \"%s\" (%zu columns), want at most 5 columns of "
		       "whole characters",
		       escaped(a, sizeof(a), got), gv_text_width(got));
	CHECK_STR("gv_text_truncate(5)",
	          "\xE6\xBC\xA2\xE5\xAD\x97\xE6\xBC\xA2\xE5\xAD\x97", got,
	          "\xE6\xBC\xA2\xE5\xAD\x97\xE2\x80\xA6");
	/* In 4 columns only one fits before the ellipsis. */
	CHECK_STR(
	        "gv_text_truncate(4)",
	        "\xE6\xBC\xA2\xE5\xAD\x97\xE6\xBC\xA2\xE5\xAD\x97",
	        gv_text_truncate(
	                "\xE6\xBC\xA2\xE5\xAD\x97\xE6\xBC\xA2\xE5\xAD\x97", 4),
	        "\xE6\xBC\xA2\xE2\x80\xA6");
}

static void
truncate_sanitizes(void)
{
	/* Short enough: still sanitized. */
	CHECK_STR("gv_text_truncate(20)", "\x1b[1mbold",
	          gv_text_truncate("\x1b[1mbold", 20), "^[[1mbold");
	/* Cut: "^[" counts as the two columns it takes. */
	CHECK_STR("gv_text_truncate(5)", "\x1b[1mbold",
	          gv_text_truncate("\x1b[1mbold", 5), "^[[1\xE2\x80\xA6");
	CHECK_STR("gv_text_truncate(10)", "a\xE2\x80\xAE\x62",
	          gv_text_truncate("a\xE2\x80\xAE"
	                           "b",
	                           10),
	          "a\xEF\xBF\xBD"
	          "b");
}

/* Issue 14: names in the order people sort them. */
static void
collate_natural(void)
{
	/* Each name sorts strictly before the next. */
	static const char *const order[] = {
	        "Acme",
	        "ecl",
	        "eclair trust",
	        "\xC3\x89"
	        "clair Trust", /* Éclair: folds alike, ordered by bytes */
	        "issuer",
	        "Issuer 1",
	        "issuer 2",
	        "Issuer 02",
	        "Issuer 2b",
	        "Issuer 10",
	        "Issuer 010",
	        "Issuer 100",
	        "Issuer10",
	        "Zeta",
	};
	size_t n = sizeof(order) / sizeof(order[0]), i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			int want = i < j ? -1 : i > j;

			if (gv_text_collate(order[i], order[j]) != want)
				t_fail(__FILE__, __LINE__,
				       "gv_text_collate(\"%s\", \"%s\"): got "
				       "%d, want %d",
				       order[i], order[j],
				       gv_text_collate(order[i], order[j]),
				       want);
		}
	/* Accents and case alone only break ties. */
	T_ASSERT(gv_text_collate("\xC3\x81ngel", "andrew") > 0);
	T_ASSERT(gv_text_collate("\xC3\x81ngel", "Anja") < 0);
	T_EQ_INT(gv_text_collate("", ""), 0);
	T_ASSERT(gv_text_collate("", "0") < 0);
}

const struct t_case text_tests[] = {
        {"collate_natural", collate_natural},
        {"utf8_valid_accepts", utf8_valid_accepts},
        {"utf8_valid_rejects", utf8_valid_rejects},
        {"utf8_valid_uses_len", utf8_valid_uses_len},
        {"fold_case_and_space", fold_case_and_space},
        {"fold_latin_letters", fold_latin_letters},
        {"fold_combining_marks", fold_combining_marks},
        {"fold_other_scripts", fold_other_scripts},
        {"sanitize_controls", sanitize_controls},
        {"sanitize_whitespace", sanitize_whitespace},
        {"bytes_found_at_every_offset", bytes_found_at_every_offset},
        {"sanitize_replaces", sanitize_replaces},
        {"sanitize_keeps_text", sanitize_keeps_text},
        {"width_columns", width_columns},
        {"truncate_fits", truncate_fits},
        {"truncate_cuts", truncate_cuts},
        {"truncate_cjk", truncate_cjk},
        {"truncate_sanitizes", truncate_sanitizes},
        {NULL, NULL},
};
