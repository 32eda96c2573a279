/**
 * A LIMIT read from a bound parameter, written so that SQLite prepares the statement once.
 *
 * SQLite's planner reads the value bound to a bare `LIMIT ?` (sqlite3ExprIsInteger marks that
 * parameter in the statement's expmask), so binding it again expires the statement, and every run
 * parses and plans the SQL anew: a quarter to a third of a short read's time, and most of what an
 * idle subscription's empty read costs. A CAST is not looked into: the plan is kept, and the limit
 * is taken from the parameter when the statement runs. -1 still means no limit.
 */
export const BOUND_LIMIT = 'LIMIT CAST(? AS INTEGER)';
