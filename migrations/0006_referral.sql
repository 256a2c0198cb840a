-- The link-worker workflow: the people referred, their referrals and triage,
-- consents, contacts, "what matters to me", versioned care and support plans,
-- connections to services (which hold places through service_capacity),
-- outcome measures, unmet needs, and the audit trail of every read and change
-- of a person's data. Which status may follow which is decided in
-- referral/status.go; the CHECKs here only keep values in their vocabularies.

-- A person is recorded afresh with each referral: details change between
-- referrals, and each team holds only its own copy. Keeping them apart from
-- the workflow keeps person-identifiable data in one table.
CREATE TABLE people (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name          text NOT NULL CHECK (name <> ''),
    date_of_birth date NOT NULL,
    nhs_number    text CHECK (nhs_number ~ '^[0-9]{10}$'),
    postcode      text NOT NULL DEFAULT '',
    lsoa          text NOT NULL DEFAULT '',
    lad           text NOT NULL DEFAULT '',
    imd_decile    smallint CHECK (imd_decile BETWEEN 1 AND 10),
    phone         text NOT NULL DEFAULT '',
    email         text NOT NULL DEFAULT '',
    address       text NOT NULL DEFAULT '',
    contact_by    text NOT NULL CHECK (contact_by IN ('phone', 'text', 'email', 'letter')),
    contact_notes text NOT NULL DEFAULT '',
    language      text NOT NULL DEFAULT '',
    interpreter   boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);

CREATE TABLE referrals (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id             uuid NOT NULL UNIQUE REFERENCES people ON DELETE CASCADE,
    team_id               uuid NOT NULL REFERENCES teams ON DELETE RESTRICT,
    link_worker_id        uuid REFERENCES users ON DELETE SET NULL,
    source                text NOT NULL CHECK (source IN ('gp_practice', 'pharmacy', 'hospital_discharge',
                          'allied_health_professional', 'social_care', 'housing', 'police', 'fire_service',
                          'job_centre', 'vcse', 'education', 'self_referral', 'other')),
    referrer_name         text NOT NULL DEFAULT '',
    referrer_organisation text NOT NULL DEFAULT '',
    referrer_phone        text NOT NULL DEFAULT '',
    referrer_email        text NOT NULL DEFAULT '',
    reason                text NOT NULL DEFAULT '',
    urgency               text NOT NULL CHECK (urgency IN ('routine', 'urgent', 'asap')),
    status                text NOT NULL CHECK (status IN ('received', 'accepted', 'declined', 'redirected',
                          'first_contact', 'assessed', 'plan_agreed', 'active', 'closed')),
    status_reason         text NOT NULL DEFAULT '',
    redirected_to         text NOT NULL DEFAULT '',
    received_at           timestamptz NOT NULL,
    status_at             timestamptz NOT NULL,
    first_contact_at      timestamptz,
    created_by            uuid REFERENCES users ON DELETE SET NULL
);
CREATE INDEX referrals_team_idx ON referrals (team_id, received_at);
CREATE INDEX referrals_worker_idx ON referrals (link_worker_id, received_at);

CREATE TABLE referral_needs (
    referral_id uuid NOT NULL REFERENCES referrals ON DELETE CASCADE,
    term_id     uuid NOT NULL REFERENCES taxonomy_terms ON DELETE RESTRICT,
    PRIMARY KEY (referral_id, term_id)
);
CREATE INDEX referral_needs_term_idx ON referral_needs (term_id);

-- Consent is a history: the latest row of each kind is what holds now.
CREATE TABLE consents (
    id             bigserial PRIMARY KEY,
    referral_id    uuid NOT NULL REFERENCES referrals ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('referral', 'share_gp', 'share_services')),
    given          boolean NOT NULL,
    recorded_by    text NOT NULL CHECK (recorded_by <> ''),
    recorded_by_id uuid REFERENCES users ON DELETE SET NULL,
    given_at       timestamptz NOT NULL
);
CREATE INDEX consents_referral_idx ON consents (referral_id, kind, given_at);

CREATE TABLE referral_events (
    id          bigserial PRIMARY KEY,
    referral_id uuid NOT NULL REFERENCES referrals ON DELETE CASCADE,
    from_status text NOT NULL DEFAULT '',
    to_status   text NOT NULL,
    reason      text NOT NULL DEFAULT '',
    note        text NOT NULL DEFAULT '',
    snomed_code text NOT NULL DEFAULT '',
    actor_id    uuid REFERENCES users ON DELETE SET NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, id);

CREATE TABLE referral_contacts (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    referral_id      uuid NOT NULL REFERENCES referrals ON DELETE CASCADE,
    kind             text NOT NULL CHECK (kind IN ('phone', 'face_to_face', 'home_visit', 'video', 'text',
                     'accompanied')),
    at               timestamptz NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 0 AND 600),
    notes            text NOT NULL DEFAULT '',
    did_not_attend   boolean NOT NULL DEFAULT false,
    recorded_by      uuid REFERENCES users ON DELETE SET NULL,
    recorded_at      timestamptz NOT NULL
);
CREATE INDEX referral_contacts_referral_idx ON referral_contacts (referral_id, at);

CREATE TABLE what_matters (
    id          bigserial PRIMARY KEY,
    referral_id uuid NOT NULL REFERENCES referrals ON DELETE CASCADE,
    themes      text[] NOT NULL,
    notes       text NOT NULL DEFAULT '',
    recorded_by uuid REFERENCES users ON DELETE SET NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX what_matters_referral_idx ON what_matters (referral_id, id);

-- Every save of a plan is a new version; earlier versions are never changed.
CREATE TABLE care_plans (
    referral_id uuid NOT NULL REFERENCES referrals ON DELETE CASCADE,
    version     integer NOT NULL CHECK (version > 0),
    goals       jsonb NOT NULL,
    actions     jsonb NOT NULL,
    review_on   date NOT NULL,
    created_by  uuid REFERENCES users ON DELETE SET NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (referral_id, version)
);

-- A connection is a FHIR Task asking a service to take the person on.
-- requested_at is when it started waiting for the service's answer: the
-- request itself, or the promotion from the waiting list.
CREATE TABLE connections (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    referral_id   uuid NOT NULL REFERENCES referrals ON DELETE CASCADE,
    service_id    uuid NOT NULL REFERENCES services ON DELETE RESTRICT,
    status        text NOT NULL CHECK (status IN ('waitlisted', 'requested', 'accepted', 'rejected',
                  'cancelled', 'in_progress', 'completed', 'failed')),
    status_reason text NOT NULL DEFAULT '',
    reason        text NOT NULL CHECK (reason <> ''),
    created_by    uuid REFERENCES users ON DELETE SET NULL,
    created_at    timestamptz NOT NULL,
    requested_at  timestamptz,
    responded_at  timestamptz,
    started_at    timestamptz,
    ended_at      timestamptz
);
CREATE UNIQUE INDEX connections_open_idx ON connections (referral_id, service_id)
    WHERE status IN ('waitlisted', 'requested', 'accepted', 'in_progress');
CREATE INDEX connections_service_idx ON connections (service_id, created_at);
CREATE INDEX connections_waiting_idx ON connections (service_id, created_at) WHERE status = 'waitlisted';

CREATE TABLE connection_events (
    id            bigserial PRIMARY KEY,
    connection_id uuid NOT NULL REFERENCES connections ON DELETE CASCADE,
    from_status   text NOT NULL DEFAULT '',
    to_status     text NOT NULL,
    reason        text NOT NULL DEFAULT '',
    note          text NOT NULL DEFAULT '',
    actor_id      uuid REFERENCES users ON DELETE SET NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX connection_events_connection_idx ON connection_events (connection_id, id);

-- score is SWEMWBS's raw total (7–35); ONS4's four answers are reported
-- item by item, so it has none.
CREATE TABLE outcomes (
    referral_id uuid NOT NULL REFERENCES referrals ON DELETE CASCADE,
    measure     text NOT NULL CHECK (measure IN ('ons4', 'swemwbs')),
    stage       text NOT NULL CHECK (stage IN ('baseline', 'follow_up')),
    items       smallint[] NOT NULL,
    score       integer,
    taken_on    date NOT NULL,
    recorded_by uuid REFERENCES users ON DELETE SET NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (referral_id, measure, stage),
    CHECK ((measure = 'ons4' AND cardinality(items) = 4 AND 0 <= ALL (items) AND 10 >= ALL (items) AND score IS NULL)
        OR (measure = 'swemwbs' AND cardinality(items) = 7 AND 1 <= ALL (items) AND 5 >= ALL (items)
            AND score BETWEEN 7 AND 35))
);

-- The change per person, for commissioners' aggregates: no names, only the
-- area and deprivation the person lives in.
CREATE VIEW outcome_changes AS
SELECT b.referral_id, r.team_id, p.lsoa, p.lad, p.imd_decile, b.measure,
       b.items AS baseline_items, f.items AS follow_up_items,
       b.score AS baseline_score, f.score AS follow_up_score, f.score - b.score AS score_change,
       b.taken_on AS baseline_on, f.taken_on AS follow_up_on
FROM outcomes b
JOIN outcomes f ON f.referral_id = b.referral_id AND f.measure = b.measure AND f.stage = 'follow_up'
JOIN referrals r ON r.id = b.referral_id
JOIN people p ON p.id = r.person_id
WHERE b.stage = 'baseline';

-- Needs nothing suitable was found for. The area is copied from the person so
-- the evidence outlives the referral (referral_id goes NULL when it is
-- deleted) and commissioners can count it without reading person data.
CREATE TABLE unmet_needs (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    referral_id uuid REFERENCES referrals ON DELETE SET NULL,
    team_id     uuid NOT NULL REFERENCES teams ON DELETE RESTRICT,
    term_id     uuid NOT NULL REFERENCES taxonomy_terms ON DELETE RESTRICT,
    lsoa        text NOT NULL DEFAULT '',
    lad         text NOT NULL DEFAULT '',
    imd_decile  smallint CHECK (imd_decile BETWEEN 1 AND 10),
    notes       text NOT NULL DEFAULT '',
    recorded_by uuid REFERENCES users ON DELETE SET NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX unmet_needs_area_idx ON unmet_needs (lad, term_id, recorded_at);
CREATE INDEX unmet_needs_referral_idx ON unmet_needs (referral_id);

-- Who read or changed which person's data, when, and through which route.
-- No foreign keys: the trail must outlive the referral and the account.
CREATE TABLE person_audit (
    id          bigserial PRIMARY KEY,
    referral_id uuid NOT NULL,
    actor_id    uuid,
    actor_role  text NOT NULL,
    action      text NOT NULL CHECK (action IN ('read', 'create', 'change')),
    what        text NOT NULL,
    route       text NOT NULL DEFAULT '',
    at          timestamptz NOT NULL
);
CREATE INDEX person_audit_referral_idx ON person_audit (referral_id, at);
CREATE INDEX person_audit_actor_idx ON person_audit (actor_id, at);

-- A retried write replays the first answer. request is a hash of what was
-- asked, so reusing a key for a different request is refused.
CREATE TABLE idempotency_keys (
    user_id    uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    route      text NOT NULL,
    key        text NOT NULL,
    request    bytea NOT NULL,
    response   jsonb,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, route, key)
);
