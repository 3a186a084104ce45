/* SPDX-License-Identifier: MIT */
/*
 * This file implements the view builder of the template search path.
 */
#include <jansson.h>

#include "gavel/templates.h"
#include "gavel/view.h"
#include "internal.h"
#include "view.h"

int
gv_view_templates_json(char **out, const struct gv_template_list *list)
{
	json_t *doc = json_array();
	size_t i;

	for (i = 0; i < list->n; i++)
		json_array_append_new(doc, json_pack("{s:s, s:s}", "name",
		                                     list->v[i].name, "from",
		                                     list->v[i].origin));
	return gv__view_dump(out, doc, 0);
}
