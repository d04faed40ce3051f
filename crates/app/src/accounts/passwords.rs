//! Passwords: changing one's own, to one that is hard to guess, and an administrator's reset
//! to a one-time password. Either ends the user's sessions and revokes their API tokens in the
//! same transaction: whoever held the old password may have made them.

use qorgau_i18n::Message;
use qorgau_store::accounts::users::UserRow;
use qorgau_store::accounts::{sessions, tokens, users};
use qorgau_store::org as org_repo;
use serde_json::json;

use super::sessions::{SignedIn, wait_until};
use crate::audit::{AuditAction, Change};
use crate::secrets::{hash_password_blocking, one_time_password, verify_password_blocking};
use crate::{Acting, App, AppError, Permission, Principal, Scope, authorize};

impl App {
    /// Changes one's own password; every session of the user ends, every API token of theirs is
    /// revoked, and a new session opens.
    pub async fn change_password(
        &self,
        principal: &Principal,
        current: &str,
        new: &str,
    ) -> Result<SignedIn, AppError> {
        authorize(
            Acting::Principal(principal),
            Permission::UseOwnAccount,
            Scope::Anywhere,
        )?;
        let user = {
            let mut conn = self.store().pool().acquire().await?;
            users::get(&mut conn, principal.user_id).await?
        };
        // Guesses at the current password from a session someone left open are slowed down as
        // sign-ins are.
        let now = self.clock().now();
        let guesses = user.id.to_string();
        let settings = self.settings();
        // Counted before the check, as a failure until it succeeds: guesses sent at once all
        // count, instead of all passing the wait before the first failure is recorded.
        self.sign_in
            .password_changes
            .begin(
                &guesses,
                now,
                settings.max_failed_logins,
                settings.lock_base,
            )
            .map_err(wait_until)?;
        if !verify_password_blocking(current, &user.password_hash).await {
            return Err(AppError::invalid(
                "current_password",
                Message::new("invalid-current-password"),
            ));
        }
        self.sign_in.password_changes.clear(&guesses);
        self.check_new_password(&user, current, new)?;
        let hash = hash_password_blocking(new)
            .await
            .map_err(AppError::Internal)?;
        let mut w = self.write_own(principal).await?;
        let at = w.at_text();
        users::set_password(w.conn(), user.id, &hash, false, &at).await?;
        sessions::delete_for_user(w.conn(), user.id).await?;
        let tokens_revoked = tokens::revoke_all_for_user(w.conn(), user.id, &at).await?;
        w.audit(Change {
            action: AuditAction::UserPasswordChange,
            entity: "user",
            entity_id: user.id.to_string(),
            before: Some(json!({ "must_change_password": user.must_change_password })),
            after: Some(json!({
                "must_change_password": false,
                "tokens_revoked": tokens_revoked,
            })),
        })
        .await?;
        let mut fresh = principal.clone();
        fresh.must_change_password = false;
        let signed_in = self.open_session(&mut w, fresh, None).await?;
        w.commit().await?;
        self.principals.invalidate();
        Ok(signed_in)
    }

    /// A password a person chooses: long enough, new, without the username, and hard to guess
    /// by zxcvbn's estimate (score 3 of 4 or more: over 10^8 guesses), the user's own names
    /// counted as known words.
    fn check_new_password(&self, user: &UserRow, current: &str, new: &str) -> Result<(), AppError> {
        let username = user.username.as_str();
        let min = self.settings().min_password_length;
        if new.chars().count() < min {
            return Err(AppError::invalid(
                "new_password",
                Message::new("invalid-password-short").arg("min", min as i64),
            ));
        }
        if new == current {
            return Err(AppError::invalid(
                "new_password",
                Message::new("invalid-password-same"),
            ));
        }
        if new.to_lowercase().contains(&username.to_lowercase()) {
            return Err(AppError::invalid(
                "new_password",
                Message::new("invalid-password-username"),
            ));
        }
        if let Some(reason) = guessable(new, user) {
            return Err(AppError::invalid("new_password", Message::new(reason)));
        }
        Ok(())
    }

    /// Gives a user a new one-time password (and ends their sessions, revokes their API tokens
    /// and clears their failed sign-ins). The one-time password is 20 random characters, so it
    /// needs no strength check.
    pub async fn reset_password(&self, acting: Acting<'_>, id: i64) -> Result<String, AppError> {
        let password = one_time_password();
        let hash = hash_password_blocking(&password)
            .await
            .map_err(AppError::Internal)?;
        let mut w = self.write_then_authorize(acting).await?;
        let user = users::get(w.conn(), id).await?;
        let home = org_repo::get(w.conn(), user.home_unit_id).await?;
        w.authorize(Permission::ManageUsers, Scope::Unit(&home.path))?;
        // Whoever resets a password can sign in as that user: they must reach all the user holds.
        let held = super::load_grants(w.conn(), id).await?;
        crate::authz::covers_user(acting, &held, &home.path)?;
        let at = w.at_text();
        users::set_password(w.conn(), id, &hash, true, &at).await?;
        sessions::delete_for_user(w.conn(), id).await?;
        let tokens_revoked = tokens::revoke_all_for_user(w.conn(), id, &at).await?;
        w.audit(Change {
            action: AuditAction::UserPasswordReset,
            entity: "user",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({
                "must_change_password": true,
                "tokens_revoked": tokens_revoked,
            })),
        })
        .await?;
        w.commit().await?;
        self.principals.invalidate();
        Ok(password)
    }
}

/// Why `password` is easy to guess, as a catalogue message id, or `None` when it is not.
///
/// zxcvbn estimates the guesses an attacker needs from the patterns it finds (common passwords,
/// words, names, keyboard rows, repeats, sequences, dates); the user's username and display name
/// (and their parts) count as words an attacker knows. Its warning is mapped to a few catalogue
/// messages, never shown in its own English.
fn guessable(password: &str, user: &UserRow) -> Option<&'static str> {
    use zxcvbn::feedback::Warning as W;
    let mut known: Vec<&str> = vec![user.username.as_str(), user.display_name.as_str(), "qorgau"];
    known.extend(
        user.username
            .split(['.', '_', '-'])
            .chain(user.display_name.split_whitespace())
            .filter(|part| part.chars().count() >= 3),
    );
    let estimate = zxcvbn::zxcvbn(password, &known);
    if estimate.score() >= zxcvbn::Score::Three {
        return None;
    }
    let id = match estimate.feedback().and_then(|feedback| feedback.warning()) {
        Some(W::ThisIsATop10Password)
        | Some(W::ThisIsATop100Password)
        | Some(W::ThisIsACommonPassword)
        | Some(W::ThisIsSimilarToACommonlyUsedPassword) => "invalid-password-common",
        Some(W::StraightRowsOfKeysAreEasyToGuess)
        | Some(W::ShortKeyboardPatternsAreEasyToGuess) => "invalid-password-keyboard",
        Some(W::RepeatsLikeAaaAreEasyToGuess)
        | Some(W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess) => "invalid-password-repeats",
        Some(W::SequencesLikeAbcAreEasyToGuess) => "invalid-password-sequence",
        Some(W::RecentYearsAreEasyToGuess) | Some(W::DatesAreOftenEasyToGuess) => {
            "invalid-password-dates"
        }
        Some(W::AWordByItselfIsEasyToGuess)
        | Some(W::NamesAndSurnamesByThemselvesAreEasyToGuess)
        | Some(W::CommonNamesAndSurnamesAreEasyToGuess) => "invalid-password-words",
        None => "invalid-password-weak",
    };
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn user() -> UserRow {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap();
        UserRow {
            id: 1,
            username: "a.kairatuly".into(),
            display_name: "Aidos Kairatuly".into(),
            password_hash: String::new(),
            home_unit_id: 1,
            disabled: false,
            must_change_password: false,
            failed_logins: 0,
            locked_until: None,
            language: None,
            last_sign_in_address: None,
            created_at: at,
            updated_at: at,
        }
    }

    #[test]
    fn easy_passwords_are_refused_with_their_reason() {
        assert_eq!(
            guessable("aaaaaaaaaaaa", &user()),
            Some("invalid-password-repeats")
        );
        assert!(guessable("123456789012", &user()).is_some());
        assert!(guessable("password1234", &user()).is_some());
        assert!(guessable("qwertyuiopas", &user()).is_some());
        assert!(guessable("aidoskairatuly", &user()).is_some());
    }

    #[test]
    fn passphrases_pass() {
        assert_eq!(guessable("a long enough passphrase", &user()), None);
        assert_eq!(guessable("correct horse battery staple", &user()), None);
    }
}
