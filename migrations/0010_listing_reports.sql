-- "Report a problem with this listing": anyone reading the directory can
-- say a listing is wrong, the group has closed, or something about it is not
-- safe. Admins and QA reviewers work through the open reports and resolve
-- them. A report outlives the account of whoever resolved it, and goes with
-- the listing it is about.
CREATE TABLE listing_reports (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id     uuid NOT NULL REFERENCES services ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('wrong_details', 'closed', 'safety_concern', 'other')),
    details        text NOT NULL CHECK (details <> ''),
    reporter_email text NOT NULL DEFAULT '',
    reported_by    uuid REFERENCES users ON DELETE SET NULL,
    created_at     timestamptz NOT NULL,
    resolved_at    timestamptz,
    resolved_by    uuid REFERENCES users ON DELETE SET NULL,
    resolution     text NOT NULL DEFAULT '',
    CHECK (resolved_at IS NOT NULL OR (resolved_by IS NULL AND resolution = ''))
);
-- The queue reads open reports oldest first.
CREATE INDEX listing_reports_open_idx ON listing_reports (created_at) WHERE resolved_at IS NULL;
CREATE INDEX listing_reports_service_idx ON listing_reports (service_id);
