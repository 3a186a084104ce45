/* SPDX-License-Identifier: MIT */
/*
 * This file declares the roster: bodies (the Forum and its working groups),
 * organisations with their class and status in each body over time
 * (RULES §1), and people with the bodies they are voting representatives in.
 */
#ifndef GV_ROSTER_H
#define GV_ROSTER_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

/* Member classes, BYL 2.1, 3.1-3.3 (RULES §1). */
enum gv_class {
	GV_CLASS_ISSUER,       /* Voting Member, Certificate Issuer */
	GV_CLASS_CONSUMER,     /* Voting Member, Certificate Consumer */
	GV_CLASS_PROBATIONARY, /* no vote yet (BYL 3.3) */
	GV_CLASS_ASSOCIATE,    /* no vote (BYL 3.1) */
	GV_CLASS_INTERESTED,   /* Interested Party, no vote (BYL 3.2) */
	GV_CLASS_UNKNOWN,      /* met in imported minutes, not yet classed */
};

enum gv_status {
	GV_STATUS_ACTIVE,
	GV_STATUS_SUSPENDED, /* SMC-CH 3.2.3: no vote while suspended */
};

/* The class's name ("issuer"), and back: 0 or GV_EINVALID. */
const char *gv_class_name(enum gv_class klass);
int gv_class_parse(enum gv_class *out, const char *name);
/* Nonzero for the classes whose members vote (issuer, consumer). */
int gv_class_votes(enum gv_class klass);

const char *gv_status_name(enum gv_status status);
int gv_status_parse(enum gv_status *out, const char *name);

/* What gv_body_add needs; NULL or 0 fields take the defaults. */
struct gv_body_spec {
	const char *code;       /* SMCWG: letters, digits, '-' */
	const char *name;       /* S/MIME Certificate Working Group */
	const char *prefix;     /* ballot prefix; default: code without "WG" */
	int id_width;           /* digits of a ballot number; default 3 */
	const char *tz;         /* zone of its meetings; default UTC */
	const char *list_addr;  /* public mailing list, or NULL */
	int cadence_weeks;      /* calls every N weeks; 0: none */
	int cadence_weekday;    /* 0 = Sunday .. 6 = Saturday */
	int cadence_minute;     /* local minute of the day (11:00 = 660) */
	int64_t cadence_anchor; /* a day with a call, days since 1970-01-01 */
	const char *tag;        /* website tag ("S/MIME"), or NULL */
};

struct gv_body {
	int64_t id;
	char *code;
	char *name;
	char *prefix;
	int id_width;
	char *tz;
	char *list_addr;   /* or NULL */
	int cadence_weeks; /* 0: no regular calls */
	int cadence_weekday;
	int cadence_minute;
	int64_t cadence_anchor;
	char *quorum_rule;   /* RULES §5.3 reading: bylaws, average, ... */
	char *consumer_rule; /* RULES §5.2 reading: majority, half-plus-one */
	int vote_end_inclusive; /* RULES §4 boundary reading */
	char *business_days;    /* RULES §4: mon-fri */
	char *templates;        /* its own template folder, or NULL */
	char *tag;              /* its website tag ("S/MIME"), or NULL */
	char *quorum_at;        /* RULES §5.3: vote-start or vote-end */
	int min_meetings;       /* meetings before any adoption (SMC-CH) */
	int require_signed;     /* sync accepts only signed operations */
	char *allowed_signers;  /* git's allowed-signers text, or NULL */
	int voting_members;     /* active issuers + consumers (lists only) */
	int members;            /* every current membership (lists only) */
};

struct gv_body_list {
	struct gv_body *v;
	size_t n;
};

/*
 * Adds a body. Returns 0 (its id in *id_out, which may be NULL),
 * GV_EEXISTS or GV_EINVALID.
 */
int gv_body_add(int64_t *id_out, struct gv_db *db,
                const struct gv_body_spec *spec);

/* What gv_body_set changes: NULL fields stay as they are. */
struct gv_body_change {
	const char *name;
	const char *tz;
	const char *list_addr;
	const char *templates; /* an existing folder; stored as a full path */
	const char *tag;     /* website tag: "S/MIME", "Server Certificates" */
	const char *cadence; /* "every 2 weeks on Wednesday at 11:00 from
	                        2024-12-04", or "none" */
	int require_signed;  /* 1: require signed operations, -1: no
	                        longer, 0: as it is */
	const char *allowed_signers; /* git's allowed-signers text, or NULL */
	/* The readings the rules leave open (RULES §4, §5.2, §5.3): */
	const char *quorum_rule;   /* bylaws, average or half-average */
	const char *consumer_rule; /* majority or half-plus-one */
	const char *vote_end;      /* exclusive: [start, end); inclusive */
	const char *quorum_at;     /* vote-start or vote-end */
	const char *min_meetings;  /* held meetings before any adoption, as
	                              a number ("0": none) */
};

/* Changes a body's settings. Returns 0, GV_ENOTFOUND or GV_EINVALID
 * (naming the values a setting takes). */
int gv_body_set(struct gv_db *db, const char *code,
                const struct gv_body_change *change);

/*
 * Finds a body by code, in any letter case. Returns 0, or GV_ENOTFOUND
 * naming the known codes. Caller disposes *out with gv_body_dispose().
 */
int gv_body_get(struct gv_body *out, struct gv_db *db, const char *code);
void gv_body_dispose(struct gv_body *body);

/* Every body, by code. Caller frees *out with gv_body_list_free(). */
int gv_body_list(struct gv_body_list **out, struct gv_db *db);
void gv_body_list_free(struct gv_body_list *list);

struct gv_org {
	int64_t id;
	char *name;
	char *body; /* code of the body of this membership, or NULL */
	enum gv_class klass;
	enum gv_status status;
	int64_t since; /* membership in force since; -1 without one */
	int reps;      /* its voting representatives in that body */
	int people;    /* people of the organisation */
};

struct gv_org_list {
	struct gv_org *v;
	size_t n;
};

struct gv_org_filter {
	const char *body; /* a body's code, or NULL for all */
	int klass;        /* an enum gv_class, or -1 for all */
};

/*
 * Adds an organisation (if new) and, when body is not NULL, its membership
 * of that body with the given class, active from since. Names match without
 * regard to case and accents. Returns 0 (the org's id in *id_out, may be
 * NULL), GV_EEXISTS (already a member of that body, or already known when
 * body is NULL), GV_ENOTFOUND (body) or GV_EINVALID (name).
 */
int gv_org_add(int64_t *id_out, struct gv_db *db, const char *name,
               const char *body, enum gv_class klass, int64_t since);

/*
 * Changes an organisation's class and/or status in a body from since on
 * (-1: now); the previous membership row is closed, so history stays
 * queryable. klass and status of -1 keep the current value. The class of
 * an organisation known only from imported minutes holds from the start
 * when since is -1, from since when given. Returns 0, GV_ENOTFOUND or
 * GV_EINVALID (nothing to change, or since before the current row).
 */
int gv_org_set(struct gv_db *db, const char *name, const char *body, int klass,
               int status, int64_t since);

/* Finds an organisation's id by name (case- and accent-insensitive). */
int gv_org_find(int64_t *id_out, struct gv_db *db, const char *name);

/*
 * Organisations with their current memberships: one row per membership,
 * and one with body NULL for an organisation in no body (when no body is
 * filtered). Ordered by body, class, name. Caller frees with
 * gv_org_list_free().
 */
int gv_org_list(struct gv_org_list **out, struct gv_db *db,
                const struct gv_org_filter *filter);
void gv_org_list_free(struct gv_org_list *list);

struct gv_person_spec {
	const char *name;     /* as minutes write it: "Iñigo Barreira" */
	const char *org;      /* an existing organisation, or NULL */
	const char *email;    /* or NULL */
	const char *rep_body; /* voting representative in this body, or NULL */
};

/* One organisation of a person's history. */
struct gv_affiliation {
	char *org;
	int64_t since;  /* the first meeting that showed them there, or when
	                   it was entered by hand (from_start) */
	int64_t until;  /* the next one's since, or -1: now */
	int from_start; /* entered by hand: may have held before since too */
};

struct gv_person {
	int64_t id;
	char *name;
	char *org;    /* now, or NULL */
	char *email;  /* the first address given, or NULL */
	char *emails; /* every address, comma-separated, or NULL */
	char *reps;   /* comma-separated codes of the bodies, or NULL */
	struct gv_affiliation *history; /* by since; the last is org */
	size_t nhistory;
	int meetings;         /* attended */
	int64_t last_meeting; /* the start of the last one, or -1 */
};

struct gv_person_list {
	struct gv_person *v;
	size_t n;
};

struct gv_person_filter {
	const char *org;  /* NULL for all */
	const char *body; /* people of the body's member organisations */
	int reps_only;    /* only voting representatives (of body, if set) */
	const char *name; /* people of this name (any case, accents), or NULL */
};

/*
 * Adds a person. A representative's organisation must be a voting member
 * (issuer or consumer) of that body (BYL 2.3(2)). Returns 0 (id in
 * *id_out, may be NULL), GV_EEXISTS, GV_ENOTFOUND (org, body) or
 * GV_EINVALID.
 */
int gv_person_add(int64_t *id_out, struct gv_db *db,
                  const struct gv_person_spec *spec);

/*
 * Sets the e-mail address of the person who is who ("Name", or "Name
 * (Organisation)" when several share the name); "" or NULL clears it.
 * The address a notice is sent from (gavel ballot notice --send); it
 * replaces the old one among the person's addresses (votes from the list
 * are matched by the new one, not the old), and the others added with
 * gv_person_email_add() stay. Returns
 * 0, GV_ENOTFOUND, GV_ECONFLICT (several people of that name) or
 * GV_EINVALID (not an address).
 */
int gv_person_set_email(struct gv_db *db, const char *who, const char *email);

/*
 * Makes the person who ("Name" or "Name (Organisation)") a voting
 * representative of their organisation in the body from since (rep set),
 * or ends their term there at since (rep 0). Only a voting member's
 * people represent it (BYL 2.3(2)); a vote they send after their term
 * ends is not theirs to cast, and one before a later term begins neither
 * (a first term also covers what they sent before it was entered, as
 * gv_person_add's --rep does). Returns 0, GV_ENOTFOUND (no such person,
 * body, or term to end), GV_ECONFLICT (namesakes), GV_EEXISTS (one
 * already) or GV_EINVALID (an organisation without a vote there, or a
 * time inside another term).
 */
int gv_person_set_rep(struct gv_db *db, const char *who, const char *body_code,
                      int rep, int64_t since);

/*
 * Gives a person one more e-mail address (votes read from the list's
 * archive are matched by any of them). org picks between namesakes; NULL
 * when the name is one person's. An address is one person's. Returns 0,
 * GV_ENOTFOUND, GV_EEXISTS (already theirs or another's), GV_ECONFLICT
 * (namesakes: say which with org) or GV_EINVALID (not an address).
 */
int gv_person_email_add(struct gv_db *db, const char *name, const char *org,
                        const char *email);

/* People by name, each with their affiliations over time. Caller frees
 * *out with gv_person_list_free(). */
int gv_person_list(struct gv_person_list **out, struct gv_db *db,
                   const struct gv_person_filter *filter);
void gv_person_list_free(struct gv_person_list *list);

#endif
