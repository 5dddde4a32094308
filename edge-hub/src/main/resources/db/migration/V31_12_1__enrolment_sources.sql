-- Vigie edge hub: enrolment requests remember where they came from, and a request never cancels another.

-- The source address of each request (an IPv4 address, or an IPv6 /64), for the per-source cap on
-- requests waiting for IT and for IT to tell requests apart. NULL for requests stored before.
ALTER TABLE enrolment ADD COLUMN source text;

-- Several requests may now wait for one kiosk id, one per key (the enrolment code is derived from the
-- key): a new key no longer closes the request already waiting. IT approves the one whose code the
-- kiosk shows; approving closes the others as SUPERSEDED.
DROP INDEX enrolment_one_pending;
CREATE UNIQUE INDEX enrolment_one_pending_per_key ON enrolment (site, kiosk_id, enrolment_code)
    WHERE status = 'PENDING';
CREATE INDEX enrolment_pending_source ON enrolment (source) WHERE status = 'PENDING';
