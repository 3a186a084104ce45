#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes the seeds of fuzz_op.c and fuzz_op_blob.c from real operations:
#
#   sh tests/fuzz/op_seeds.sh [GAVEL]      (default ./gavel)
#
# A working group's autumn is recorded with gavel commands, and the
# operations are read back as the log holds them (`SELECT text FROM
# op`): tests/fuzz/seeds/op/ gets one of each kind (and a newer gavel's),
# tests/fuzz/seeds/op_blob/ commit blobs, each the body with its members
# and roles and then one theme. Run it again when the operations change.
set -eu
gavel=$(cd "$(dirname "${1:-./gavel}")" && pwd)/$(basename "${1:-./gavel}")
out=$(pwd)/tests/fuzz/seeds
data=$(pwd)/tests
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

g() { "$gavel" --db s.db --now "$now" "$@" >/dev/null; }
# last: the log's newest row, to cut it into themes.
last() { sqlite3 s.db 'SELECT max(seq) FROM op'; }
# texts DB FROM TO: the operations of rows FROM..TO, one a line.
texts() { sqlite3 "$1" "SELECT text FROM op WHERE seq BETWEEN $2 AND $3 ORDER BY seq"; }

now="2024-11-01 12:00"
g init
g body add SMCWG --name "S/MIME Certificate Working Group" --prefix SMC \
	--tz America/New_York --list public@smcwg.example
for o in "Sectigo issuer" "DigiCert issuer" "Apple consumer" \
	 "Mozilla consumer" "Vigil_Security interested"; do
	set -- $o
	g org add "$(echo "$1" | tr _ ' ')" --body SMCWG --class "$2"
done
g person add "Stephen Davidson" --org DigiCert --email s.davidson@example.com --rep SMCWG
g person add "Tim Callan" --org Sectigo --email tim@example.com --rep SMCWG
g person add "Ben Wilson" --org Mozilla --email bwilson@example.com --rep SMCWG
g person add "Clint Wilson" --org Apple --rep SMCWG
g config user "Stephen Davidson"
g body role SMCWG "Stephen Davidson" chair
g body role SMCWG "Tim Callan" secretary
g body role SMCWG "Ben Wilson" member
g body set SMCWG --cadence "every 2 weeks on Wednesday at 11:00 from 2024-11-06"
g body holiday add SMCWG 2024-12-25 --name "Christmas Day"
setup=$(last)

now="2024-11-06 17:00"
g meeting add SMCWG "2024-11-06 11:00"
g meeting attend 1 --line "Stephen Davidson (DigiCert), Tim Callan (Sectigo), Ben Wilson (Mozilla), Clint Wilson (Apple)"
held=$(last)
g meeting taker 1 "Tim Callan (Sectigo)"
g meeting item 1 "Ballot SMC011 status"
g meeting note 1 discussion "Discussed **SMC011**: the _legacy_ profile sunset."
g meeting absent 1 "Clint Wilson"
meeting1=$(last)

g issue add SMCWG --title "Clarify mailbox validation reuse" --text \
	"Section 3.2.2 says \"within 30 days\"; is that inclusive?" \
	--label clarification,needs-ballot --author "Ben Wilson"
g issue note SMCWG#1 "Agree; see RFC 5280 §4.2.1.6 — ✓" --meeting 1
g issue link SMCWG#1 --meeting 1
g issue edit SMCWG#1 --assignee "Tim Callan"
g issue label SMCWG#1 editorial
g issue label SMCWG#1 needs-ballot --remove
g issue close SMCWG#1
g issue reopen SMCWG#1
g issue link SMCWG#1 --draft "https://github.com/cabforum/smime/compare/a1b2c3d...e4f5a6b"
g issue import "$data/fuzz/seeds/issue_json/gh-list.json" --body SMCWG
issues=$(last)

now="2024-11-10 12:00"
printf '# SMC011\n\nReplace *legacy* with _strict_.\n' >t.md
g ballot new SMCWG --title "Sunset legacy generation profiles" --kind fg --proposer DigiCert --number 11
g ballot endorse SMC011 Sectigo
g ballot endorse SMC011 Apple
g ballot version SMC011 --text t.md
g ballot discuss SMC011
g ballot set SMC011 --purpose "Retire the **legacy** profiles."
g issue link SMCWG#1 --ballot SMC011 --resolves
now="2024-11-18 12:00"
g ballot open-vote SMC011
g ballot vote SMC011 DigiCert yes --source "<CAB1234@lists.example>"
g ballot vote SMC011 Sectigo yes
g ballot vote SMC011 Apple abstain
g ballot vote SMC011 Mozilla no --at "2024-11-19 09:00"
now="2024-11-25 13:00"
g ballot close SMC011
g ballot new SMCWG --title "Withdrawn one" --kind fmg --proposer Sectigo --number 12
g ballot cancel SMC012
g ballot new SMCWG --title "Quorum from notice" --kind other --proposer Apple --number 13
g ballot quorum SMC013 7 --source "results notice"
votes=$(last)

now="2024-11-26 13:00"
g meeting add SMCWG "2024-11-20 11:00"
g meeting cancel 2 --reason "Thanksgiving week"
g minutes draft 1
g meeting add SMCWG "2024-12-04 11:00" --kind f2f --title "F2F Mexico City"
now="2024-12-05 13:00"
g meeting attend 3 "Stephen Davidson (DigiCert)" "Tim Callan (Sectigo)" "Ann New (Newcomer CA)" --create
g minutes approve 1 --at-meeting 3
g meeting link 3 discussion --ballot SMC011
g body holiday remove SMCWG 2024-12-25
meetings=$(last)

now="2024-12-06 12:00"
g ballot new SMCWG --title "Adopt strict profile" --kind fg --proposer Sectigo --number 14 --at "2024-11-01 12:00"
g ballot endorse SMC014 DigiCert --at "2024-11-01 13:00"
g ballot endorse SMC014 Mozilla --at "2024-11-01 13:00"
g ballot version SMC014 --url "https://github.com/cabforum/smime/pull/300" --at "2024-11-01 14:00"
g ballot discuss SMC014 --at "2024-11-01 15:00"
g ballot open-vote SMC014 --at "2024-11-08 16:00"
for o in DigiCert Sectigo Apple Mozilla; do
	g ballot vote SMC014 "$o" yes --at "2024-11-09 10:00"
done
# The same ballot closed on a second copy, by the secretary.
sqlite3 s.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp s.db t.db
GAVEL_USER="Tim Callan" "$gavel" --db t.db --now "$now" ballot close SMC014 \
	--at "2024-11-15 17:30" >/dev/null
g ballot close SMC014 --at "2024-11-15 17:00"
closed=$(last)
g ballot review SMC014 --at "2024-11-16 10:00"
g ballot exclusion SMC014 Apple --at "2024-11-20 12:00" --text "Claim 3 of US 1,234,567"
g org set "Vigil Security" --body SMCWG --status suspended
review=$(last)

git init -q repo
(cd repo && printf 'a\nb\nc\n' >g.md && git add g.md &&
 git -c user.name=x -c user.email=x@example.com commit -qm base &&
 printf 'a\nB\nc\n' >g.md &&
 git -c user.name=x -c user.email=x@example.com commit -qam head)
g minutes import "$data/data/minutes/2024/2024-12-18-minutes-smcwg-call.md"
g ballot new SMCWG --title "Pinned" --kind fmg --proposer DigiCert --number 15
g ballot version SMC015 --repo repo --base HEAD~1 --head HEAD
g review add SMC015 --path g.md --line 2 "Why capital B?"
g review add SMC015 --path g.md --line 1 "Only for me" --private
g ballot new SMCWG --title "To withdraw" --kind fg --proposer DigiCert --number 16 --at "2024-11-02 12:00"
g ballot endorse SMC016 Sectigo --at "2024-11-02 13:00"
g ballot endorse SMC016 Apple --at "2024-11-02 13:00"
g ballot version SMC016 --url "https://github.com/cabforum/smime/pull/301" --at "2024-11-02 14:00"
g ballot discuss SMC016 --at "2024-11-02 15:00"
g ballot open-vote SMC016 --at "2024-11-09 16:00"
g ballot withdraw SMC016 --at "2024-11-10 16:00"
redline=$(last)
"$gavel" --db d.db init --demo >/dev/null

# One operation of each kind, named after it.
rm -rf "$out/op" "$out/op_blob"
mkdir -p "$out/op" "$out/op_blob"
for db in s.db d.db; do
	sqlite3 -separator ' ' "$db" "SELECT kind || CASE private WHEN 1 THEN
		'-private' ELSE '' END, seq FROM op ORDER BY seq" |
	while read -r name seq; do
		[ -e "$out/op/$name" ] ||
			printf '%s' "$(texts "$db" "$seq" "$seq")" >"$out/op/$name"
	done
done
# A newer gavel's: format 2, a kind this one does not know.
sqlite3 s.db "SELECT json_set(text, '\$.v', 2, '\$.kind', 'ballot.veto',
	'\$.data', json('{\"ballot\":\"SMC011\",\"reason\":\"a newer rule\",\"weight\":3}'))
	FROM op WHERE kind = 'ballot.vote' ORDER BY seq LIMIT 1" |
	tr -d '\n' >"$out/op/newer-gavel"

# Commit blobs: the body and its members, then a theme.
blob() { name=$1; shift; : >"$out/op_blob/$name"; for r; do
	texts s.db "${r%-*}" "${r#*-}" >>"$out/op_blob/$name"; done; }
blob meetings "1-$meeting1" "$((votes + 1))-$meetings"
blob issues "1-$held" "$((meeting1 + 1))-$issues"
blob ballot-votes "1-$held" "$((meeting1 + 1))-$((meeting1 + 1))" \
	"$((issues + 1))-$votes"
blob ballot-review "1-$held" "$((meetings + 1))-$review"
blob redline-notes "1-$setup" "$((review + 1))-$redline"
blob two-closes "1-$held" "$((meetings + 1))-$closed"
sqlite3 t.db "SELECT text FROM op WHERE kind = 'ballot.close' ORDER BY seq
	DESC LIMIT 1" >>"$out/op_blob/two-closes"
sqlite3 d.db "SELECT text FROM op WHERE seq <= 27 OR kind = 'ballot.record'
	OR (kind = 'ballot.vote' AND seq <= 66) ORDER BY seq" \
	>"$out/op_blob/demo-record"
# A newer gavel's operation among known ones, and no final newline.
{ texts s.db 1 6; cat "$out/op/newer-gavel"; } >"$out/op_blob/newer-gavel"
# A store from before the log, saved at v15 with an issue closed,
# reopened and closed again in its events: the snapshot it becomes, with
# those events as a snapshot written before v16 held them (core/snapshot.c,
# events_apply), one of them with a detail that is not JSON.
{ cat "$data/data/schema-v15.sql"
  echo "PRAGMA user_version = 15; PRAGMA application_id = 1198943281;
	INSERT INTO body (id, code, fold, name, prefix, created_at) VALUES
	(1, 'SMCWG', 'smcwg', 'S/MIME', 'SMC', 1700000000);
	INSERT INTO issue (id, body, number, title, state, created_at,
	updated_at, closed_at) VALUES (1, 1, 263, 'EUID', 'closed',
	1700000000, 1700900000, 1700800000);"; } | sqlite3 v15.db
"$gavel" --db v15.db issue list --state all >/dev/null
sqlite3 v15.db "SELECT json_set(json_remove(text,
	'\$.data.tables.issue_state'), '\$.data.tables.event',
	json('{\"columns\": [\"id\", \"at\", \"actor\", \"body\", \"kind\",
	\"subject\", \"detail\"], \"rows\": [[2, 1700500000, \"chair\", 1,
	\"issue.close\", \"SMCWG#263\", \"{\\\"at\\\": 1700400000}\"],
	[3, 1700600000, \"chair\", 1, \"issue.reopen\", \"SMCWG#263\", \"{}\"],
	[5, 1700800000, \"chair\", 1, \"issue.close\", \"SMCWG#263\",
	\"not json\"]]}')) FROM op WHERE kind = 'store.snapshot'" \
	>"$out/op_blob/snapshot-events"
ls "$out/op" | wc -l | sed 's/$/ operations in seeds\/op/'
