/// The input contract, version 1: the DDL of the CRM database crm-report reads.
/// `crm-report schema` prints it; `SchemaContract` derives the tables and columns from it,
/// so this text is the one place the contract lives. (A test keeps it equal to docs/contract/crm-schema.sql, the project's copy of the contract.)
public let contractDDL = #"""
-- The CRM database that crm-report reads: the input contract, version 1.
--
-- A company exports (or maps, with views) its CRM into these tables.
-- crm-report only ever READS this database. Extra tables and extra columns are
-- ignored. Tables marked OPTIONAL may be absent: the report sections that need
-- them are then left out with a visible note, never a crash. A REQUIRED table or
-- column that is missing is a clear error naming it, with exit status 2.
--
-- Timestamps are TEXT in ISO-8601: 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM[:SS[.fff]]',
-- 'YYYY-MM-DDTHH:MM[:SS[.fff]]', each optionally followed by 'Z' or '+HH:MM'/'-HH:MM'.
-- A timestamp without an offset is in the report's configured time zone.
-- A value that does not parse is a data-quality finding: the row is left out of
-- the metric that needs it and counted, never guessed.
-- Money is REAL in major units of one currency (named in the report config).

-- REQUIRED. People and companies the business deals with.
CREATE TABLE contacts (
  id           INTEGER PRIMARY KEY,
  full_name    TEXT,
  email        TEXT,
  phone        TEXT,            -- as typed: '+7 912 345-67-89', '8 (912) 345 67 89', ...
  push_token   TEXT,
  birth_date   TEXT,            -- 'YYYY-MM-DD'
  gender       TEXT,            -- 'f' | 'm' | NULL
  region       TEXT,            -- geography used for breakdowns
  segment      TEXT,            -- 'b2c' | 'b2b' (NULL counts as 'b2c')
  company      TEXT,
  source       TEXT,            -- acquisition source / lead source: 'site', 'partner', 'ads', 'store', ...
  owner        TEXT,            -- responsible manager
  created_at   TEXT NOT NULL,   -- when the contact entered the CRM
  verified_at  TEXT,            -- when the contact last confirmed their contact data (NULL: never)
  email_status TEXT,            -- 'valid' | 'hard_bounce' | 'soft_bounce' | 'complaint' | NULL (unknown)
  deleted_at   TEXT             -- erased or archived on request; such a contact must not be messaged
);

-- REQUIRED for the consent audit. Consent EVENTS, one row per grant or withdrawal.
-- The consent state of (contact, purpose, channel) at time T is given by the latest
-- event at or before T; a grant whose expires_at is at or before T no longer counts.
CREATE TABLE consents (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts(id),
  purpose     TEXT NOT NULL,    -- 'processing' (personal data processing), 'marketing', 'third_party'
  channel     TEXT,             -- 'email' | 'sms' | 'push' | 'phone' | 'messenger'; NULL = every channel
  action      TEXT NOT NULL,    -- 'grant' | 'withdraw'
  occurred_at TEXT NOT NULL,
  source      TEXT,             -- where it was given: 'web_form', 'pos', 'call_center', 'app', 'import', ...
  evidence    TEXT,             -- proof reference: form/policy version, IP, double opt-in token, document id
  expires_at  TEXT              -- for grants with a term; NULL = until withdrawn
);

-- OPTIONAL (funnel report). Sales pipeline: one row per deal.
CREATE TABLE deals (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER REFERENCES contacts(id),
  pipeline    TEXT NOT NULL DEFAULT 'default',
  owner       TEXT,             -- responsible manager
  channel     TEXT,             -- where the lead came from
  created_at  TEXT NOT NULL,
  closed_at   TEXT,
  status      TEXT NOT NULL,    -- 'open' | 'won' | 'lost'
  amount      REAL,
  lost_reason TEXT
);

-- OPTIONAL (funnel report). Stage history: one row each time a deal enters a stage.
CREATE TABLE deal_stages (
  deal_id    INTEGER NOT NULL REFERENCES deals(id),
  stage      TEXT NOT NULL,
  entered_at TEXT NOT NULL
);

-- OPTIONAL. The order of the stages of each pipeline (the report config may override it).
CREATE TABLE pipeline_stages (
  pipeline TEXT NOT NULL,
  stage    TEXT NOT NULL,
  position INTEGER NOT NULL,    -- 1 = first stage
  PRIMARY KEY (pipeline, stage)
);

-- REQUIRED. Purchases, online and offline.
CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts(id),
  ordered_at  TEXT NOT NULL,
  amount      REAL NOT NULL,    -- order total; must be >= 0
  channel     TEXT,             -- 'online' | 'offline' | 'app' | ...
  store       TEXT,
  status      TEXT NOT NULL DEFAULT 'completed'  -- 'completed' | 'returned' | 'cancelled'
);

-- OPTIONAL (campaign report). Marketing campaigns.
CREATE TABLE campaigns (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  channel     TEXT NOT NULL,    -- 'email' | 'sms' | 'push' | 'phone' | 'messenger' | ...
  kind        TEXT,             -- 'promo' | 'reactivation' | 'welcome' | 'birthday' | 'trigger' | ...
  started_at  TEXT NOT NULL,
  ended_at    TEXT,
  cost        REAL,             -- total spend on the campaign
  window_days INTEGER           -- attribution window in days; NULL = the config default (14)
);

-- OPTIONAL (campaign report). Who was in a campaign's audience, and in which arm.
-- The control arm was chosen at random and deliberately NOT contacted.
CREATE TABLE campaign_members (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  contact_id  INTEGER NOT NULL REFERENCES contacts(id),
  arm         TEXT NOT NULL,    -- 'treatment' | 'control'
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, contact_id)
);

-- OPTIONAL (campaign report; REQUIRED for the consent audit). Every message actually sent.
CREATE TABLE messages (
  id              INTEGER PRIMARY KEY,
  campaign_id     INTEGER REFERENCES campaigns(id),   -- NULL: not part of a campaign
  contact_id      INTEGER NOT NULL REFERENCES contacts(id),
  channel         TEXT NOT NULL,
  purpose         TEXT NOT NULL DEFAULT 'marketing',   -- 'marketing' | 'transactional'
  sent_at         TEXT NOT NULL,
  delivered_at    TEXT,
  opened_at       TEXT,
  clicked_at      TEXT,
  bounce          TEXT,         -- 'hard' | 'soft' | NULL
  unsubscribed_at TEXT          -- the recipient opted out through this message
);

-- OPTIONAL. Other touchpoints: calls (including missed), visits, tickets, chats, meetings.
CREATE TABLE interactions (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts(id),
  kind        TEXT NOT NULL,    -- 'call_in' | 'call_out' | 'call_missed' | 'visit' | 'ticket' | 'chat' | 'meeting'
  occurred_at TEXT NOT NULL,
  channel     TEXT
);

-- OPTIONAL (CAC). Acquisition spend per source and day.
CREATE TABLE acquisition_costs (
  source TEXT NOT NULL,         -- matches contacts.source
  day    TEXT NOT NULL,         -- 'YYYY-MM-DD'
  amount REAL NOT NULL
);

"""#
