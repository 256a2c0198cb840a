-- The directory core, shaped like HSDS 3.0: organisations own locations and
-- services; services are delivered at locations and described by schedules,
-- phones, contacts, cost options, categories (taxonomy terms) and areas.

CREATE TABLE organisations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           text NOT NULL CHECK (name <> ''),
    description    text NOT NULL DEFAULT '',
    email          text NOT NULL DEFAULT '',
    url            text NOT NULL DEFAULT '',
    legal_status   text NOT NULL DEFAULT '',
    published      boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_name_idx ON organisations (lower(name));

CREATE TABLE organisation_identifiers (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations ON DELETE CASCADE,
    scheme          text NOT NULL,
    identifier      text NOT NULL,
    UNIQUE (organisation_id, scheme)
);

CREATE TABLE taxonomies (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL UNIQUE,
    description text NOT NULL DEFAULT '',
    uri         text NOT NULL DEFAULT '',
    version     text NOT NULL DEFAULT ''
);

CREATE TABLE taxonomy_terms (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    taxonomy_id uuid NOT NULL REFERENCES taxonomies ON DELETE CASCADE,
    parent_id   uuid REFERENCES taxonomy_terms ON DELETE CASCADE,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    description text NOT NULL DEFAULT ''
);
CREATE INDEX taxonomy_terms_parent_idx ON taxonomy_terms (parent_id);

CREATE TABLE services (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id  uuid NOT NULL REFERENCES organisations ON DELETE CASCADE,
    name             text NOT NULL CHECK (name <> ''),
    alternate_name   text NOT NULL DEFAULT '',
    description      text NOT NULL DEFAULT '',
    url              text NOT NULL DEFAULT '',
    email            text NOT NULL DEFAULT '',
    status           text NOT NULL DEFAULT 'active'
                     CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
    min_age          integer CHECK (min_age BETWEEN 0 AND 130),
    max_age          integer CHECK (max_age BETWEEN 0 AND 130),
    eligibility      text NOT NULL DEFAULT '',
    free             boolean NOT NULL DEFAULT false,
    fees_description text NOT NULL DEFAULT '',
    languages        text[] NOT NULL DEFAULT '{}',
    delivery_modes   text[] NOT NULL DEFAULT '{in_person}',
    internal_notes   text NOT NULL DEFAULT '',
    published        boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);
CREATE INDEX services_organisation_idx ON services (organisation_id);

CREATE TABLE locations (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations ON DELETE CASCADE,
    name            text NOT NULL DEFAULT '',
    description     text NOT NULL DEFAULT '',
    address_1       text NOT NULL DEFAULT '',
    address_2       text NOT NULL DEFAULT '',
    city            text NOT NULL DEFAULT '',
    region          text NOT NULL DEFAULT '',
    postcode        text NOT NULL DEFAULT '',
    country         text NOT NULL DEFAULT 'GB',
    lon             double precision CHECK (lon BETWEEN -180 AND 180),
    lat             double precision CHECK (lat BETWEEN -90 AND 90),
    hide_address    boolean NOT NULL DEFAULT false,
    accessibility   text[] NOT NULL DEFAULT '{}',
    transport       text NOT NULL DEFAULT '',
    CHECK ((lon IS NULL) = (lat IS NULL))
);
CREATE INDEX locations_organisation_idx ON locations (organisation_id);

CREATE TABLE service_at_location (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id  uuid NOT NULL REFERENCES services ON DELETE CASCADE,
    location_id uuid NOT NULL REFERENCES locations ON DELETE CASCADE,
    UNIQUE (service_id, location_id)
);
CREATE INDEX service_at_location_location_idx ON service_at_location (location_id);

-- Sessions are RFC 5545-like: WEEKLY on byday (MO..SU), or MONTHLY on ordinal
-- weekdays such as 1TU (first Tuesday) or -1FR (last Friday).
CREATE TABLE schedules (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id  uuid NOT NULL REFERENCES services ON DELETE CASCADE,
    location_id uuid REFERENCES locations ON DELETE SET NULL,
    freq        text NOT NULL CHECK (freq IN ('WEEKLY', 'MONTHLY')),
    byday       text[] NOT NULL CHECK (cardinality(byday) > 0),
    opens_at    time NOT NULL,
    closes_at   time NOT NULL,
    valid_from  date,
    valid_to    date,
    description text NOT NULL DEFAULT '',
    CHECK (opens_at < closes_at),
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
CREATE INDEX schedules_service_idx ON schedules (service_id);

CREATE TABLE phones (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id  uuid NOT NULL REFERENCES services ON DELETE CASCADE,
    number      text NOT NULL,
    type        text NOT NULL DEFAULT 'voice',
    description text NOT NULL DEFAULT ''
);
CREATE INDEX phones_service_idx ON phones (service_id);

CREATE TABLE contacts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id  uuid NOT NULL REFERENCES services ON DELETE CASCADE,
    name        text NOT NULL,
    title       text NOT NULL DEFAULT '',
    email       text NOT NULL DEFAULT '',
    phone       text NOT NULL DEFAULT ''
);
CREATE INDEX contacts_service_idx ON contacts (service_id);

CREATE TABLE cost_options (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id  uuid NOT NULL REFERENCES services ON DELETE CASCADE,
    option      text NOT NULL DEFAULT '',
    amount      numeric(10,2) CHECK (amount >= 0),
    currency    text NOT NULL DEFAULT 'GBP',
    description text NOT NULL DEFAULT ''
);
CREATE INDEX cost_options_service_idx ON cost_options (service_id);

CREATE TABLE service_categories (
    service_id uuid NOT NULL REFERENCES services ON DELETE CASCADE,
    term_id    uuid NOT NULL REFERENCES taxonomy_terms ON DELETE CASCADE,
    PRIMARY KEY (service_id, term_id)
);
CREATE INDEX service_categories_term_idx ON service_categories (term_id);

CREATE TABLE service_areas (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id  uuid NOT NULL REFERENCES services ON DELETE CASCADE,
    name        text NOT NULL,
    area_code   text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT ''
);
CREATE INDEX service_areas_service_idx ON service_areas (service_id);

-- Every change to a listing is a version: who proposed what, when, and who
-- approved or rejected it. Pending versions wait for moderation while the
-- published listing stays live.
CREATE TABLE listing_versions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    entity      text NOT NULL CHECK (entity IN ('organisation', 'service')),
    entity_id   uuid NOT NULL,
    state       text NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'superseded')),
    payload     jsonb NOT NULL,
    changed     text[] NOT NULL DEFAULT '{}',
    author_id   uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    reviewer_id uuid,
    reviewed_at timestamptz,
    review_note text NOT NULL DEFAULT ''
);
CREATE INDEX listing_versions_entity_idx ON listing_versions (entity, entity_id, created_at);
CREATE INDEX listing_versions_pending_idx ON listing_versions (created_at) WHERE state = 'pending';

-- The outbox is the change feed search follows: a row per change that may
-- alter what search returns, written in the same transaction as the change.
CREATE TABLE outbox (
    seq        bigserial PRIMARY KEY,
    entity     text NOT NULL,
    entity_id  uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kith_outbox', NEW.seq::text);
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
    FOR EACH ROW EXECUTE FUNCTION outbox_notify();
