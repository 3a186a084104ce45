/* SPDX-License-Identifier: MIT */
/*
 * This file lists every request the curses UI understands, as one X-macro
 * table (tig's architecture, STYLE.md §7): it makes enum request, the
 * names a script and the keymaps use, and the help view. Views switch on
 * requests and never test raw keys.
 */
#ifndef GV_TUI_REQUEST_H
#define GV_TUI_REQUEST_H

#define REQ_INFO(REQ_GROUP, REQ_)                                              \
	REQ_GROUP("Views")                                                     \
	REQ_(VIEW_DASHBOARD, "view-dashboard", "Dashboard: every open clock")  \
	REQ_(VIEW_TIMELINE, "view-timeline", "Timeline of ballot periods")     \
	REQ_(VIEW_ISSUES, "view-issues", "Issues")                             \
	REQ_(VIEW_BALLOTS, "view-ballots", "Ballots")                          \
	REQ_(VIEW_REDLINE, "view-redline", "Redline of the ballot in view")    \
	REQ_(VIEW_MEETINGS, "view-meetings", "Meetings")                       \
	REQ_(VIEW_MEMBERS, "view-members", "Members")                          \
	REQ_(VIEW_CONFLICTS, "view-conflicts",                                 \
	     "Sync: conflicts, the last sync's notes")                         \
	REQ_(VIEW_HELP, "view-help", "This help")                              \
	REQ_(ENTER, "enter", "Open the line under the cursor")                 \
	REQ_(BACK, "back", "Go back (quit from the dashboard)")                \
	REQ_(QUIT, "quit", "Quit")                                             \
	REQ_(REFRESH, "refresh", "Reload from the database")                   \
	REQ_GROUP("Moving")                                                    \
	REQ_(MOVE_UP, "move-up", "Up one line")                                \
	REQ_(MOVE_DOWN, "move-down", "Down one line")                          \
	REQ_(MOVE_PAGE_UP, "move-page-up", "Up one screen")                    \
	REQ_(MOVE_PAGE_DOWN, "move-page-down", "Down one screen")              \
	REQ_(MOVE_FIRST, "move-first", "To the first line")                    \
	REQ_(MOVE_LAST, "move-last", "To the last line")                       \
	REQ_(SCROLL_LEFT, "scroll-left", "Earlier (timeline)")                 \
	REQ_(SCROLL_RIGHT, "scroll-right", "Later (timeline)")                 \
	REQ_(NEXT_CHANGE, "next-change", "Next change (redline)")              \
	REQ_(PREV_CHANGE, "prev-change", "Previous change (redline)")          \
	REQ_(NEXT_SECTION, "next-section", "Next section or file (redline)")   \
	REQ_(PREV_SECTION, "prev-section", "Previous section (redline)")       \
	REQ_(ZOOM, "zoom", "Weeks or months (timeline)")                       \
	REQ_(EXPORT, "export", "Calendar file of the days in view (timeline)") \
	REQ_(OPEN, "open", "Redline of: BALLOT [VERSION] or REPO RANGE")       \
	REQ_GROUP("Searching")                                                 \
	REQ_(SEARCH, "search", "Search (issues: full text; else this view)")   \
	REQ_(FIND_NEXT, "find-next", "Next match")                             \
	REQ_(FIND_PREV, "find-prev", "Previous match")                         \
	REQ_(FILTER, "filter", "Issues: open, closed or all")                  \
	REQ_GROUP("Changing")                                                  \
	REQ_(PROMPT, "prompt", "A gavel command (:ballot vote SMC011 X yes)")  \
	REQ_(ADD, "add", "Add: an issue, a meeting (prefills the prompt)")     \
	REQ_(NOTE, "note", "Note on this issue, or review note on this line")  \
	REQ_(VOTE, "vote", "Record a vote on this ballot")                     \
	REQ_(TOGGLE, "toggle", "Roll call: present or not (meeting)")          \
	REQ_(STEP, "step", "Next lifecycle step of this ballot")               \
	REQ_(CANCEL, "cancel", "Cancel this meeting")                          \
	REQ_(SYNC, "sync", "Sync with every remote (gavel sync)")

#define REQ_ENUM(id, name, help) REQ_##id,
#define REQ_SKIP(group)
enum request { REQ_NONE, REQ_INFO(REQ_SKIP, REQ_ENUM) REQ_COUNT };

#endif
