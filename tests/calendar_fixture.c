/* SPDX-License-Identifier: MIT */
/*
 * This file implements the calendar tests' readers: libical, resolving
 * each wall clock through the VTIMEZONE the file itself carries, and
 * Python's icalendar, run on the file as another program would read it.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "calendar_fixture.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "harness.h"

static char *
keep_str(const char *s)
{
	return t_keep(strdup(s ? s : ""));
}

/* Any X-LIC-ERROR libical left where it could not parse, or NULL. */
static const char *
lic_error(icalcomponent *c)
{
	icalproperty *p =
	        icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	icalcomponent *sub;
	const char *why;

	if (p)
		return keep_str(icalproperty_get_xlicerror(p));
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	     sub; sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		if ((why = lic_error(sub)))
			return why;
	return NULL;
}

/* A DATE-TIME property's instant: UTC as written, or its TZID resolved
 * through the calendar's own VTIMEZONE; -1 when that is missing. */
static int64_t
lic_instant(icalcomponent *cal, icalproperty *p, struct icaltimetype t,
            icaltimezone **zone_out)
{
	icalparameter *tzid =
	        icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	icaltimezone *zone = icaltimezone_get_utc_timezone();

	if (tzid && !(zone = icalcomponent_get_timezone(
	                      cal, icalparameter_get_tzid(tzid))))
		return -1;
	if (zone_out)
		*zone_out = zone;
	if (!tzid && !icaltime_is_utc(t))
		return -1; /* floating: no instant at all */
	return (int64_t)icaltime_as_timet_with_zone(t, zone);
}

static void
lic_series(struct cal_event *e, icalcomponent *cal, icalcomponent *ev,
           icalproperty *start, int64_t from, int64_t to)
{
	icalproperty *p;
	struct icaltimetype dt = icalproperty_get_dtstart(start), occ;
	icaltimezone *zone = NULL;
	icalrecur_iterator *it;

	for (p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY);
	     p && e->nexdates < 64;
	     p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY))
		e->exdates[e->nexdates++] =
		        lic_instant(cal, p, icalproperty_get_exdate(p), NULL);
	if (!(p = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY)))
		return;
	e->rrule = 1;
	lic_instant(cal, start, dt, &zone);
	it = icalrecur_iterator_new(icalproperty_get_rrule(p), dt);
	while (it &&
	       !icaltime_is_null_time(occ = icalrecur_iterator_next(it))) {
		int64_t t = (int64_t)icaltime_as_timet_with_zone(occ, zone);

		if (t >= to)
			break;
		if (t >= from && e->noccurrences < 64)
			e->occurrences[e->noccurrences++] = t;
	}
	icalrecur_iterator_free(it);
}

static void
lic_alarms(struct cal_event *e, icalcomponent *ev)
{
	icalcomponent *a;
	icalproperty *p;

	for (a = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
	     a && e->nalarms < 8;
	     a = icalcomponent_get_next_component(ev, ICAL_VALARM_COMPONENT)) {
		p = icalcomponent_get_first_property(a, ICAL_TRIGGER_PROPERTY);
		e->alarms[e->nalarms++] =
		        p ? -icaldurationtype_as_int(
		                    icalproperty_get_trigger(p).duration)
		          : -1;
	}
}

/* One VEVENT; NULL, or what is missing. */
static const char *
lic_event(struct cal_event *e, icalcomponent *cal, icalcomponent *ev,
          int64_t from, int64_t to)
{
	icalproperty *start =
	        icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	icalproperty *p;

	memset(e, 0, sizeof(*e));
	if (!icalcomponent_get_uid(ev) || !start ||
	    !icalcomponent_get_first_property(ev, ICAL_DTSTAMP_PROPERTY))
		return "a VEVENT without UID, DTSTART or DTSTAMP";
	e->uid = keep_str(icalcomponent_get_uid(ev));
	p = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
	e->status = keep_str(p ? icalproperty_get_value_as_string(p) : "");
	e->summary = keep_str(icalcomponent_get_summary(ev));
	e->description = keep_str(icalcomponent_get_description(ev));
	e->sequence = icalcomponent_get_sequence(ev);
	if ((e->start = lic_instant(cal, start, icalproperty_get_dtstart(start),
	                            NULL)) < 0)
		return "a DTSTART without a zone the file defines";
	e->recurrence = -1;
	if ((p = icalcomponent_get_first_property(ev,
	                                          ICAL_RECURRENCEID_PROPERTY)))
		e->recurrence = lic_instant(
		        cal, p, icalproperty_get_recurrenceid(p), NULL);
	lic_series(e, cal, ev, start, from, to);
	lic_alarms(e, ev);
	return NULL;
}

int
cal_read_libical(struct cal_read *out, const char **why, const char *text,
                 int64_t from, int64_t to)
{
	icalcomponent *cal = icalparser_parse_string(text), *ev;
	size_t n = 0;

	memset(out, 0, sizeof(*out));
	*why = NULL;
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		*why = "not a VCALENDAR";
		goto out;
	}
	if ((*why = lic_error(cal)))
		goto out;
	n = (size_t)icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
	out->v = t_keep(calloc(n + 1, sizeof(*out->v)));
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     ev && !*why;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		*why = lic_event(&out->v[out->n++], cal, ev, from, to);
out:
	if (cal)
		icalcomponent_free(cal);
	return *why ? -1 : 0;
}

/* ---- Python's icalendar ---- */

/* Prints the events as JSON; exits 3 when a module is missing. A series
 * is expanded on its wall clock, each start then placed in its zone (as
 * pytz wants: localize, never the zone of the first start), until its
 * UNTIL, an instant in UTC (RFC 5545 3.3.10), which dateutil refuses
 * beside a wall-clock start, so it is compared here. */
static const char python_reader[] =
        "import sys, json, datetime\n"
        "try:\n"
        "    import icalendar, pytz\n"
        "    from dateutil import rrule\n"
        "except ImportError:\n"
        "    sys.exit(3)\n"
        "def epoch(dt):\n"
        "    if not isinstance(dt, datetime.datetime) or dt.tzinfo is None:\n"
        "        raise ValueError('not an instant: %r' % (dt,))\n"
        "    return int(dt.timestamp())\n"
        "def lists(v):\n"
        "    return [] if v is None else v if isinstance(v, list) else [v]\n"
        "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
        "lo, hi = int(sys.argv[2]), int(sys.argv[3])\n"
        "out = []\n"
        "for c in cal.walk('VEVENT'):\n"
        "    start = c.decoded('DTSTART')\n"
        "    e = {'uid': str(c['UID']), 'status': str(c.get('STATUS', '')),\n"
        "         'sequence': int(c.get('SEQUENCE', 0)),\n"
        "         'start': epoch(start), 'recurrence': -1,\n"
        "         'summary': str(c.get('SUMMARY', '')),\n"
        "         'description': str(c.get('DESCRIPTION', '')),\n"
        "         'exdates': [epoch(d.dt) for l in lists(c.get('EXDATE'))\n"
        "                     for d in l.dts],\n"
        "         'alarms': [-int(a.decoded('TRIGGER').total_seconds())\n"
        "                    for a in c.walk('VALARM')],\n"
        "         'rrule': 'RRULE' in c, 'occurrences': []}\n"
        "    if 'RECURRENCE-ID' in c:\n"
        "        e['recurrence'] = epoch(c.decoded('RECURRENCE-ID'))\n"
        "    if 'RRULE' in c:\n"
        "        zone = pytz.timezone(start.tzinfo.zone)\n"
        "        r = c['RRULE']\n"
        "        until = r.pop('UNTIL', None)\n"
        "        stop = epoch(until[0]) if until else hi\n"
        "        rule = rrule.rrulestr(r.to_ical().decode(),\n"
        "                              dtstart=start.replace(tzinfo=None))\n"
        "        for occ in rule:\n"
        "            t = epoch(zone.localize(occ))\n"
        "            if t >= hi or t > stop:\n"
        "                break\n"
        "            if t >= lo:\n"
        "                e['occurrences'].append(t)\n"
        "    out.append(e)\n"
        "json.dump(out, sys.stdout)\n";

/* A python3 that has icalendar: the one on the PATH, else Debian's own
 * (a PATH may lead to another Python, pyenv's say). NULL if none. */
static const char *
python_with_icalendar(void)
{
	static const char *const candidates[] = {"python3", "/usr/bin/python3"};
	char cmd[256];

	for (size_t i = 0; i < 2; i++) {
		snprintf(cmd, sizeof(cmd),
		         "%s -c 'import icalendar, pytz, dateutil' "
		         ">/dev/null 2>&1",
		         candidates[i]);
		if (system(cmd) == 0)
			return candidates[i];
	}
	return NULL;
}

static void
py_instants(int64_t *v, size_t *n, size_t max, json_t *a)
{
	size_t i;
	json_t *x;

	json_array_foreach (a, i, x) {
		if (*n < max)
			v[(*n)++] = json_integer_value(x);
	}
}

static void
py_event(struct cal_event *e, json_t *o)
{
	memset(e, 0, sizeof(*e));
	e->uid = keep_str(json_string_value(json_object_get(o, "uid")));
	e->status = keep_str(json_string_value(json_object_get(o, "status")));
	e->summary = keep_str(json_string_value(json_object_get(o, "summary")));
	e->description =
	        keep_str(json_string_value(json_object_get(o, "description")));
	e->sequence = (int)json_integer_value(json_object_get(o, "sequence"));
	e->start = json_integer_value(json_object_get(o, "start"));
	e->recurrence = json_integer_value(json_object_get(o, "recurrence"));
	e->rrule = json_is_true(json_object_get(o, "rrule"));
	py_instants(e->exdates, &e->nexdates, 64,
	            json_object_get(o, "exdates"));
	py_instants(e->alarms, &e->nalarms, 8, json_object_get(o, "alarms"));
	py_instants(e->occurrences, &e->noccurrences, 64,
	            json_object_get(o, "occurrences"));
}

int
cal_read_python(struct cal_read *out, const char **why, const char *path,
                int64_t from, int64_t to)
{
	const char *py = python_with_icalendar(), *script;
	char cmd[4096], *text;
	json_t *doc, *o;
	size_t i;

	memset(out, 0, sizeof(*out));
	*why = NULL;
	if (!py) {
		t_skip("Python's icalendar is not installed "
		       "(Debian: python3-icalendar)");
		return 1;
	}
	if (!(script = t_write_file("read_ics.py", python_reader)))
		return *why = "cannot write the reader", -1;
	snprintf(cmd, sizeof(cmd), "%s '%s' '%s' %lld %lld 2>'%s'", py, script,
	         path, (long long)from, (long long)to, t_path("python.err"));
	if (!(text = t_shell_output(cmd))) {
		*why = t_read_file(t_path("python.err"), NULL);
		if (!*why)
			*why = "python failed";
		return -1;
	}
	if (!(doc = json_loads(text, 0, NULL)) || !json_is_array(doc)) {
		json_decref(doc);
		return *why = "python printed no JSON", -1;
	}
	out->v = t_keep(calloc(json_array_size(doc) + 1, sizeof(*out->v)));
	json_array_foreach (doc, i, o) {
		py_event(&out->v[out->n++], o);
	}
	json_decref(doc);
	return 0;
}

const struct cal_event *
cal_find(const struct cal_read *r, const char *uid, int64_t recurrence)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].uid, uid) &&
		    r->v[i].recurrence == recurrence)
			return &r->v[i];
	return NULL;
}

const struct cal_event *
cal_find_summary(const struct cal_read *r, const char *prefix)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strncmp(r->v[i].summary, prefix, strlen(prefix)))
			return &r->v[i];
	return NULL;
}

const char *
cal_lines_check(const char *text)
{
	static char why[160];
	const char *p = text, *end;
	int line = 1;

	for (; *p; p = end + 2, line++) {
		if (!(end = strstr(p, "\r\n")))
			return "the last line does not end in CRLF";
		if (end - p > 75) {
			snprintf(why, sizeof(why), "line %d has %d octets",
			         line, (int)(end - p));
			return why;
		}
		for (const char *c = p; c < end; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7f) {
				snprintf(why, sizeof(why),
				         "line %d has the control byte 0x%02x",
				         line, (unsigned char)*c);
				return why;
			}
		if (!gv_utf8_valid(p, (size_t)(end - p))) {
			snprintf(why, sizeof(why),
			         "line %d is not UTF-8 on its own", line);
			return why;
		}
	}
	return NULL;
}

int64_t
cal_iso(const char *iso)
{
	int y, mo, d, h, mi, s;

	if (!iso ||
	    sscanf(iso, "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &s) != 6)
		return -1;
	return gv_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
	       h * 3600 + mi * 60 + s;
}

int
cal_written(struct cal_read *r, const char *now, const char *name, int64_t from,
            int64_t to,
            int (*alike)(const struct cal_event *a, const struct cal_event *b))
{
	struct cal_read py;
	const char *why = NULL, *text;

	if (t_gavel(t_env(now, "chair"), "calendar", "-o", name, NULL)
	                    ->status != 0 ||
	    !(text = t_read_file(t_path(name), NULL))) {
		t_fail(__FILE__, __LINE__, "%s: gavel calendar failed", name);
		return 0;
	}
	if ((why = cal_lines_check(text)) ||
	    cal_read_libical(r, &why, text, from, to) < 0) {
		t_fail(__FILE__, __LINE__, "%s: %s", name, why);
		return 0;
	}
	if (cal_read_python(&py, &why, t_path(name), from, to) > 0)
		return 1;
	if (why) {
		t_fail(__FILE__, __LINE__, "python: %s", why);
		return 0;
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct cal_event *a = &r->v[i],
		                       *b = cal_find(&py, a->uid,
		                                     a->recurrence);

		if (!b || !alike(a, b)) {
			t_fail(__FILE__, __LINE__, "python reads %s otherwise",
			       a->uid);
			return 0;
		}
	}
	return 1;
}
