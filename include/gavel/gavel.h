/* SPDX-License-Identifier: MIT */
/*
 * This file includes the whole public API of gavel's core (libgavel.a).
 */
#ifndef GV_GAVEL_H
#define GV_GAVEL_H

#include "gavel/ballot.h"
#include "gavel/calendar.h"
#include "gavel/db.h"
#include "gavel/deadlines.h"
#include "gavel/demo.h"
#include "gavel/error.h"
#include "gavel/holiday.h"
#include "gavel/init.h"
#include "gavel/issue.h"
#include "gavel/log.h"
#include "gavel/mail.h"
#include "gavel/markdown.h"
#include "gavel/meeting.h"
#include "gavel/notice.h"
#include "gavel/redline.h"
#include "gavel/render.h"
#include "gavel/report.h"
#include "gavel/roster.h"
#include "gavel/schedule.h"
#include "gavel/sync.h"
#include "gavel/template.h"
#include "gavel/templates.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "gavel/view.h"
#include "gavel/zone.h"

#define GV_VERSION "0.1.0"

#endif
