-- Capacity per service, shaped like HSDS 3.1 service_capacity. held counts
-- connections that are requested, accepted or in progress; waiting counts the
-- waiting list. Both change only through directory.Store.Reserve/Release,
-- under the row's lock, so a service is never oversubscribed.

CREATE TABLE service_capacity (
    service_id   uuid PRIMARY KEY REFERENCES services ON DELETE CASCADE,
    unit         text NOT NULL DEFAULT 'places' CHECK (unit IN ('places', 'people_per_week', 'sessions')),
    maximum      integer CHECK (maximum >= 0),
    weekly_cap   integer CHECK (weekly_cap > 0),
    waitlist     integer NOT NULL DEFAULT 0 CHECK (waitlist >= 0),
    held         integer NOT NULL DEFAULT 0 CHECK (held >= 0),
    waiting      integer NOT NULL DEFAULT 0 CHECK (waiting >= 0),
    week_start   date,
    week_count   integer NOT NULL DEFAULT 0,
    paused       boolean NOT NULL DEFAULT false,
    pause_reason text NOT NULL DEFAULT '',
    resume_on    date,
    response_days integer NOT NULL DEFAULT 5 CHECK (response_days BETWEEN 1 AND 60),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
