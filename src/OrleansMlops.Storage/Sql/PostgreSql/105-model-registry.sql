-- Read model of the model registry: search and lineage queries over model versions. The version grains stay the
-- source of truth; each projects its view here after every write. A row only moves forward: writers upsert with a
-- higher revision, so late or repeated projections are ignored, and the child rows are replaced with their parent.
-- Times are ISO-8601 UTC round-trip text, so ordering by text is ordering by time; text compares byte for byte
-- (COLLATE "C", as SQLite's BINARY). Dictionaries (parameters, training environment, metrics) are JSON objects kept as
-- text; tags and environments are also kept as JSON arrays on the row for display, and as child rows for indexed
-- filtering.
CREATE TABLE IF NOT EXISTS model_versions
(
    name                      TEXT COLLATE "C" NOT NULL,
    version                   INTEGER          NOT NULL CHECK (version >= 1),
    lifecycle                 TEXT COLLATE "C" NOT NULL,
    purpose                   TEXT COLLATE "C" NOT NULL,
    risk_class                TEXT COLLATE "C" NOT NULL,
    owner                     TEXT COLLATE "C",
    tier                      TEXT COLLATE "C",
    owner_run_id              TEXT COLLATE "C" NOT NULL,
    artifact_sha256           TEXT COLLATE "C" NOT NULL,
    dataset_id                TEXT COLLATE "C" NOT NULL,
    dataset_version           TEXT COLLATE "C" NOT NULL,
    code_commit               TEXT COLLATE "C" NOT NULL,
    trained_by                TEXT COLLATE "C" NOT NULL,
    trained_at                TEXT COLLATE "C" NOT NULL,
    registered_at             TEXT COLLATE "C" NOT NULL,
    updated_at                TEXT COLLATE "C" NOT NULL,
    approved_by               TEXT COLLATE "C",
    environments              TEXT COLLATE "C" NOT NULL,
    tags                      TEXT COLLATE "C" NOT NULL,
    parameters_json           TEXT COLLATE "C" NOT NULL,
    training_environment_json TEXT COLLATE "C" NOT NULL,
    training_metrics_json     TEXT COLLATE "C" NOT NULL,
    validation_metrics_json   TEXT COLLATE "C" NOT NULL,
    revision                  BIGINT           NOT NULL,
    PRIMARY KEY (name, version)
);

-- Newest first, unfiltered and by each filter; (name, version) breaks ties. The name filter uses the primary key.
CREATE INDEX IF NOT EXISTS ix_model_versions_registered ON model_versions (registered_at DESC, name, version);
CREATE INDEX IF NOT EXISTS ix_model_versions_lifecycle ON model_versions (lifecycle, registered_at DESC);
CREATE INDEX IF NOT EXISTS ix_model_versions_risk_class ON model_versions (risk_class, registered_at DESC);
CREATE INDEX IF NOT EXISTS ix_model_versions_owner ON model_versions (owner, registered_at DESC);
CREATE INDEX IF NOT EXISTS ix_model_versions_dataset ON model_versions (dataset_id, dataset_version, registered_at DESC);

CREATE TABLE IF NOT EXISTS model_version_tags
(
    name    TEXT COLLATE "C" NOT NULL,
    version INTEGER          NOT NULL,
    tag     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (name, version, tag),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version)
);

CREATE INDEX IF NOT EXISTS ix_model_version_tags_tag ON model_version_tags (tag, name, version);

-- The environments a version is live in now (not its deployment history: that stays with the environment grains).
CREATE TABLE IF NOT EXISTS model_version_environments
(
    name        TEXT COLLATE "C" NOT NULL,
    version     INTEGER          NOT NULL,
    environment TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (name, version, environment),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version)
);

CREATE INDEX IF NOT EXISTS ix_model_version_environments_environment ON model_version_environments (environment, name, version);

-- ordinal keeps the files in the order the train stage recorded them.
CREATE TABLE IF NOT EXISTS model_version_files
(
    name    TEXT COLLATE "C" NOT NULL,
    version INTEGER          NOT NULL,
    ordinal INTEGER          NOT NULL CHECK (ordinal >= 0),
    role    TEXT COLLATE "C" NOT NULL,
    path    TEXT COLLATE "C" NOT NULL,
    sha256  TEXT COLLATE "C" NOT NULL,
    rows    BIGINT           NOT NULL,
    PRIMARY KEY (name, version, ordinal),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version)
);

CREATE INDEX IF NOT EXISTS ix_model_version_files_sha256 ON model_version_files (sha256, name, version);
