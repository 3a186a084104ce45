/* SPDX-License-Identifier: MIT */
/*
 * This file declares the view builders: the one place where store objects
 * become documents, for `--format json` now and as template data later.
 * Each returns a JSON text (UTF-8; control characters escaped).
 */
#ifndef GV_VIEW_H
#define GV_VIEW_H

struct gv_body_list;
struct gv_org_list;
struct gv_person_list;
struct gv_template_list;

/* Each writes a JSON array into *out (caller frees with free()); 0 or
 * GV_ERROR. */
int gv_view_bodies_json(char **out, const struct gv_body_list *list);
int gv_view_orgs_json(char **out, const struct gv_org_list *list);
int gv_view_people_json(char **out, const struct gv_person_list *list);
int gv_view_templates_json(char **out, const struct gv_template_list *list);

#endif
