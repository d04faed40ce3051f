//! Accounts pages: signing in and out, one's own account, and user administration.

pub mod account;
pub mod admin;
pub mod login;
