/* SPDX-License-Identifier: MIT */
/*
 * This file lists every request the curses UI understands, as one X-macro
 * table (tig's architecture, STYLE.md §7): it makes enum request, the
 * names a script and the keymaps use, and what each does where a keymap
 * does not say it in its own words (tui/keys.c). Views switch on requests
 * and never test raw keys.
 */
#ifndef GV_TUI_REQUEST_H
#define GV_TUI_REQUEST_H

#define REQ_INFO(REQ_GROUP, REQ_)                                              \
	REQ_GROUP("Views")                                                     \
	REQ_(VIEW_DASHBOARD, "view-dashboard",                                 \
	     "Dashboard: open clocks, ballots in voting, sync")                \
	REQ_(VIEW_TIMELINE, "view-timeline",                                   \
	     "Timeline: ballot periods and meetings by date")                  \
	REQ_(VIEW_ISSUES, "view-issues", "Issues")                             \
	REQ_(VIEW_BALLOTS, "view-ballots", "Ballots")                          \
	REQ_(VIEW_REDLINE, "view-redline",                                     \
	     "Redline of the ballot in view (else the newest pinned)")         \
	REQ_(VIEW_MEETINGS, "view-meetings", "Meetings")                       \
	REQ_(VIEW_MEMBERS, "view-members",                                     \
	     "Members: organisations, representatives, attendance")            \
	REQ_(VIEW_CONFLICTS, "view-conflicts",                                 \
	     "Sync: conflicts and the last sync's notes")                      \
	REQ_(VIEW_HELP, "view-help", "This help")                              \
	REQ_(ENTER, "enter", "Open the line under the cursor")                 \
	REQ_(BACK, "back", "Back to the view before")                          \
	REQ_(QUIT, "quit", "Quit")                                             \
	REQ_(REFRESH, "refresh", "Reload from the database")                   \
	REQ_GROUP("Moving")                                                    \
	REQ_(MOVE_UP, "move-up", "Up one line")                                \
	REQ_(MOVE_DOWN, "move-down", "Down one line")                          \
	REQ_(MOVE_PAGE_UP, "move-page-up", "Up one screen")                    \
	REQ_(MOVE_PAGE_DOWN, "move-page-down", "Down one screen")              \
	REQ_(MOVE_FIRST, "move-first", "To the first line")                    \
	REQ_(MOVE_LAST, "move-last", "To the last line")                       \
	REQ_(SCROLL_LEFT, "scroll-left", "A week earlier")                     \
	REQ_(SCROLL_RIGHT, "scroll-right", "A week later")                     \
	REQ_(NEXT_CHANGE, "next-change", "Next changed line")                  \
	REQ_(PREV_CHANGE, "prev-change", "Previous changed line")              \
	REQ_(NEXT_SECTION, "next-section", "Next section or file")             \
	REQ_(PREV_SECTION, "prev-section", "Previous section or file")         \
	REQ_(ZOOM, "zoom", "A day or a week per column")                       \
	REQ_(EXPORT, "export",                                                 \
	     "Write what is in view as a calendar file (.ics)")                \
	REQ_(OPEN, "open",                                                     \
	     "Open the redline of a ballot, a version or any range")           \
	REQ_GROUP("Searching")                                                 \
	REQ_(SEARCH, "search", "Search this view")                             \
	REQ_(FIND_NEXT, "find-next", "Next match")                             \
	REQ_(FIND_PREV, "find-prev", "Previous match")                         \
	REQ_(FILTER, "filter", "Show open, closed or all")                     \
	REQ_GROUP("Changing")                                                  \
	REQ_(PROMPT, "prompt",                                                 \
	     "Run a gavel command on this database (ballot vote SMC011 "       \
	     "Apple yes)")                                                     \
	REQ_(ADD, "add", "New")                                                \
	REQ_(NOTE, "note", "Add a note")                                       \
	REQ_(VOTE, "vote",                                                     \
	     "Record a vote (asks the organisation, then yes, no or "          \
	     "abstain)")                                                       \
	REQ_(TOGGLE, "toggle",                                                 \
	     "Mark the person under the cursor present or absent")             \
	REQ_(STEP, "step",                                                     \
	     "Act on the ballot: the steps its state allows, and what the "    \
	     "others wait for")                                                \
	REQ_(CANCEL, "cancel", "Cancel the meeting (asks first)")              \
	REQ_(SYNC, "sync", "Sync with every remote (gavel sync)")

#define REQ_ENUM(id, name, help) REQ_##id,
#define REQ_SKIP(group)
enum request { REQ_NONE, REQ_INFO(REQ_SKIP, REQ_ENUM) REQ_COUNT };

#endif
