-- Accounts: who may do what. A link worker belongs to a team, a VCSE editor
-- to one organisation, a commissioner optionally to one area (a local
-- authority code); admins and QA reviewers belong to nobody.

CREATE TABLE teams (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL UNIQUE CHECK (name <> ''),
    kind       text NOT NULL DEFAULT 'pcn',
    area_code  text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email           text NOT NULL,
    name            text NOT NULL DEFAULT '',
    password_hash   text NOT NULL,
    role            text NOT NULL CHECK (role IN ('admin', 'qa_reviewer', 'link_worker', 'vcse_editor', 'commissioner')),
    organisation_id uuid REFERENCES organisations ON DELETE RESTRICT,
    team_id         uuid REFERENCES teams ON DELETE RESTRICT,
    area_code       text NOT NULL DEFAULT '',
    disabled        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((role = 'vcse_editor') = (organisation_id IS NOT NULL)),
    CHECK ((role = 'link_worker') = (team_id IS NOT NULL)),
    CHECK (role = 'commissioner' OR area_code = '')
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));

-- Only a hash of the session token is stored, so a database leak does not
-- hand out live sessions.
CREATE TABLE sessions (
    token_hash   bytea PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

ALTER TABLE listing_versions
    ADD FOREIGN KEY (author_id) REFERENCES users ON DELETE SET NULL,
    ADD FOREIGN KEY (reviewer_id) REFERENCES users ON DELETE SET NULL;
