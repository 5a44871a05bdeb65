-- Orleans' ADO.NET providers load their SQL at start from this table, keyed by QueryKey.
-- The providers bind parameters and read result columns by name: those names are the contract,
-- the SQL text behind each key is ours. Scripts re-run at every start (one transaction, under an
-- advisory lock), so everything is idempotent and query rows are upserted to pick up changed text.
-- Query texts are dollar-quoted ($q$ … $q$) so they need no doubled quotes.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  text NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);
