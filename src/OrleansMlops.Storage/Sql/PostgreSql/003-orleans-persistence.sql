-- Grain state for Microsoft.Orleans.Persistence.AdoNet 10.4.x.
-- Orleans hashes grain id and grain type into two 32-bit ints and sends the clear-text key parts too
-- (GrainIdN0/N1 and, for string and compound keys, GrainIdExtensionString; NULL for integer keys).
-- Version is the ETag: Orleans sends the version it read as @GrainStateVersion (NULL when it never saw a
-- row) and treats a missing or unchanged NewGrainStateVersion as a conflict (InconsistentStateException).
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL,
    Version                integer     NOT NULL
);

-- One row per grain and service. Unlike SQLite, two silos write at once here, so a split-brain twin's
-- first write must hit a constraint rather than add a second row: inserts below use ON CONFLICT DO NOTHING.
-- NULLS NOT DISTINCT (PostgreSQL 15) makes integer-keyed grains, whose extension is NULL, unique too; the
-- strings are indexed by their md5 so an unusually long key cannot exceed the index row size. The leading
-- columns also serve every lookup, so no other index is needed.
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain ON OrleansStorage
    (ServiceId, GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, md5(GrainTypeString), md5(GrainIdExtensionString))
    NULLS NOT DISTINCT;

-- Write, one statement: a caller holding a version may only update that exact version; a caller without
-- one may only insert. Exactly one row comes back on success and none on conflict (stale version, or a
-- twin inserted first), which Orleans reports as InconsistentStateException.
-- "IS NOT DISTINCT FROM" compares NULL-safely: integer-keyed grains store NULL as their extension.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE OrleansStorage
        SET PayloadBinary = @PayloadBinary,
            ModifiedOn = now(),
            Version = Version + 1
        WHERE ServiceId = @ServiceId AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainTypeString = @GrainTypeString
          AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
          AND Version = @GrainStateVersion
        RETURNING Version
    ), inserted AS (
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
             ServiceId, PayloadBinary, ModifiedOn, Version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
               @ServiceId, @PayloadBinary, now(), 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING Version
    )
    SELECT Version AS NewGrainStateVersion FROM updated
    UNION ALL
    SELECT Version FROM inserted;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Read: Orleans reads PayloadBinary and Version by name; a NULL payload means cleared (no record).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE ServiceId = @ServiceId AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clear (the default, DeleteStateOnClear = false): keep the row, drop the payload, bump the version so a
-- stale activation cannot resurrect old state. Orleans reads the first column of the single row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = now(),
        Version = Version + 1
    WHERE ServiceId = @ServiceId AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Delete (only read when DeleteStateOnClear = true): remove the row. Orleans needs a value different from
-- the version it sent to count this as success, hence Version + 1.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $q$
    DELETE FROM OrleansStorage
    WHERE ServiceId = @ServiceId AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
