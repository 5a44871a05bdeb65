-- Orleans' ADO.NET providers load their SQL at start from this table, keyed by QueryKey.
-- The providers bind parameters and read result columns by name: those names are the contract,
-- the SQL text behind each key is ours. Scripts re-run at every start, so everything is idempotent
-- and query rows are replaced (INSERT OR REPLACE) to pick up changed text on upgrade.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
