-- survkit serve: uploaded datasets and saved studies. The same SQL runs on H2 (embedded default) and PostgreSQL.
CREATE TABLE datasets (
    id            VARCHAR(32)  PRIMARY KEY,
    file_name     VARCHAR(200) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    column_count  INTEGER      NOT NULL,
    row_count     INTEGER      NOT NULL,
    content       BYTEA        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE studies (
    id              VARCHAR(32)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    dataset_id      VARCHAR(32)  NOT NULL REFERENCES datasets (id),
    settings        TEXT         NOT NULL,
    results         TEXT,
    survkit_version VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX studies_updated_at ON studies (updated_at);
