-- What a search result shows of each service, one row a service, so that
-- hydrating a page of results reads one row a card instead of a service,
-- its organisation, its categories and its sessions (docs/SEARCH.md).
-- Triggers refresh it as each write it depends on commits, in that write's
-- transaction, so it is never staler than the tables it is made from.
CREATE TABLE result_cards (
    service_id        uuid PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
    findable          boolean NOT NULL, -- published, active, and its organisation published
    name              text NOT NULL,
    description       text NOT NULL,
    organisation_id   uuid NOT NULL,
    organisation_name text NOT NULL,
    free              boolean NOT NULL,
    categories        text[] NOT NULL, -- id, code and name of each category, by name
    sessions          text[] NOT NULL  -- freq, days, opens, closes, valid from and to of each session
);

-- In PL/pgSQL, not SQL: a session plans its statement once, where a SQL
-- function's was planned at every call (about 1 ms each).
CREATE FUNCTION refresh_result_cards(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
IF cardinality(ids) = 0 THEN
    RETURN;
END IF;
INSERT INTO result_cards (service_id, findable, name, description, organisation_id, organisation_name, free, categories, sessions)
SELECT s.id, s.published AND s.status = 'active' AND o.published, s.name, s.description, s.organisation_id, o.name, s.free,
       ARRAY(SELECT u.v
             FROM service_categories sc JOIN taxonomy_terms t ON t.id = sc.term_id,
                  unnest(ARRAY[t.id::text, t.code, t.name]) WITH ORDINALITY AS u(v, k)
             WHERE sc.service_id = s.id
             ORDER BY t.name, t.id, u.k),
       ARRAY(SELECT u.v
             FROM schedules x,
                  unnest(ARRAY[x.freq, array_to_string(x.byday, ' '), to_char(x.opens_at, 'HH24:MI'),
                               to_char(x.closes_at, 'HH24:MI'), coalesce(to_char(x.valid_from, 'YYYY-MM-DD'), ''),
                               coalesce(to_char(x.valid_to, 'YYYY-MM-DD'), '')]) WITH ORDINALITY AS u(v, k)
             WHERE x.service_id = s.id
             ORDER BY x.opens_at, x.freq, x.id, u.k)
FROM services s JOIN organisations o ON o.id = s.organisation_id
WHERE s.id = ANY(ids)
ORDER BY s.id -- every refresh locks cards in one order, so two cannot deadlock
ON CONFLICT (service_id) DO UPDATE SET
    findable = excluded.findable, name = excluded.name, description = excluded.description,
    organisation_id = excluded.organisation_id, organisation_name = excluded.organisation_name,
    free = excluded.free, categories = excluded.categories, sessions = excluded.sessions;
END $$;

-- The listings whose cards a transaction has yet to refresh. The triggers
-- below only note them here; one deferred trigger refreshes them all when
-- the transaction commits, so that saving a listing, which touches it in
-- several statements, refreshes its card once. Rows never outlive their
-- transaction, so the table need not survive a crash.
CREATE UNLOGGED TABLE result_cards_stale (service_id uuid PRIMARY KEY);

CREATE FUNCTION refresh_stale_result_cards() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Found by its key: after a bulk write the table is full of the rows
    -- the first refresh deleted, and every later firing scanning them all
    -- took a COPY of 100,000 listings from 37 s to 263 s.
    IF NOT EXISTS (SELECT FROM result_cards_stale WHERE service_id = NEW.service_id) THEN
        RETURN NULL;
    END IF;
    PERFORM refresh_result_cards(ARRAY(SELECT service_id FROM result_cards_stale));
    DELETE FROM result_cards_stale;
    RETURN NULL;
END $$;

-- A row-level constraint trigger is the only kind that can wait for the
-- commit; the first to fire refreshes every card the transaction noted and
-- the rest find nothing left.
CREATE CONSTRAINT TRIGGER result_cards_refresh AFTER INSERT ON result_cards_stale
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_stale_result_cards();

CREATE FUNCTION note_stale_result_cards(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO result_cards_stale SELECT DISTINCT id FROM unnest(ids) AS id ORDER BY id ON CONFLICT DO NOTHING;
END $$;

-- One trigger function for each way a statement's rows lead to services.
-- They run once a statement, over its transition table.
CREATE FUNCTION result_cards_of_services() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM note_stale_result_cards(ARRAY(SELECT id FROM changed));
    RETURN NULL;
END $$;

CREATE FUNCTION result_cards_of_parts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM note_stale_result_cards(ARRAY(SELECT service_id FROM changed));
    RETURN NULL;
END $$;

CREATE FUNCTION result_cards_of_moved_parts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM note_stale_result_cards(ARRAY(SELECT service_id FROM before UNION SELECT service_id FROM changed));
    RETURN NULL;
END $$;

CREATE FUNCTION result_cards_of_organisations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM note_stale_result_cards(ARRAY(SELECT s.id FROM services s JOIN changed o ON o.id = s.organisation_id));
    RETURN NULL;
END $$;

CREATE FUNCTION result_cards_of_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM note_stale_result_cards(ARRAY(SELECT sc.service_id FROM service_categories sc JOIN changed t ON t.id = sc.term_id));
    RETURN NULL;
END $$;

CREATE TRIGGER result_cards_insert AFTER INSERT ON services
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION result_cards_of_services();
CREATE TRIGGER result_cards_update AFTER UPDATE ON services
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION result_cards_of_services();

-- A listing's categories and its sessions are its parts: the same three
-- triggers on each.
DO $$
DECLARE
    part text;
BEGIN
    FOREACH part IN ARRAY ARRAY['service_categories', 'schedules'] LOOP
        EXECUTE format('CREATE TRIGGER result_cards_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION result_cards_of_parts()', part);
        EXECUTE format('CREATE TRIGGER result_cards_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS before NEW TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION result_cards_of_moved_parts()', part);
        EXECUTE format('CREATE TRIGGER result_cards_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION result_cards_of_parts()', part);
    END LOOP;
END $$;

CREATE TRIGGER result_cards_update AFTER UPDATE ON organisations
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION result_cards_of_organisations();
CREATE TRIGGER result_cards_update AFTER UPDATE ON taxonomy_terms
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION result_cards_of_terms();

SELECT refresh_result_cards(ARRAY(SELECT id FROM services));
