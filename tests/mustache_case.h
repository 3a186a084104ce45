/* SPDX-License-Identifier: MIT */
/*
 * This file declares how one case in the Mustache specification's shape
 * (template, data, partials, expected output) is run, for the official
 * spec files and for the cases written in test_mustache_cases.c alike.
 */
#ifndef GV_TEST_MUSTACHE_CASE_H
#define GV_TEST_MUSTACHE_CASE_H

#include <jansson.h>

/*
 * Renders tmpl against data with HTML escaping and the partials (an
 * object of name -> text, or NULL), missing names rendered empty as the
 * spec asks. 1 when the output is want; else 0, with the running test
 * failed and the template, output and want printed under label: name.
 */
int mu_case_run(const char *label, const char *name, const char *tmpl,
                json_t *data, json_t *partials, const char *want);

#endif
