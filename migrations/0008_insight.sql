-- Commissioner insight: the community development log, a person-free view
-- of referrals for aggregate reports, and the indexes the period-bounded
-- aggregates use. Reports read referral_facts and outcome_changes rather
-- than people, so no report query can so much as select a name.

-- Community development work link workers do with groups and areas: the
-- Common Outcomes Framework's community impact. An entry is against an
-- organisation or an area; lad is where it counts for commissioners either
-- way, resolved when the entry is written, so it survives the organisation.
CREATE TABLE community_work (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id         uuid NOT NULL REFERENCES teams ON DELETE RESTRICT,
    kind            text NOT NULL CHECK (kind IN ('advice_training', 'funding_bid', 'volunteers_recruited',
                    'new_group', 'gap_raised')),
    against         text NOT NULL CHECK (against IN ('organisation', 'area')),
    organisation_id uuid REFERENCES organisations ON DELETE SET NULL,
    area_code       text NOT NULL DEFAULT '',
    lad             text NOT NULL DEFAULT '',
    term_id         uuid REFERENCES taxonomy_terms ON DELETE RESTRICT,
    people          integer CHECK (people BETWEEN 0 AND 100000),
    happened_on     date NOT NULL,
    notes           text NOT NULL DEFAULT '',
    recorded_by     uuid REFERENCES users ON DELETE SET NULL,
    recorded_at     timestamptz NOT NULL,
    CHECK ((against = 'area') = (area_code <> '')),
    CHECK (against = 'organisation' OR organisation_id IS NULL)
);
CREATE INDEX community_work_team_idx ON community_work (team_id, happened_on);
CREATE INDEX community_work_area_idx ON community_work (lad, happened_on);
CREATE INDEX community_work_organisation_idx ON community_work (organisation_id, happened_on);

-- A referral as aggregates may see it: coded facts, the area and
-- deprivation the person lives in, and their age when referred, never the
-- date of birth it comes from.
CREATE VIEW referral_facts AS
SELECT r.id AS referral_id, r.team_id, r.source, r.status, r.status_reason, r.received_at,
       r.first_contact_at, p.lsoa, p.lad, p.imd_decile,
       extract(year FROM age((r.received_at AT TIME ZONE 'Europe/London')::date, p.date_of_birth))::int
           AS age_at_referral
FROM referrals r
JOIN people p ON p.id = r.person_id;

CREATE INDEX referrals_received_idx ON referrals (received_at);
CREATE INDEX people_lad_idx ON people (lad);
CREATE INDEX connections_created_idx ON connections (created_at);
CREATE INDEX outcomes_follow_up_idx ON outcomes (taken_on) WHERE stage = 'follow_up';
