-- Imports: where imported listings came from, the source's own taxonomy terms
-- beside the Kith categories they were mapped to, and national postcodes.

-- One row per organisation or service brought in from a feed or spreadsheet.
-- Kith ids derive from (source, kind, source_id), so a re-import updates the
-- same rows; this table keeps the source's id for people tracing a listing
-- back to where it came from.
CREATE TABLE import_records (
    source      text NOT NULL CHECK (source <> ''),
    kind        text NOT NULL CHECK (kind IN ('organisation', 'service')),
    source_id   text NOT NULL CHECK (source_id <> ''),
    entity_id   uuid NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, kind, source_id)
);
CREATE INDEX import_records_entity_idx ON import_records (entity_id);

-- The terms a source filed a service under, as the source wrote them.
-- category is the Kith category code the vocabulary file mapped the term to,
-- '' while nobody has mapped it, so unmapped vocabularies can be reviewed.
CREATE TABLE import_terms (
    service_id uuid NOT NULL REFERENCES services ON DELETE CASCADE,
    source     text NOT NULL,
    vocabulary text NOT NULL DEFAULT '',
    term_id    text NOT NULL DEFAULT '',
    term       text NOT NULL,
    category   text NOT NULL DEFAULT '',
    PRIMARY KEY (service_id, vocabulary, term_id, term)
);
CREATE INDEX import_terms_unmapped_idx ON import_terms (vocabulary, term) WHERE category = '';

-- National postcodes from the ONS Postcode Directory. Empty until
-- `kith import postcodes` loads it; the import builds a new table and swaps
-- it in, so the column list here is the one the importer recreates.
-- Terminated postcodes stay: people still give them as their address.
CREATE TABLE postcodes (
    postcode   text PRIMARY KEY,
    outcode    text NOT NULL,
    lat        double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon        double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    lsoa       text NOT NULL DEFAULT '',
    lad        text NOT NULL DEFAULT '',
    ward       text NOT NULL DEFAULT '',
    imd_decile smallint NOT NULL DEFAULT 0 CHECK (imd_decile BETWEEN 0 AND 10),
    terminated boolean NOT NULL DEFAULT false
);
CREATE INDEX postcodes_outcode_idx ON postcodes (outcode) WHERE NOT terminated;
