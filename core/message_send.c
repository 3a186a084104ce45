/* SPDX-License-Identifier: MIT */
/*
 * This file implements sending a message (gv_mail_send): piped to
 * `sendmail -t`, the Unix convention every mail setup supports, or to the
 * command the user names. A notice's Message-ID is recorded on its ballot
 * in the same transaction, so a command that fails records nothing.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "gavel/mail.h"
#include "gavel/time.h"
#include "message.h"
#include "subprocess.h"

#define SENDMAIL_HINT                                                          \
	"install a mail transfer agent (msmtp-mta, postfix, exim4), or set "   \
	"GAVEL_SENDMAIL to a command that sends the message it reads"

/* sendmail where Debian and the BSDs put it, else the one on PATH. */
static const char *
sendmail_program(void)
{
	if (access("/usr/sbin/sendmail", X_OK) == 0)
		return "/usr/sbin/sendmail";
	if (access("/usr/lib/sendmail", X_OK) == 0)
		return "/usr/lib/sendmail";
	return "sendmail";
}

/* A notice already sent under this Message-ID is refused: mail systems
 * drop a second message with an id they have seen. */
static int
send_check_new(struct gv_db *db, const struct gv_mail_spec *spec,
               const struct gv_mail *m)
{
	struct gv_notice_sent_list *sent = NULL;
	char when[GV_TIME_BUFSZ];
	size_t i;
	int error;

	if ((error = gv_notice_sent_list(&sent, db, spec->ballot)) < 0)
		return error;
	for (i = 0; i < sent->n; i++)
		if (!strcmp(sent->v[i].message_id, m->message_id)) {
			error = gv__error_set(
			        GV_ERRCLASS_MAIL, GV_EEXISTS,
			        "the %s notice of %s was sent at %s as <%s>: "
			        "mail systems drop a second message with that "
			        "Message-ID, so give --again to send it as a "
			        "new one",
			        gv_notice_name(spec->notice), spec->ballot,
			        gv_time_format(when, sent->v[i].sent_at,
			                       GV_TIME_HUMAN),
			        m->message_id);
			break;
		}
	gv_notice_sent_list_free(sent);
	return error;
}

/* Runs the command with the message on its standard input; its output
 * (standard output, then error) in *output when it printed any. */
static int
send_run(char **output, const char *command, const struct gv_mail *m)
{
	const char *argv[4];
	struct gv__subprocess r;
	char *line;
	int error;

	if (command) {
		/* A command line, as git runs sendemail.sendmailCmd. */
		argv[0] = "/bin/sh", argv[1] = "-c", argv[2] = command;
		argv[3] = NULL;
	} else {
		argv[0] = sendmail_program(), argv[1] = "-t", argv[2] = "-i";
		argv[3] = NULL;
	}
	if ((error = gv__subprocess_run(&r, GV_ERRCLASS_MAIL, SENDMAIL_HINT,
	                                argv, m->text, m->len)) < 0)
		return error;
	if (r.status != 0) {
		line = gv__subprocess_line(r.err_len ? r.err : r.out,
		                           "it printed nothing");
		error = gv__error_set(GV_ERRCLASS_MAIL, GV_ERROR,
		                      "the mail command (%s) exited with "
		                      "status %d: %s; nothing was recorded: "
		                      "send it again once the command works",
		                      command ? command : argv[0], r.status,
		                      line);
		free(line);
	} else if (r.out_len || r.err_len) {
		*output = gv__xsprintf("%s%s", r.out, r.err);
	}
	gv__subprocess_dispose(&r);
	return error;
}

int
gv_mail_send(struct gv_mail *out, char **output, struct gv_db *db,
             const struct gv_mail_spec *spec, const char *command)
{
	int error, notice = spec->kind == GV_MAIL_NOTICE, began = 0;

	*output = NULL;
	if ((error = gv_mail_render(out, db, spec)) < 0)
		return error;
	/* The record first, inside a transaction left open while the
	 * command runs: the actor's role and the ballot are checked before
	 * anything goes out, and a failed command undoes the record. */
	if (notice && ((error = send_check_new(db, spec, out)) < 0 ||
	               (error = gv__db_begin(db)) < 0))
		goto fail;
	began = notice;
	if (notice &&
	    (error = gv__notice_record(db, spec->ballot, spec->notice,
	                               out->version, out->message_id)) < 0)
		goto fail;
	if ((error = send_run(output, command, out)) < 0)
		goto fail;
	if (began && (error = gv__db_commit(db)) < 0) {
		char *why = gv__xstrdup(gv_error_last()->message);

		gv__db_rollback(db);
		error = gv__error_set(GV_ERRCLASS_MAIL, error,
		                      "the message went out as <%s>, but "
		                      "recording it failed: %s",
		                      out->message_id, why);
		free(why);
		began = 0;
		goto fail;
	}
	return 0;
fail:
	if (began)
		gv__db_rollback(db);
	free(*output);
	*output = NULL;
	gv_mail_dispose(out);
	return error;
}
