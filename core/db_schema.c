/* SPDX-License-Identifier: MIT */
/*
 * This file holds the store's migrations. Entry i takes PRAGMA user_version
 * i to i+1 and runs in its own transaction (core/db.c). Append-only: a
 * shipped entry is never edited, a change is a new entry.
 *
 * Conventions: STRICT tables; instants are INTEGER seconds UTC; names carry
 * a "fold" column (gv_text_fold: case and accents removed) that uniqueness
 * and matching use; enumerations are CHECKed text.
 */
#include "db.h"

static const char schema_v1[] =
        /* A Forum or working group and the rule readings it uses. */
        "CREATE TABLE body ("
        " id INTEGER PRIMARY KEY,"
        " code TEXT NOT NULL,"
        " fold TEXT NOT NULL UNIQUE,"
        " name TEXT NOT NULL,"
        " prefix TEXT NOT NULL,"
        " id_width INTEGER NOT NULL DEFAULT 3 CHECK (id_width BETWEEN 1 AND 6),"
        " tz TEXT NOT NULL DEFAULT 'UTC',"
        " list_addr TEXT,"
        /* Cadence: every N weeks on a weekday (0 = Sunday) at a local
         * minute of the day, counted from the anchor date (days since
         * 1970-01-01). NULL weeks: no regular calls. */
        " cadence_weeks INTEGER CHECK (cadence_weeks > 0),"
        " cadence_weekday INTEGER CHECK (cadence_weekday BETWEEN 0 AND 6),"
        " cadence_minute INTEGER CHECK (cadence_minute BETWEEN 0 AND 1439),"
        " cadence_anchor INTEGER,"
        /* RULES §5.3, §5.2, §4: readings marked [INTERP]/[UNCONFIRMED]. */
        " quorum_rule TEXT NOT NULL DEFAULT 'bylaws'"
        "  CHECK (quorum_rule IN ('bylaws', 'average', 'half-average')),"
        " consumer_rule TEXT NOT NULL DEFAULT 'majority'"
        "  CHECK (consumer_rule IN ('majority', 'half-plus-one')),"
        " vote_end_inclusive INTEGER NOT NULL DEFAULT 0"
        "  CHECK (vote_end_inclusive IN (0, 1)),"
        " business_days TEXT NOT NULL DEFAULT 'mon-fri',"
        " created_at INTEGER NOT NULL"
        ") STRICT;"

        "CREATE TABLE holiday ("
        " body INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,"
        " day INTEGER NOT NULL," /* days since 1970-01-01 */
        " name TEXT,"
        " PRIMARY KEY (body, day)"
        ") STRICT;"

        "CREATE TABLE org ("
        " id INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " fold TEXT NOT NULL UNIQUE,"
        " url TEXT,"
        " created_at INTEGER NOT NULL"
        ") STRICT;"

        /* Class and status per body over time: the row in force at t has
         * since <= t < until (until NULL: still in force). */
        "CREATE TABLE membership ("
        " id INTEGER PRIMARY KEY,"
        " org INTEGER NOT NULL REFERENCES org(id),"
        " body INTEGER NOT NULL REFERENCES body(id),"
        " class TEXT NOT NULL CHECK (class IN ('issuer', 'consumer',"
        "  'associate', 'interested', 'probationary', 'unknown')),"
        " status TEXT NOT NULL DEFAULT 'active'"
        "  CHECK (status IN ('active', 'suspended')),"
        " since INTEGER NOT NULL,"
        " until INTEGER,"
        " CHECK (until IS NULL OR until >= since)"
        ") STRICT;"
        "CREATE UNIQUE INDEX membership_current ON membership(org, body)"
        " WHERE until IS NULL;"
        "CREATE INDEX membership_body ON membership(body, class);"

        "CREATE TABLE person ("
        " id INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " fold TEXT NOT NULL,"
        " org INTEGER REFERENCES org(id),"
        " email TEXT,"
        " created_at INTEGER NOT NULL"
        ") STRICT;"
        "CREATE UNIQUE INDEX person_name ON person(fold, ifnull(org, 0));"

        /* Voting representatives (BYL 2.3(2)). */
        "CREATE TABLE rep ("
        " person INTEGER NOT NULL REFERENCES person(id),"
        " body INTEGER NOT NULL REFERENCES body(id),"
        " since INTEGER NOT NULL,"
        " until INTEGER,"
        " PRIMARY KEY (person, body, since)"
        ") STRICT;"

        "CREATE TABLE meeting ("
        " id INTEGER PRIMARY KEY,"
        " body INTEGER NOT NULL REFERENCES body(id),"
        " starts_at INTEGER NOT NULL,"
        " tz TEXT NOT NULL,"
        " kind TEXT NOT NULL DEFAULT 'call' CHECK (kind IN ('call', 'f2f')),"
        " status TEXT NOT NULL DEFAULT 'scheduled'"
        "  CHECK (status IN ('scheduled', 'held', 'cancelled')),"
        " cancel_reason TEXT,"
        " title TEXT,"
        " location TEXT,"
        " minute_taker INTEGER REFERENCES person(id),"
        " minutes_md TEXT,"
        " minutes_state TEXT NOT NULL DEFAULT 'draft'"
        "  CHECK (minutes_state IN ('draft', 'approved', 'final')),"
        " approved_at INTEGER,"
        " approved_in INTEGER REFERENCES meeting(id),"
        " source TEXT," /* where an imported meeting came from */
        " created_at INTEGER NOT NULL"
        ") STRICT;"
        "CREATE INDEX meeting_body ON meeting(body, starts_at);"

        /* org is the organisation the person attended for, as of that day. */
        "CREATE TABLE attendance ("
        " meeting INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
        " person INTEGER NOT NULL REFERENCES person(id),"
        " org INTEGER REFERENCES org(id),"
        " PRIMARY KEY (meeting, person)"
        ") STRICT;"

        "CREATE TABLE agenda_item ("
        " id INTEGER PRIMARY KEY,"
        " meeting INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
        " pos INTEGER NOT NULL,"
        " title TEXT NOT NULL,"
        " notes_md TEXT,"
        " UNIQUE (meeting, pos)"
        ") STRICT;"

        "CREATE TABLE issue ("
        " id INTEGER PRIMARY KEY,"
        " body INTEGER NOT NULL REFERENCES body(id),"
        " number INTEGER NOT NULL,"
        " title TEXT NOT NULL,"
        " state TEXT NOT NULL DEFAULT 'open'"
        "  CHECK (state IN ('open', 'closed')),"
        " url TEXT,"
        " body_md TEXT,"
        " assignee TEXT,"
        " author TEXT,"
        " created_at INTEGER NOT NULL,"
        " updated_at INTEGER NOT NULL,"
        " closed_at INTEGER,"
        " UNIQUE (body, number)"
        ") STRICT;"

        "CREATE TABLE issue_label ("
        " issue INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,"
        " label TEXT NOT NULL,"
        " PRIMARY KEY (issue, label)"
        ") STRICT;"

        /* source: 'local', or where an imported note came from. */
        "CREATE TABLE issue_note ("
        " id INTEGER PRIMARY KEY,"
        " issue INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,"
        " meeting INTEGER REFERENCES meeting(id),"
        " at INTEGER NOT NULL,"
        " author TEXT,"
        " body_md TEXT NOT NULL,"
        " source TEXT NOT NULL DEFAULT 'local',"
        " upstream_id TEXT"
        ") STRICT;"

        "CREATE TABLE ballot ("
        " id INTEGER PRIMARY KEY,"
        " body INTEGER NOT NULL REFERENCES body(id),"
        " number INTEGER NOT NULL,"
        " title TEXT NOT NULL,"
        " kind TEXT NOT NULL CHECK (kind IN ('fg', 'fmg', 'other')),"
        " state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft',"
        "  'discussion', 'voting', 'withdrawn', 'closed', 'passed', 'failed',"
        "  'expired', 'ipr_review', 'adopted', 'rescinded', 'second_vote',"
        "  'cancelled')),"
        " proposer INTEGER REFERENCES org(id),"
        " proposer_person INTEGER REFERENCES person(id),"
        " purpose_md TEXT,"
        /* The instants each lifecycle step recorded (RULES §3, §4). */
        " discussion_ends_at INTEGER,"
        " vote_starts_at INTEGER,"
        " vote_ends_at INTEGER,"
        " results_at INTEGER,"
        " review_starts_at INTEGER,"
        " review_ends_at INTEGER,"
        " adopted_at INTEGER,"
        " published_at INTEGER,"
        " created_at INTEGER NOT NULL,"
        " UNIQUE (body, number)"
        ") STRICT;"

        "CREATE TABLE ballot_version ("
        " id INTEGER PRIMARY KEY,"
        " ballot INTEGER NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,"
        " n INTEGER NOT NULL,"
        " posted_at INTEGER NOT NULL,"
        " repo TEXT,"
        " base_oid TEXT,"
        " head_oid TEXT,"
        " url TEXT,"
        " text_md TEXT,"
        " hash TEXT,"
        " UNIQUE (ballot, n)"
        ") STRICT;"

        "CREATE TABLE endorsement ("
        " ballot INTEGER NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,"
        " org INTEGER NOT NULL REFERENCES org(id),"
        " person INTEGER REFERENCES person(id),"
        " at INTEGER NOT NULL,"
        " PRIMARY KEY (ballot, org)"
        ") STRICT;"

        /* Every vote is kept; invalid ones with the reason (RULES §5.1). */
        "CREATE TABLE vote ("
        " id INTEGER PRIMARY KEY,"
        " ballot INTEGER NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,"
        " org INTEGER NOT NULL REFERENCES org(id),"
        " person INTEGER REFERENCES person(id),"
        " value TEXT NOT NULL CHECK (value IN ('yes', 'no', 'abstain')),"
        " cast_at INTEGER NOT NULL,"
        " source TEXT,"
        " valid INTEGER NOT NULL CHECK (valid IN (0, 1)),"
        " reason TEXT,"
        " recorded_at INTEGER NOT NULL"
        ") STRICT;"
        "CREATE INDEX vote_ballot ON vote(ballot, org, cast_at);"

        "CREATE TABLE exclusion_notice ("
        " id INTEGER PRIMARY KEY,"
        " ballot INTEGER NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,"
        " org INTEGER NOT NULL REFERENCES org(id),"
        " received_at INTEGER NOT NULL,"
        " sections TEXT,"
        " patents TEXT,"
        " body_md TEXT"
        ") STRICT;"

        "CREATE TABLE review_note ("
        " id INTEGER PRIMARY KEY,"
        " version INTEGER NOT NULL REFERENCES ballot_version(id)"
        "  ON DELETE CASCADE,"
        " path TEXT NOT NULL,"
        " line INTEGER NOT NULL,"
        " line_hash TEXT NOT NULL,"
        " author TEXT,"
        " body_md TEXT NOT NULL,"
        " created_at INTEGER NOT NULL"
        ") STRICT;"

        /* What an agenda item is about: one issue or one ballot a row. */
        "CREATE TABLE agenda_link ("
        " item INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,"
        " issue INTEGER REFERENCES issue(id),"
        " ballot INTEGER REFERENCES ballot(id),"
        " CHECK ((issue IS NULL) <> (ballot IS NULL))"
        ") STRICT;"

        /* Append-only log of every change: the audit trail, later the unit
         * of member-to-member sync. detail is a JSON object. */
        "CREATE TABLE event ("
        " id INTEGER PRIMARY KEY,"
        " at INTEGER NOT NULL,"
        " actor TEXT NOT NULL,"
        " body INTEGER REFERENCES body(id),"
        " kind TEXT NOT NULL,"
        " subject TEXT NOT NULL,"
        " detail TEXT NOT NULL DEFAULT '{}'"
        ") STRICT;"
        "CREATE TRIGGER event_append_only_u BEFORE UPDATE ON event"
        " BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
        "CREATE TRIGGER event_append_only_d BEFORE DELETE ON event"
        " BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;";

/* v2: a body's own template folder (the search path's second place). */
static const char schema_v2[] = "ALTER TABLE body ADD COLUMN templates TEXT;";

/*
 * v3: meetings. A body's website tag ("S/MIME"), the subcommittee a meeting
 * belongs to (its meetings do not count for quorum: SMC-CH 5.1, SC-CH 6),
 * when draft minutes were circulated (the 3-week rule, BYL 5.1(1)), and a
 * role for the agenda items the minutes fill in (roll call, approval, ...).
 */
static const char schema_v3[] =
        "ALTER TABLE body ADD COLUMN tag TEXT;"
        "ALTER TABLE meeting ADD COLUMN subcommittee TEXT;"
        "ALTER TABLE meeting ADD COLUMN drafted_at INTEGER;"
        "ALTER TABLE agenda_item ADD COLUMN role TEXT;"
        "CREATE INDEX attendance_person ON attendance(person);"
        "CREATE INDEX agenda_link_issue ON agenda_link(issue);"
        "CREATE INDEX agenda_link_ballot ON agenda_link(ballot);";

/*
 * v4: the ballot engine. When the proposal opened discussion, a withdrawal
 * or cancellation, the result fixed at the close with the meetings its
 * quorum used (RULES §5.3: store them), a quorum as published for ballots
 * from before the tracker's roll calls; and two per-body readings: when
 * quorum is measured ([UNCONFIRMED]: vote start, practice) and the
 * meetings a charter wants before any adoption (SMC-CH 5.1: three).
 */
static const char schema_v4[] =
        "ALTER TABLE ballot ADD COLUMN proposed_at INTEGER;"
        "ALTER TABLE ballot ADD COLUMN withdrawn_at INTEGER;"
        "ALTER TABLE ballot ADD COLUMN cancelled_at INTEGER;"
        "ALTER TABLE ballot ADD COLUMN result TEXT"
        " CHECK (result IN ('passed', 'failed', 'invalid'));"
        "ALTER TABLE ballot ADD COLUMN quorum_published INTEGER;"
        "ALTER TABLE ballot ADD COLUMN quorum_source TEXT;"
        "CREATE TABLE ballot_quorum ("
        " ballot INTEGER NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,"
        " meeting INTEGER NOT NULL REFERENCES meeting(id),"
        " present INTEGER NOT NULL,"
        " PRIMARY KEY (ballot, meeting)"
        ") STRICT;"
        "ALTER TABLE body ADD COLUMN quorum_at TEXT NOT NULL"
        " DEFAULT 'vote-start' CHECK (quorum_at IN ('vote-start', 'vote-end'));"
        "ALTER TABLE body ADD COLUMN min_meetings INTEGER NOT NULL DEFAULT 0;";

/*
 * v5: redlines pinned to ballot versions. The blob ids of each file the
 * range changes, so the redline can be rebuilt and checked against what
 * was voted (issue 6).
 */
static const char schema_v5[] =
        "CREATE TABLE ballot_version_file ("
        " version INTEGER NOT NULL REFERENCES ballot_version(id)"
        "  ON DELETE CASCADE,"
        " path TEXT NOT NULL,"
        " base_blob TEXT,"
        " head_blob TEXT,"
        " PRIMARY KEY (version, path)"
        ") STRICT;";

/*
 * v6: the issue list (issue 7).
 * - issue_link: the timeline's links. A meeting that discussed the issue,
 *   a ballot (resolves: the ballot that settles it), or a draft redline
 *   (a compare link as cited in minutes, with the full commit ids when it
 *   was resolved against a clone).
 * - Labels and issues remember what came from GitHub, so a re-import
 *   replaces the upstream labels and keeps the local ones; an imported
 *   comment is found again by its upstream id.
 * - issue_fts: full-text search over title, body and notes, one row per
 *   issue (rowid = issue.id). It keeps its own copy of the text, so a row
 *   is replaced by rowid; core rewrites an issue's row in the same
 *   transaction as any change to the issue or its notes (core/issue.c).
 */
static const char schema_v6[] =
        "CREATE TABLE issue_link ("
        " id INTEGER PRIMARY KEY,"
        " issue INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,"
        " at INTEGER NOT NULL,"
        " author TEXT,"
        " kind TEXT NOT NULL CHECK (kind IN ('meeting', 'ballot', 'draft')),"
        " meeting INTEGER REFERENCES meeting(id),"
        " ballot INTEGER REFERENCES ballot(id),"
        " resolves INTEGER NOT NULL DEFAULT 0 CHECK (resolves IN (0, 1)),"
        " url TEXT,"
        " repo TEXT,"
        " base TEXT,"
        " head TEXT,"
        " CHECK ((kind = 'meeting') = (meeting IS NOT NULL)),"
        " CHECK ((kind = 'ballot') = (ballot IS NOT NULL)),"
        " CHECK ((kind = 'draft') = (base IS NOT NULL AND head IS NOT NULL)),"
        " UNIQUE (issue, meeting),"
        " UNIQUE (issue, ballot),"
        " UNIQUE (issue, base, head)"
        ") STRICT;"
        "CREATE INDEX issue_link_meeting ON issue_link(meeting);"
        "CREATE INDEX issue_link_ballot ON issue_link(ballot);"
        "ALTER TABLE issue ADD COLUMN imported_at INTEGER;"
        "ALTER TABLE issue_label ADD COLUMN source TEXT NOT NULL"
        " DEFAULT 'local';"
        "CREATE INDEX issue_note_issue ON issue_note(issue, at);"
        "CREATE UNIQUE INDEX issue_note_upstream ON issue_note(issue,"
        " upstream_id) WHERE upstream_id IS NOT NULL;"
        "CREATE INDEX issue_body_state ON issue(body, state, number);"
        "CREATE VIRTUAL TABLE issue_fts USING fts5(title, body, notes,"
        " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
        "INSERT INTO issue_fts (rowid, title, body, notes)"
        " SELECT i.id, i.title, coalesce(i.body_md, ''),"
        " coalesce((SELECT group_concat(n.body_md, char(10)) FROM issue_note n"
        " WHERE n.issue = i.id), '') FROM issue i;";

/*
 * v7: affiliations over time (issue 14). A person who moves between
 * organisations stays one person; each row is one organisation from since
 * (the start of the first meeting that showed them there, or when it was
 * entered by hand, from_start = 1: it may have held before) to until, the
 * next row's since (NULL: the current one, which person.org keeps for the
 * reads that want "now"). attendance.org stays what it was at each meeting.
 * People already stored keep their organisation, as entered by hand.
 */
static const char schema_v7[] =
        "CREATE TABLE affiliation ("
        " id INTEGER PRIMARY KEY,"
        " person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
        " org INTEGER NOT NULL REFERENCES org(id),"
        " since INTEGER NOT NULL,"
        " until INTEGER,"
        " from_start INTEGER NOT NULL DEFAULT 0 CHECK (from_start IN (0, 1)),"
        " CHECK (until IS NULL OR until >= since)"
        ") STRICT;"
        "CREATE INDEX affiliation_person ON affiliation(person, since);"
        "CREATE UNIQUE INDEX affiliation_current ON affiliation(person)"
        " WHERE until IS NULL;"
        "CREATE INDEX affiliation_org ON affiliation(org);"
        "INSERT INTO affiliation (person, org, since, from_start)"
        " SELECT id, org, created_at, 1 FROM person WHERE org IS NOT NULL;";

/*
 * v8: the operation log (issue 17). Every change is an operation; the
 * other tables are derived from op, applied in its one order (lamport,
 * actor, id). op.text is the operation's canonical JSON, op.id the git
 * blob id of that text. status says what applying it did: applied,
 * conflict (a guard no longer held: reason says which), same (an earlier
 * operation had done it), unknown (a kind from a newer gavel: kept, not
 * applied) or denied (the actor's role does not allow it). chain is the
 * commit that carries it once sent. config, remote and chain_seen are this
 * copy's own and never derived. The event table becomes a derived history,
 * so it loses its append-only triggers: op is the one that is append-only.
 * Roles and the rule that a body's operations be signed live with the body.
 * A body's templates folder is a path on this machine: it moves to config.
 */
static const char schema_v8[] =
        "CREATE TABLE op ("
        " seq INTEGER PRIMARY KEY,"
        " id TEXT NOT NULL UNIQUE,"
        " lamport INTEGER NOT NULL CHECK (lamport >= 0),"
        " actor TEXT NOT NULL,"
        " part TEXT NOT NULL,"
        " kind TEXT NOT NULL,"
        " at INTEGER NOT NULL,"
        " recorded_at INTEGER NOT NULL,"
        " text TEXT NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN"
        "  ('applied', 'conflict', 'same', 'unknown', 'denied')),"
        " reason TEXT,"
        " private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),"
        " chain TEXT,"
        " source TEXT NOT NULL DEFAULT 'local'"
        ") STRICT;"
        "CREATE UNIQUE INDEX op_order ON op(lamport, actor, id);"
        "CREATE INDEX op_unsent ON op(actor, part) WHERE chain IS NULL;"
        "CREATE TRIGGER op_append_only BEFORE DELETE ON op"
        " BEGIN SELECT RAISE(ABORT, 'the operation log is append-only'); END;"
        "CREATE TRIGGER op_text_fixed BEFORE UPDATE OF id, lamport, actor,"
        " part, kind, at, recorded_at, text, private ON op"
        " WHEN OLD.chain IS NOT NULL OR OLD.source != 'local'"
        " BEGIN SELECT RAISE(ABORT, 'a sent operation cannot change'); END;"
        "CREATE TABLE config ("
        " key TEXT PRIMARY KEY,"
        " value TEXT NOT NULL"
        ") STRICT;"
        "CREATE TABLE remote ("
        " name TEXT PRIMARY KEY,"
        " url TEXT NOT NULL,"
        " added_at INTEGER NOT NULL,"
        " synced_at INTEGER,"
        " ops_in INTEGER NOT NULL DEFAULT 0,"
        " ops_out INTEGER NOT NULL DEFAULT 0,"
        " error TEXT"
        ") STRICT;"
        "CREATE TABLE chain_seen ("
        " ref TEXT PRIMARY KEY,"
        " oid TEXT NOT NULL"
        ") STRICT;"
        "CREATE TABLE role ("
        " body INTEGER NOT NULL REFERENCES body(id),"
        " person INTEGER NOT NULL REFERENCES person(id),"
        " role TEXT NOT NULL CHECK (role IN ('chair', 'vice-chair',"
        "  'secretary', 'member')),"
        " since INTEGER NOT NULL,"
        " PRIMARY KEY (body, person)"
        ") STRICT;"
        "ALTER TABLE body ADD COLUMN require_signed INTEGER NOT NULL"
        " DEFAULT 0 CHECK (require_signed IN (0, 1));"
        "ALTER TABLE body ADD COLUMN allowed_signers TEXT;"
        "ALTER TABLE review_note ADD COLUMN private INTEGER NOT NULL"
        " DEFAULT 0 CHECK (private IN (0, 1));"
        "INSERT INTO config (key, value) SELECT 'templates ' || code,"
        " templates FROM body WHERE templates IS NOT NULL;"
        "DROP TRIGGER event_append_only_u;"
        "DROP TRIGGER event_append_only_d;";

/*
 * v9: notices sent as mail (issue 18). Each message `ballot notice
 * --send` handed to sendmail, by its Message-ID: later notices of the
 * ballot answer it (In-Reply-To, References), so the list's archive
 * threads them under the proposal. version is the ballot's version the
 * notice was for.
 */
static const char schema_v9[] =
        "CREATE TABLE ballot_notice ("
        " ballot INTEGER NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,"
        " kind TEXT NOT NULL CHECK (kind IN ('proposal', 'voting',"
        "  'results', 'review', 'adopted')),"
        " version INTEGER NOT NULL CHECK (version >= 0),"
        " message_id TEXT NOT NULL,"
        " sent_at INTEGER NOT NULL,"
        " sent_by TEXT NOT NULL,"
        " PRIMARY KEY (ballot, message_id)"
        ") STRICT;";

/*
 * v10: a person's e-mail addresses (issue 18). Votes are read from the
 * list's archive by their sender, and a representative writes from more
 * than one address (a work and a personal one, a new employer's). fold is
 * the address in ASCII lower case, what a sender is looked up by. An
 * address added later belongs to one person (person_email.c refuses
 * another's); the index is not unique only because copies stored before
 * may share one. person.email stays the first address, as lists show it.
 * Addresses stored before are kept, each its person's first.
 */
static const char schema_v10[] =
        "CREATE TABLE person_email ("
        " person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
        " email TEXT NOT NULL,"
        " fold TEXT NOT NULL,"
        " PRIMARY KEY (person, fold)"
        ") STRICT;"
        "CREATE INDEX person_email_fold ON person_email(fold);"
        "INSERT INTO person_email (person, email, fold)"
        " SELECT id, email, lower(email) FROM person"
        " WHERE email IS NOT NULL ORDER BY id;";

/*
 * v11: when a ballot settles (issue 21: the screen's first frame must not
 * grow with decided ballots). settled_at is an instant from which, by
 * what is recorded, no clock of the ballot can run at any later "now":
 * BALLOT_LIST_LIVE (core/db_stmt_live.h) then reads, by the index, only
 * the ballots with settled_at NULL (not known to settle) or later than
 * its now, and still applies its whole test to them. So settled_at may be
 * late, never early; it is derived from the ballot's row, its versions
 * and its body's holidays, and triggers keep it so on every change of
 * them (every operation's apply, a replay, a snapshot, rows written by
 * hand alike). The touch "SET kind = kind" runs ballot_settle, whose own
 * update writes only settled_at and so never runs it again.
 *
 * With l the latest version (else the proposal, else -1) and t the last
 * instant the live test compares with now (each version, 7 days after
 * the proposal, the discussion's end, the withdrawal, 7 days after the
 * vote's start, the results, the review's end), from t on every
 * comparison holds and the test is settled, as BALLOT_LIST_LIVE says:
 * - cancelled: from the cancellation;
 * - withdrawn after the latest version: from the withdrawal;
 * - never voted: 90 days after l (BYL 2.3(3)), and from t;
 * - voted and counted in this round (BYL 2.3(4), 2.3(8)): from t, if no
 *   IPR review follows ('other', or a guideline that did not pass and was
 *   never reviewed); if the review started in this round, when 10
 *   business days after its end (IPR 4.1; BYL 2.4(8)) have surely come:
 *   the live test counts whole weeks of 5 days less the body's holidays
 *   after the review's end, so ceil((10 + h) / 5) weeks, with h all of
 *   them, suffice whatever days they fall on.
 * Else NULL. Each is the earliest instant of its case but for holidays;
 * the earliest of the cases that hold is kept.
 */
static const char schema_v11[] =
        "ALTER TABLE ballot ADD COLUMN settled_at INTEGER;"
        "CREATE INDEX ballot_settled ON ballot(settled_at);"
        "CREATE TRIGGER ballot_settle AFTER UPDATE OF body, kind,"
        " proposed_at, discussion_ends_at, vote_starts_at, results_at,"
        " review_starts_at, withdrawn_at, cancelled_at, result ON ballot"
        " BEGIN UPDATE ballot SET settled_at = (SELECT CASE"
        "  WHEN ballot.cancelled_at IS NULL THEN s.x"
        "  ELSE min(ballot.cancelled_at, ifnull(s.x, ballot.cancelled_at))"
        "  END FROM (SELECT CASE"
        "   WHEN ballot.withdrawn_at > l THEN ballot.withdrawn_at"
        "   WHEN ballot.vote_starts_at IS NULL THEN"
        "    CASE WHEN l >= 0 THEN max(t, l + 90 * 86400) END"
        "   WHEN ballot.vote_starts_at > l AND ballot.results_at > l"
        "   THEN CASE WHEN ballot.kind = 'other'"
        "    OR (ifnull(ballot.result, '') <> 'passed'"
        "     AND ballot.review_starts_at IS NULL) THEN t"
        "    WHEN ballot.review_starts_at > l THEN max(t, re + (14 +"
        "     (SELECT count(*) FROM holiday h WHERE h.body = ballot.body"
        "      AND h.day > re / 86400)) / 5 * 7 * 86400) END"
        "   END AS x"
        "  FROM (SELECT l, re, max(ifnull(v, -1),"
        "    ifnull(ballot.proposed_at + 7 * 86400, -1),"
        "    ifnull(ballot.discussion_ends_at, -1),"
        "    ifnull(ballot.withdrawn_at, -1),"
        "    ifnull(ballot.vote_starts_at + 7 * 86400, -1),"
        "    ifnull(ballot.results_at, -1), ifnull(re, -1)) AS t"
        "   FROM (SELECT max(posted_at) AS v,"
        "     ifnull(max(posted_at), ifnull(ballot.proposed_at, -1)) AS l,"
        "     ballot.review_starts_at + CASE ballot.kind WHEN 'fg' THEN 60"
        "      ELSE 30 END * 86400 AS re"
        "    FROM ballot_version WHERE ballot_version.ballot = ballot.id)))"
        "  s) WHERE id = NEW.id; END;"
        "CREATE TRIGGER ballot_settle_new AFTER INSERT ON ballot"
        " BEGIN UPDATE ballot SET kind = kind WHERE id = NEW.id; END;"
        "CREATE TRIGGER ballot_version_settle_new AFTER INSERT"
        " ON ballot_version"
        " BEGIN UPDATE ballot SET kind = kind WHERE id = NEW.ballot; END;"
        "CREATE TRIGGER ballot_version_settle_gone AFTER DELETE"
        " ON ballot_version"
        " BEGIN UPDATE ballot SET kind = kind WHERE id = OLD.ballot; END;"
        "CREATE TRIGGER ballot_version_settle_moved AFTER UPDATE OF ballot,"
        " posted_at ON ballot_version"
        " BEGIN UPDATE ballot SET kind = kind"
        "  WHERE id IN (OLD.ballot, NEW.ballot); END;"
        "CREATE TRIGGER holiday_settle_new AFTER INSERT ON holiday"
        " BEGIN UPDATE ballot SET kind = kind WHERE body = NEW.body"
        "  AND review_starts_at IS NOT NULL; END;"
        "CREATE TRIGGER holiday_settle_gone AFTER DELETE ON holiday"
        " BEGIN UPDATE ballot SET kind = kind WHERE body = OLD.body"
        "  AND review_starts_at IS NOT NULL; END;"
        "CREATE TRIGGER holiday_settle_moved AFTER UPDATE OF body, day"
        " ON holiday"
        " BEGIN UPDATE ballot SET kind = kind"
        "  WHERE body IN (OLD.body, NEW.body)"
        "  AND review_starts_at IS NOT NULL; END;"
        "UPDATE ballot SET kind = kind;";

/*
 * v12: the enumerations' CHECKs as comparisons (issue 17's sync speed).
 * SQLite codes "x IN (a, b, c, ...)" with more than two constants by
 * building an ephemeral table (OP_OpenEphemeral: a temporary b-tree
 * opened, zeroed and filled) on every run of a statement that checks it:
 * every op insert and op status update, every ballot touch of v11's
 * triggers. A sync of 10,000 operations built ~21,000 of them. Written
 * "x = 'a' OR x = 'b' OR ..." (the cheapest form measured: 0.6-1.5 k
 * instructions a checked insert, against ~43 k; pairs of two-value INs
 * cost more), each accepts the same values: a CHECK fails only when its
 * expression is false, and both forms are false for exactly the values
 * outside the list, NULL for a NULL (so ballot.result may still be NULL),
 * with the column's TEXT affinity and BINARY collation either way.
 * Two-value lists are coded as comparisons already and stay.
 *
 * How: the documented writable_schema procedure of lang_altertable.html
 * ("Making Other Kinds Of Table Schema Changes"), for changes that leave
 * the on-disk content alone: a CHECK is in no row or index, and no stored
 * row can fail a constraint that accepts what the one it replaces
 * accepted (removing a CHECK is among the procedure's own examples). Only
 * these tables' text in sqlite_schema changes: rows, root pages, indexes,
 * triggers, FTS tables and foreign keys stay as they are, in constant
 * time however large the store. The 12-step rebuild does not fit: it
 * needs PRAGMA foreign_keys = OFF, which does nothing inside the
 * transaction every migration runs in (core/db_open.c), and with foreign
 * keys on, dropping the old body, ballot or meeting table would cascade
 * its ON DELETE to the votes, versions and attendance that refer to it.
 * writable_schema = RESET ends the edit and makes this connection parse
 * the new text (a typing error then fails the migration, which rolls
 * back). The procedure's step 6 sets schema_version one higher so other
 * connections parse it too; a migration is fixed text and cannot bind the
 * old number, so creating and dropping a view changes it instead (by two:
 * what matters is that it changes). Each replace() names the exact text
 * v1-v9 stored (SQLite keeps a CREATE TABLE and an added column as
 * written); tests/test_db.c checks that no table's row check builds an
 * ephemeral table after it, on an upgraded store and a new one, and that
 * each column accepts and refuses what it did.
 */
static const char schema_v12[] =
        "PRAGMA writable_schema = ON;"
        "UPDATE sqlite_schema SET sql = replace(sql,"
        " 'CHECK (quorum_rule IN (''bylaws'', ''average'', ''half-average''))',"
        " 'CHECK (quorum_rule = ''bylaws'' OR quorum_rule = ''average''"
        " OR quorum_rule = ''half-average'')')"
        " WHERE type = 'table' AND name = 'body';"
        "UPDATE sqlite_schema SET sql = replace(sql,"
        " 'CHECK (class IN (''issuer'', ''consumer'',  ''associate'',"
        " ''interested'', ''probationary'', ''unknown''))',"
        " 'CHECK (class = ''issuer'' OR class = ''consumer''"
        " OR class = ''associate'' OR class = ''interested''"
        " OR class = ''probationary'' OR class = ''unknown'')')"
        " WHERE type = 'table' AND name = 'membership';"
        "UPDATE sqlite_schema SET sql = replace(replace(sql,"
        " 'CHECK (status IN (''scheduled'', ''held'', ''cancelled''))',"
        " 'CHECK (status = ''scheduled'' OR status = ''held''"
        " OR status = ''cancelled'')'),"
        " 'CHECK (minutes_state IN (''draft'', ''approved'', ''final''))',"
        " 'CHECK (minutes_state = ''draft'' OR minutes_state = ''approved''"
        " OR minutes_state = ''final'')')"
        " WHERE type = 'table' AND name = 'meeting';"
        "UPDATE sqlite_schema SET sql = replace(replace(replace(sql,"
        " 'CHECK (kind IN (''fg'', ''fmg'', ''other''))',"
        " 'CHECK (kind = ''fg'' OR kind = ''fmg'' OR kind = ''other'')'),"
        " 'CHECK (state IN (''draft'',  ''discussion'', ''voting'',"
        " ''withdrawn'', ''closed'', ''passed'', ''failed'',  ''expired'',"
        " ''ipr_review'', ''adopted'', ''rescinded'', ''second_vote'',"
        "  ''cancelled''))',"
        " 'CHECK (state = ''draft'' OR state = ''discussion''"
        " OR state = ''voting'' OR state = ''withdrawn'' OR state = ''closed''"
        " OR state = ''passed'' OR state = ''failed'' OR state = ''expired''"
        " OR state = ''ipr_review'' OR state = ''adopted''"
        " OR state = ''rescinded'' OR state = ''second_vote''"
        " OR state = ''cancelled'')'),"
        " 'CHECK (result IN (''passed'', ''failed'', ''invalid''))',"
        " 'CHECK (result = ''passed'' OR result = ''failed''"
        " OR result = ''invalid'')')"
        " WHERE type = 'table' AND name = 'ballot';"
        "UPDATE sqlite_schema SET sql = replace(sql,"
        " 'CHECK (value IN (''yes'', ''no'', ''abstain''))',"
        " 'CHECK (value = ''yes'' OR value = ''no'' OR value = ''abstain'')')"
        " WHERE type = 'table' AND name = 'vote';"
        "UPDATE sqlite_schema SET sql = replace(sql,"
        " 'CHECK (kind IN (''meeting'', ''ballot'', ''draft''))',"
        " 'CHECK (kind = ''meeting'' OR kind = ''ballot'' OR kind = "
        "''draft'')')"
        " WHERE type = 'table' AND name = 'issue_link';"
        "UPDATE sqlite_schema SET sql = replace(sql,"
        " 'CHECK (status IN  (''applied'', ''conflict'', ''same'',"
        " ''unknown'', ''denied''))',"
        " 'CHECK (status = ''applied'' OR status = ''conflict''"
        " OR status = ''same'' OR status = ''unknown''"
        " OR status = ''denied'')')"
        " WHERE type = 'table' AND name = 'op';"
        "UPDATE sqlite_schema SET sql = replace(sql,"
        " 'CHECK (role IN (''chair'', ''vice-chair'',  ''secretary'',"
        " ''member''))',"
        " 'CHECK (role = ''chair'' OR role = ''vice-chair''"
        " OR role = ''secretary'' OR role = ''member'')')"
        " WHERE type = 'table' AND name = 'role';"
        "UPDATE sqlite_schema SET sql = replace(sql,"
        " 'CHECK (kind IN (''proposal'', ''voting'',  ''results'',"
        " ''review'', ''adopted''))',"
        " 'CHECK (kind = ''proposal'' OR kind = ''voting''"
        " OR kind = ''results'' OR kind = ''review'' OR kind = ''adopted'')')"
        " WHERE type = 'table' AND name = 'ballot_notice';"
        "PRAGMA writable_schema = RESET;"
        "CREATE VIEW schema_v12 AS SELECT 1;"
        "DROP VIEW schema_v12;";

/*
 * Empties every table derived from the operation log, before a replay
 * (core/replay.c). Foreign keys are checked at the commit that ends the
 * replay, so the order does not matter. The log and this copy's own
 * tables (op, config, remote, chain_seen) are not derived.
 */
const char gv__derived_clear[] =
        "PRAGMA defer_foreign_keys = ON;"
        "DELETE FROM review_note; DELETE FROM ballot_quorum;"
        "DELETE FROM ballot_notice;"
        "DELETE FROM exclusion_notice; DELETE FROM vote;"
        "DELETE FROM endorsement; DELETE FROM ballot_version_file;"
        "DELETE FROM ballot_version; DELETE FROM issue_link;"
        "DELETE FROM agenda_link; DELETE FROM ballot;"
        "DELETE FROM issue_note; DELETE FROM issue_label;"
        "DELETE FROM issue_state;"
        "DELETE FROM issue_fts; DELETE FROM issue;"
        "DELETE FROM agenda_item; DELETE FROM attendance;"
        "DELETE FROM meeting; DELETE FROM role; DELETE FROM affiliation;"
        "DELETE FROM rep; DELETE FROM person_email; DELETE FROM person;"
        "DELETE FROM membership;"
        "DELETE FROM org; DELETE FROM holiday;"
        "DELETE FROM body;";

/*
 * v13: each organisation's memberships of a body by start. The membership
 * in force on a day, read for every vote and every vote a close tallies
 * (MEMBERSHIP_AT: the latest that began by then and had not ended), is
 * then the first row read backwards off this index, where SQLite sorted
 * the body's rows in a table built for each vote; a quorum's count of the
 * members present (GV__VOTING_PRESENT) seeks an attendee's ended
 * memberships by it too (issue 17's sync speed).
 */
static const char schema_v13[] =
        "CREATE INDEX membership_since ON membership(org, body, since);";

/*
 * v14: rows few in a long history, indexed alone. The operations not
 * applied as they are (the same as one before, in conflict, denied, of a
 * newer gavel): a sync counts what it brought and what stands in
 * conflict before and after it, and the dashboard how many are in
 * conflict, each by reading the whole log, every text in it (a sync of
 * 10,000 operations into a new copy read them three times). An issue's
 * closes and reopenings, which its story reads from the event history
 * by issue: every event was read (12,428 after that sync; `issue show`
 * 12.1 -> 11.0 ms).
 */
static const char schema_v14[] =
        "CREATE INDEX op_trouble ON op(seq) WHERE status != 'applied';"
        "CREATE INDEX event_issue_state ON event(body, subject)"
        " WHERE kind IN ('issue.close', 'issue.reopen');";

/*
 * v15: the operation that added each issue, and each ballot (issue 17).
 * An issue gavel numbers gets the next number of its body when its
 * issue.add is applied, so an issue added on a laptop offline is
 * renumbered when another member's, added meanwhile, sorts before it; a
 * ballot's number is chosen when it is proposed, so of two proposed at
 * once with one number, one is a conflict. The operations on either
 * (notes, closes, endorsements, steps, votes) name it by that operation
 * as well as by the number it had, so they follow it, or are conflicts
 * too, and never land on the one that took its number (core/issue.c,
 * gv__issue_named; core/ballot_op.c, gv__ballot_named). Derived, as the
 * rows are: a rebuild fills it for every issue and ballot an operation
 * made; an upgraded store's have none until then, and are named by their
 * numbers, as before.
 */
static const char schema_v15[] =
        "ALTER TABLE issue ADD COLUMN made_by TEXT;"
        "CREATE UNIQUE INDEX issue_made_by ON issue(made_by)"
        " WHERE made_by IS NOT NULL;"
        "ALTER TABLE ballot ADD COLUMN made_by TEXT;"
        "CREATE UNIQUE INDEX ballot_made_by ON ballot(made_by)"
        " WHERE made_by IS NOT NULL;";

/*
 * v16: the history is the log. Every change is an operation (op), with
 * its actor, act time, kind and all its data; the event table repeated
 * it as a JSON detail written for every change (7 % of a sync's
 * instructions) and was read for one thing: an issue's closes and
 * reopenings, which its story tells. Those are now rows of their own, by
 * issue, moved over from the events (the same statement reads the events
 * of a snapshot from before: GV__ISSUE_STATE_FROM). Laid out by hand:
 * clang-format cannot place a macro among the strings.
 */
/* clang-format off */
static const char schema_v16[] =
        "CREATE TABLE issue_state ("
        " id INTEGER PRIMARY KEY,"
        " issue INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,"
        " at INTEGER NOT NULL,"
        " reopened INTEGER NOT NULL CHECK (reopened = 0 OR reopened = 1)"
        ") STRICT;"
        "CREATE INDEX issue_state_issue ON issue_state(issue);"
        GV__ISSUE_STATE_FROM("event") ";"
        "DROP TABLE event;";
/* clang-format on */

/*
 * v17: the search index without its three-letter prefix index. A search
 * for a prefix of three letters or more ranks from the terms that begin
 * so, read off the index's sorted terms; the two-letter index stays,
 * where those terms are many. Measured on 20,000 paragraphs of the S/MIME
 * BR's history and the Forum's minutes (5,828 terms): "con*" 3.0 -> 4.5
 * ms, "the*" 9 -> 17.5 ms, the rest the same, for an index 16 % smaller.
 * Building the index is 15 % of a sync of 10,000 operations, and this
 * one was 22 % of that (410 -> 318 M instructions; issue 17's sync
 * speed, bench/README.md).
 */
static const char schema_v17[] =
        "DROP TABLE issue_fts;"
        "CREATE VIRTUAL TABLE issue_fts USING fts5(title, body, notes,"
        " tokenize = 'unicode61 remove_diacritics 2', prefix = '2');"
        "INSERT INTO issue_fts (rowid, title, body, notes)"
        " SELECT i.id, i.title, ifnull(i.body_md, ''),"
        " ifnull((SELECT group_concat(n.body_md, char(10)) FROM issue_note n"
        " WHERE n.issue = i.id), '') FROM issue i;";

/*
 * v18: the log without an index of its ids beside its order's. An id is
 * the hash of the operation's text, which holds its Lamport clock and
 * actor, so one id has one (lamport, actor): op_order's (lamport, actor,
 * id) is unique exactly when the id is, and a copy's operation already
 * in the log is found by it (OP_INSERT_NEW's ON CONFLICT). The second
 * index was one b-tree write in four of every operation recorded, 536
 * KiB of a store of 10,000: a sync of them 2,210 M -> 2,168 M
 * instructions, op_insert 206 M -> 163 M (bench/README.md). The table
 * is made again (a UNIQUE column's index goes only with its table): no
 * foreign key refers to it, and DROP TABLE fires no trigger, so the
 * append-only one does not stop the copy's old table going.
 */
static const char schema_v18[] =
        "DROP TRIGGER op_append_only;"
        "DROP TRIGGER op_text_fixed;"
        "DROP INDEX op_order;"
        "DROP INDEX op_trouble;"
        "DROP INDEX op_unsent;"
        "ALTER TABLE op RENAME TO op_v17;"
        "CREATE TABLE op ("
        " seq INTEGER PRIMARY KEY,"
        " id TEXT NOT NULL,"
        " lamport INTEGER NOT NULL CHECK (lamport >= 0),"
        " actor TEXT NOT NULL,"
        " part TEXT NOT NULL,"
        " kind TEXT NOT NULL,"
        " at INTEGER NOT NULL,"
        " recorded_at INTEGER NOT NULL,"
        " text TEXT NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'applied' CHECK (status = 'applied'"
        " OR status = 'conflict' OR status = 'same' OR status = 'unknown'"
        " OR status = 'denied'),"
        " reason TEXT,"
        " private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),"
        " chain TEXT,"
        " source TEXT NOT NULL DEFAULT 'local'"
        ") STRICT;"
        "INSERT INTO op SELECT seq, id, lamport, actor, part, kind, at,"
        " recorded_at, text, status, reason, private, chain, source"
        " FROM op_v17;"
        "DROP TABLE op_v17;"
        "CREATE UNIQUE INDEX op_order ON op(lamport, actor, id);"
        "CREATE INDEX op_trouble ON op(seq) WHERE status != 'applied';"
        "CREATE INDEX op_unsent ON op(actor, part) WHERE chain IS NULL;"
        "CREATE TRIGGER op_append_only BEFORE DELETE ON op"
        " BEGIN SELECT RAISE(ABORT, 'the operation log is append-only'); END;"
        "CREATE TRIGGER op_text_fixed BEFORE UPDATE OF id, lamport, actor,"
        " part, kind, at, recorded_at, text, private ON op"
        " WHEN OLD.chain IS NOT NULL OR OLD.source != 'local'"
        " BEGIN SELECT RAISE(ABORT, 'a sent operation cannot change'); END;";

/* Keep this list append-only: entry i upgrades user_version i to i+1. */
const char *const gv__migrations[] = {
        schema_v1,  schema_v2,  schema_v3,  schema_v4,  schema_v5,  schema_v6,
        schema_v7,  schema_v8,  schema_v9,  schema_v10, schema_v11, schema_v12,
        schema_v13, schema_v14, schema_v15, schema_v16, schema_v17, schema_v18,
};

const int gv__migration_count =
        (int)(sizeof(gv__migrations) / sizeof(gv__migrations[0]));
