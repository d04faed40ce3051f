//! Checkpoints: the chain's head at a moment (its last entry's number and hash), signed with
//! the audit key and kept outside the database. A keyed chain cannot be edited by someone
//! without the key, but it can still be cut short: removing the last entries and moving the
//! head back leaves a chain that holds. A checkpoint kept elsewhere remembers an entry that is
//! gone, or a hash that is no longer there.
//!
//! The file form is one JSON object a line, appended to and never rewritten.

use serde::{Deserialize, Serialize};

use crate::AppError;

/// The chain's head at a moment, signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The number of the chain's last entry (0: the chain was empty).
    pub seq: i64,
    /// That entry's hash.
    pub head: String,
    /// When the checkpoint was taken, as stored instants are written.
    pub at: String,
    /// The key the checkpoint was signed with.
    pub key_id: i64,
    /// HMAC-SHA256 over the above under that key.
    pub mac: String,
}

impl Checkpoint {
    /// The checkpoint as one line of the file (without the line break).
    pub fn to_line(&self) -> String {
        serde_json::json!({
            "seq": self.seq,
            "head": self.head,
            "at": self.at,
            "key_id": self.key_id,
            "mac": self.mac,
        })
        .to_string()
    }

    /// Every checkpoint of a file's text; blank lines are skipped, and a line that is not a
    /// checkpoint is refused by its number.
    pub fn parse_lines(text: &str) -> Result<Vec<Checkpoint>, AppError> {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(index, line)| {
                serde_json::from_str(line).map_err(|_| {
                    AppError::invalid(
                        "checkpoints",
                        qorgau_i18n::Message::new("audit-checkpoint-bad-line")
                            .arg("line", index + 1),
                    )
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_reads_back_from_its_line() {
        let checkpoint = Checkpoint {
            seq: 12,
            head: "ab".repeat(32),
            at: "2026-11-30T10:00:00.000000Z".into(),
            key_id: 1,
            mac: "cd".repeat(32),
        };
        let text = format!("{}\n\n{}\n", checkpoint.to_line(), checkpoint.to_line());
        assert_eq!(
            Checkpoint::parse_lines(&text).unwrap(),
            vec![checkpoint.clone(), checkpoint]
        );
        assert!(Checkpoint::parse_lines("{\"seq\": 1}\n").is_err());
    }
}
