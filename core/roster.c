/* SPDX-License-Identifier: MIT */
/*
 * This file implements the names of member classes and statuses, and what
 * each class may do (RULES §1).
 */
#include <string.h>
#include <strings.h>

#include "gavel/roster.h"
#include "internal.h"

static const char *const class_names[] = {
        [GV_CLASS_ISSUER] = "issuer",
        [GV_CLASS_CONSUMER] = "consumer",
        [GV_CLASS_PROBATIONARY] = "probationary",
        [GV_CLASS_ASSOCIATE] = "associate",
        [GV_CLASS_INTERESTED] = "interested",
        [GV_CLASS_UNKNOWN] = "unknown",
};

static const char *const status_names[] = {
        [GV_STATUS_ACTIVE] = "active",
        [GV_STATUS_SUSPENDED] = "suspended",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *
gv_class_name(enum gv_class klass)
{
	return (size_t)klass < COUNT(class_names) ? class_names[klass] : "?";
}

int
gv_class_parse(enum gv_class *out, const char *name)
{
	size_t i;

	for (i = 0; i < COUNT(class_names); i++)
		if (name && !strcasecmp(name, class_names[i])) {
			*out = (enum gv_class)i;
			return 0;
		}
	return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
	                     "unknown member class \"%s\": use issuer, "
	                     "consumer, probationary, associate or interested",
	                     name ? name : "");
}

int
gv_class_votes(enum gv_class klass)
{
	/* BYL 2.1, 2.3(1): only Voting Members, issuers and consumers. */
	return klass == GV_CLASS_ISSUER || klass == GV_CLASS_CONSUMER;
}

const char *
gv_status_name(enum gv_status status)
{
	return (size_t)status < COUNT(status_names) ? status_names[status]
	                                            : "?";
}

int
gv_status_parse(enum gv_status *out, const char *name)
{
	size_t i;

	for (i = 0; i < COUNT(status_names); i++)
		if (name && !strcasecmp(name, status_names[i])) {
			*out = (enum gv_status)i;
			return 0;
		}
	return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
	                     "unknown status \"%s\": use active or suspended",
	                     name ? name : "");
}
