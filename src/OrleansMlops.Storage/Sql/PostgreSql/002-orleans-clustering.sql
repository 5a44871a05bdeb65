-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet 10.4.x. The provider names the cluster
-- "DeploymentId" (it binds ClusterOptions.ClusterId under that name) and fails at start unless all nine
-- required keys below exist; CleanupDefunctSiloEntryKey is optional and, when present, preferred.
--
-- Concurrency contract: one version row per cluster. Every membership read returns that row's Version
-- with each member, and Orleans uses it as the ETag of the whole table (and of every row). A write passes
-- the Version it read as @Version and must succeed only if the table is still at that version, bumping it
-- in the same statement; otherwise it must report false so Orleans re-reads and retries. The version row
-- lock therefore serializes all membership writes of a cluster. Only the I-am-alive heartbeat and the
-- clean-up of dead rows bypass it, as Orleans expects.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text        NOT NULL PRIMARY KEY,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0
);

-- One row per silo incarnation (Generation changes at every start). Deleting a cluster's version row
-- removes its members with it, which keeps DeleteMembershipTableEntriesKey to one statement.
-- SuspectTimes is Orleans' own text encoding of the death votes ("silo,date|silo,date").
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId text        NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE,
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NOT NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Run by every silo at start. Orleans reads one column that converts to a boolean (row created or not),
-- and needs a row either way, hence the count over the insert's RETURNING.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $q$
    WITH inserted AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*) = 1 FROM inserted;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Reads: the version row is the outer side of the join so the table version comes back even when there
-- is no member (Orleans takes it from the first row and reads a NULL StartTime as "no entry").
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $q$
    SELECT m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $q$
    SELECT m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
           ON m.DeploymentId = v.DeploymentId
          AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Insert a member only if the table is still at @Version, and bump the version only if the member went in,
-- all in one statement. The first step locks the version row (FOR UPDATE): a concurrent writer makes this
-- statement wait and, once that writer has bumped the version, the row no longer qualifies, so nothing is
-- inserted. The 2147483647 guard turns integer overflow into a plain "false".
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $q$
    WITH locked AS (
        SELECT DeploymentId
        FROM OrleansMembershipVersionTable
        WHERE DeploymentId = @DeploymentId AND Version = @Version AND Version < 2147483647
        FOR UPDATE
    ), inserted AS (
        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
        SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
        FROM locked
        ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING
        RETURNING DeploymentId
    ), bumped AS (
        UPDATE OrleansMembershipVersionTable v
        SET Version = v.Version + 1, Timestamp = now()
        FROM inserted
        WHERE v.DeploymentId = inserted.DeploymentId
        RETURNING 1
    )
    SELECT count(*) = 1 FROM bumped;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Same shape as the insert: version check and lock, member update, version bump. IAmAliveTime never
-- moves backwards, because the heartbeat below may already have written a later one.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $q$
    WITH locked AS (
        SELECT DeploymentId
        FROM OrleansMembershipVersionTable
        WHERE DeploymentId = @DeploymentId AND Version = @Version AND Version < 2147483647
        FOR UPDATE
    ), updated AS (
        UPDATE OrleansMembershipTable m
        SET Status = @Status,
            SuspectTimes = @SuspectTimes,
            IAmAliveTime = GREATEST(m.IAmAliveTime, @IAmAliveTime)
        FROM locked
        WHERE m.DeploymentId = locked.DeploymentId
          AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
        RETURNING m.DeploymentId
    ), bumped AS (
        UPDATE OrleansMembershipVersionTable v
        SET Version = v.Version + 1, Timestamp = now()
        FROM updated
        WHERE v.DeploymentId = updated.DeploymentId
        RETURNING 1
    )
    SELECT count(*) = 1 FROM bumped;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The heartbeat: not versioned (Orleans checks no result), so it never contends for the version row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $q$
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address AND Port = @Port AND Generation = @Generation;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clients (and co-hosted clients) list gateways: Orleans binds @Status = 3 (Active) and reads
-- Address, ProxyPort and Generation. ProxyPort 0 means the silo runs no gateway.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $q$
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Tests and tooling wipe a cluster; the members go with the version row (ON DELETE CASCADE).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM OrleansMembershipVersionTable
    WHERE DeploymentId = @DeploymentId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Defunct-silo clean-up, preferred form: Orleans reads the table, picks Dead (Status 6) rows older than its
-- cut-off and deletes each one only if it still holds the values it read (Status, times, votes), so a row
-- that changed in between stays. Orleans re-encodes the votes it parsed, and turns an empty vote list
-- into NULL, hence the COALESCE on both sides.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address AND Port = @Port AND Generation = @Generation
      AND Status = 6
      AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
      AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Required, but only used when the key above is missing: one cut-off, so it keeps to Dead rows that
-- started and last reported before it and carry no votes (SQL cannot judge the age of encoded votes).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Status = 6
      AND StartTime < @IAmAliveTime AND IAmAliveTime < @IAmAliveTime
      AND COALESCE(SuspectTimes, '') = '';
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
