/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL of a body's holidays (core/holiday.c), a part of
 * core/db_stmt.h's X-macro kept in its own file. (HOLIDAY_ON, which the
 * business-day clocks ask, is in db_stmt.h.)
 */
#ifndef GV_CORE_DB_STMT_HOLIDAY_H
#define GV_CORE_DB_STMT_HOLIDAY_H

#define GV__STMTS_HOLIDAY(X)                                                   \
	X(HOLIDAY_INSERT,                                                      \
	  "INSERT INTO holiday (body, day, name) VALUES (?1, ?2, ?3)")         \
	X(HOLIDAY_DELETE,                                                      \
	  "DELETE FROM holiday WHERE body = ?1 AND day = ?2 RETURNING 1")      \
	X(HOLIDAY_NAME,                                                        \
	  "SELECT ifnull(name, '') FROM holiday WHERE body = ?1 AND day = ?2") \
	X(HOLIDAY_LIST,                                                        \
	  "SELECT day, name FROM holiday WHERE body = ?1 ORDER BY day")

#endif
