//! Accounts: users and their role grants, browser sessions, and API tokens.

pub mod sessions;
pub mod tokens;
pub mod users;
