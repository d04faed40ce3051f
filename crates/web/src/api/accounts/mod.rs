//! Accounts: the caller's own account and API tokens, and users with their role grants.

pub mod account;
pub mod users;
