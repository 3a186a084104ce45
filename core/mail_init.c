/* SPDX-License-Identifier: MIT */
/*
 * This file starts GMime for the mail adapter's readers and writers.
 * GMime is initialised once per process, on first use, and never shut
 * down: it cannot be initialised again after a shutdown, and what it sets
 * up stays reachable until exit.
 */
#include <pthread.h>

#include <gmime/gmime.h>

#include "mail_gmime.h"

static pthread_once_t mail_once = PTHREAD_ONCE_INIT;

static void
mail_init_once(void)
{
	g_mime_init();
}

void
gv__gmime_init(void)
{
	pthread_once(&mail_once, mail_init_once);
}
