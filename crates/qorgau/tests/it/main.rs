//! Qorgau's integration tests, in one test binary (every extra test file is another slow link).
//! Add modules here rather than new files under `tests/`.
//!
//! Storage-backed tests run on SQLite and, when `QORGAU_TEST_POSTGRES_URL` names a PostgreSQL
//! server (the test script starts a throwaway one), on PostgreSQL too. With `CI=true` a missing
//! PostgreSQL or browser is a failure, never a skip.

mod api_errors;
mod audit;
mod audit_keys;
mod authz_matrix;
mod bounded;
mod browser;
mod catalogue;
mod cli;
mod conscription;
mod documents_language;
mod escalation;
mod forms;
mod http;
mod hygiene;
mod kit;
mod languages;
mod law;
mod monitoring;
mod page_walk;
mod rooms;
mod safety;
mod scenarios;
mod scenarios_safety;
mod schema;
mod security;
mod sign_in;
mod stories;
mod story;
