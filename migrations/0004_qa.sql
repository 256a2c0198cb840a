-- VCSE quality assurance. Admins publish checklist templates as numbered
-- versions that are never edited afterwards. An organisation answers items by
-- key; each answer is a response row that moves draft → submitted →
-- verified | rejected, so renewing evidence never disturbs the verified answer
-- it replaces. Assurance status is derived from these rows and the clock, never
-- stored.

CREATE TABLE qa_templates (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    version    integer NOT NULL UNIQUE CHECK (version > 0),
    title      text NOT NULL CHECK (title <> ''),
    notes      text NOT NULL DEFAULT '',
    created_by uuid REFERENCES users ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A key names one requirement across versions: evidence verified under one
-- version counts under the next while the key stays the same.
CREATE TABLE qa_template_items (
    template_id     uuid NOT NULL REFERENCES qa_templates ON DELETE RESTRICT,
    key             text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
    position        integer NOT NULL,
    title           text NOT NULL CHECK (title <> ''),
    guidance        text NOT NULL DEFAULT '',
    required_from   text CHECK (required_from IN ('signposting', 'referral', 'vulnerable_adults', 'children')),
    evidence        text[] NOT NULL CHECK (cardinality(evidence) > 0
                    AND evidence <@ ARRAY['document', 'reference', 'date', 'attestation', 'listing']),
    reference_label text NOT NULL DEFAULT '',
    date_label      text NOT NULL DEFAULT '',
    validity        text NOT NULL CHECK (validity IN ('months', 'evidence_date')),
    valid_months    integer CHECK (valid_months BETWEEN 1 AND 120),
    PRIMARY KEY (template_id, key),
    CHECK ((validity = 'months') = (valid_months IS NOT NULL)),
    CHECK (validity = 'months' OR 'date' = ANY (evidence))
);

-- Which template version an organisation is assessed against, from when. A
-- submission under a newer version adds a row; older rows are history.
CREATE TABLE qa_assessments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations ON DELETE CASCADE,
    template_id     uuid NOT NULL REFERENCES qa_templates ON DELETE RESTRICT,
    started_at      timestamptz NOT NULL,
    UNIQUE (organisation_id, template_id)
);

CREATE TABLE qa_responses (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations ON DELETE CASCADE,
    template_id     uuid NOT NULL,
    item_key        text NOT NULL,
    state           text NOT NULL CHECK (state IN ('draft', 'submitted', 'verified', 'rejected', 'superseded')),
    reference       text NOT NULL DEFAULT '',
    evidence_date   date,
    attestation     boolean,
    attested_by     text NOT NULL DEFAULT '',
    created_by      uuid REFERENCES users ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    submitted_by    uuid REFERENCES users ON DELETE SET NULL,
    submitted_at    timestamptz,
    reviewed_by     uuid REFERENCES users ON DELETE SET NULL,
    reviewed_at     timestamptz,
    review_note     text NOT NULL DEFAULT '',
    expires_at      timestamptz,
    FOREIGN KEY (template_id, item_key) REFERENCES qa_template_items ON DELETE RESTRICT,
    CHECK ((state = 'verified') = (expires_at IS NOT NULL)),
    CHECK (state = 'draft' OR submitted_at IS NOT NULL)
);
CREATE UNIQUE INDEX qa_responses_one_draft_idx ON qa_responses (organisation_id, item_key) WHERE state = 'draft';
CREATE INDEX qa_responses_org_idx ON qa_responses (organisation_id, item_key, reviewed_at);
CREATE INDEX qa_responses_queue_idx ON qa_responses (submitted_at) WHERE state = 'submitted';

-- Evidence files are stored in PostgreSQL so a backup of the database is a
-- backup of everything; content_type is what the bytes are, not what the
-- name claimed.
CREATE TABLE qa_evidence (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    response_id  uuid NOT NULL REFERENCES qa_responses ON DELETE CASCADE,
    filename     text NOT NULL,
    content_type text NOT NULL,
    size         integer NOT NULL CHECK (size > 0),
    sha256       bytea NOT NULL,
    data         bytea NOT NULL,
    uploaded_by  uuid REFERENCES users ON DELETE SET NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX qa_evidence_response_idx ON qa_evidence (response_id);

CREATE TABLE qa_suspensions (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations ON DELETE CASCADE,
    reason          text NOT NULL CHECK (reason <> ''),
    suspended_by    uuid REFERENCES users ON DELETE SET NULL,
    suspended_at    timestamptz NOT NULL,
    lift_reason     text NOT NULL DEFAULT '',
    lifted_by       uuid REFERENCES users ON DELETE SET NULL,
    lifted_at       timestamptz
);
CREATE UNIQUE INDEX qa_suspensions_active_idx ON qa_suspensions (organisation_id) WHERE lifted_at IS NULL;

-- An organisation saying its listings are accurate, as of confirmed_at.
CREATE TABLE qa_listing_confirmations (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations ON DELETE CASCADE,
    confirmed_by    uuid REFERENCES users ON DELETE SET NULL,
    confirmed_at    timestamptz NOT NULL
);
CREATE INDEX qa_listing_confirmations_org_idx ON qa_listing_confirmations (organisation_id, confirmed_at);

-- Every step of the workflow: who did what to which organisation's checklist.
CREATE TABLE qa_events (
    id              bigserial PRIMARY KEY,
    organisation_id uuid REFERENCES organisations ON DELETE CASCADE,
    response_id     uuid REFERENCES qa_responses ON DELETE SET NULL,
    item_key        text NOT NULL DEFAULT '',
    action          text NOT NULL,
    note            text NOT NULL DEFAULT '',
    actor_id        uuid REFERENCES users ON DELETE SET NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX qa_events_org_idx ON qa_events (organisation_id, at);

-- The default checklist, version 1. Its id derives from its version so every
-- deployment shares it.
INSERT INTO qa_templates (id, version, title, notes)
VALUES (md5('qa-template:1')::uuid, 1, 'Kith VCSE quality assurance checklist',
        'Default checklist for community groups receiving social prescribing referrals.');

INSERT INTO qa_template_items (template_id, key, position, title, guidance, required_from, evidence,
                               reference_label, date_label, validity, valid_months)
SELECT md5('qa-template:1')::uuid, key, position, title, guidance, required_from, evidence,
       reference_label, date_label, validity, valid_months
FROM (VALUES
(1, 'legal_form', 'Legal form and registration',
 'Tell us what kind of organisation you are (registered charity, CIO, CIC, company limited by guarantee, or constituted community group) and give your registration number. Constituted groups without a number upload their constitution under "Governing document".',
 'signposting', ARRAY['reference'], 'Legal form and registration number, e.g. "CIO 1187654"', '', 'months', 12),
(2, 'governing_document', 'Governing document and named lead',
 'Upload your constitution, articles or trust deed, and name the person accountable for the group (chair, director or manager).',
 'signposting', ARRAY['document', 'reference'], 'Name and role of the accountable lead', '', 'months', 36),
(3, 'listing_accuracy', 'Listing accuracy confirmed',
 'Check that your listings (times, places, contacts, capacity) are right and press "Confirm listing is accurate". Needed at least every three months.',
 'signposting', ARRAY['listing'], '', '', 'months', 3),
(4, 'safeguarding_adults_policy', 'Safeguarding adults policy',
 'A written policy covering how you recognise and respond to abuse or neglect of adults, reviewed within the last year and adopted by your committee or board.',
 'referral', ARRAY['document', 'date'], '', 'Date the policy was last reviewed', 'months', 12),
(5, 'safeguarding_children_policy', 'Safeguarding children policy',
 'A written child protection policy in line with Working Together to Safeguard Children, reviewed within the last year.',
 'children', ARRAY['document', 'date'], '', 'Date the policy was last reviewed', 'months', 12),
(6, 'safeguarding_lead', 'Designated safeguarding lead',
 'Name the person people report concerns to, and confirm they know the local authority safeguarding referral route.',
 'referral', ARRAY['reference', 'attestation'], 'Name and contact details of the designated safeguarding lead', '', 'months', 12),
(7, 'safeguarding_training', 'Safeguarding training',
 'Upload a training record showing that staff and volunteers in contact with participants have completed safeguarding training at a level suited to their role.',
 'referral', ARRAY['document', 'date'], '', 'Date the most recent training was completed', 'months', 36),
(8, 'dbs_checks', 'DBS checks at the right level',
 'Confirm that everyone in regulated activity with adults has an Enhanced DBS check with the adults'' barred list, and say which roles are checked at which level.',
 'vulnerable_adults', ARRAY['reference', 'date', 'attestation'], 'Roles and DBS levels, e.g. "Befrienders: Enhanced with adults'' barred list"', 'Date of your last DBS audit', 'months', 12),
(9, 'dbs_checks_children', 'DBS checks for work with children',
 'Confirm that everyone in regulated activity with children has an Enhanced DBS check with the children''s barred list.',
 'children', ARRAY['reference', 'date', 'attestation'], 'Roles and DBS levels for work with children', 'Date of your last DBS audit', 'months', 12),
(10, 'disclosure_procedure', 'Disclosure procedure',
 'Your written procedure for what a volunteer does when someone discloses abuse or harm, and for handling DBS certificate information securely (DBS Code of Practice).',
 'vulnerable_adults', ARRAY['document'], '', '', 'months', 36),
(11, 'safer_recruitment', 'Safer recruitment and volunteer management',
 'Your policy for recruiting, inducting, supervising and supporting volunteers and staff: references, role descriptions, induction and what happens when concerns arise.',
 'referral', ARRAY['document'], '', '', 'months', 36),
(12, 'public_liability_insurance', 'Public liability insurance',
 'Upload your current certificate showing cover for the activities you list. It lapses on the expiry date you give.',
 'referral', ARRAY['document', 'reference', 'date'], 'Insurer and policy number', 'Expiry date on the certificate', 'evidence_date', NULL),
(13, 'employers_liability_insurance', 'Employers'' liability insurance',
 'A legal requirement if you employ anyone, including part-time staff. Groups run only by volunteers can leave this blank.',
 NULL, ARRAY['document', 'date'], '', 'Expiry date on the certificate', 'evidence_date', NULL),
(14, 'health_safety_policy', 'Health and safety policy',
 'Your health and safety policy, reviewed within the last year.',
 'referral', ARRAY['document', 'date'], '', 'Date the policy was last reviewed', 'months', 12),
(15, 'risk_assessments', 'Activity and venue risk assessments',
 'Current risk assessments for each activity and venue you list, including lone working and first aid arrangements.',
 'referral', ARRAY['document', 'date'], '', 'Date of the most recent review', 'months', 12),
(16, 'privacy_notice', 'Privacy notice',
 'Where people can read how you use their personal data (UK GDPR articles 13 and 14).',
 'referral', ARRAY['reference'], 'Web address of your privacy notice, or "attached on paper"', '', 'months', 24),
(17, 'ico_registration', 'ICO registration',
 'Your Information Commissioner''s Office registration number. If you are exempt from the data protection fee, write "exempt" and say why.',
 'referral', ARRAY['reference'], 'ICO registration number, e.g. "ZA123456", or "exempt: reason"', '', 'months', 12),
(18, 'referral_data_handling', 'Secure handling of referral data',
 'Confirm that referral details are kept only on secure accounts or locked storage, shared only with those who need them, and deleted when no longer needed.',
 'referral', ARRAY['attestation'], '', '', 'months', 12),
(19, 'information_sharing_agreement', 'Information-sharing agreement',
 'The signed agreement covering the personal data link workers share with you when they refer someone.',
 'referral', ARRAY['document', 'date'], '', 'Date the agreement was signed', 'months', 36),
(20, 'equality_policy', 'Equality and inclusion policy',
 'How you make your activities welcoming and accessible, in line with the Equality Act 2010.',
 'referral', ARRAY['document'], '', '', 'months', 36),
(21, 'complaints_procedure', 'Complaints procedure',
 'How a participant or referrer can complain, who handles it and how quickly.',
 'referral', ARRAY['document'], '', '', 'months', 36),
(22, 'incident_reporting', 'Incident reporting',
 'How you record accidents, incidents and near misses, and how you tell the referring link worker when something happens to someone they referred.',
 'referral', ARRAY['document'], '', '', 'months', 36)
) AS seed (position, key, title, guidance, required_from, evidence, reference_label, date_label, validity, valid_months);
