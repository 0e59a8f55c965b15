-- Failed sign-ins, counted per account and per address (org.athar.account.LoginThrottle). Kept here rather than in
-- one node's memory so that every application node behind a load balancer counts the same failures, and a restart
-- forgives nothing. Not registry records: no history.
CREATE TABLE sign_in_failure (
    key      text        PRIMARY KEY CHECK (key ~ '^(user|address):' AND length(key) <= 200),
    count    integer     NOT NULL CHECK (count > 0),
    first_at timestamptz NOT NULL
);
CREATE INDEX sign_in_failure_first_idx ON sign_in_failure (first_at);
