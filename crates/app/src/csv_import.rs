//! CSV imports shared by every module: the header check, records with their line numbers, and
//! the report of what was imported and which rows were refused, with why.

use qorgau_i18n::Message;
use serde::Serialize;

use crate::AppError;

/// A row an import refused: its line in the file, the column and why.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RowRejection {
    pub line: u64,
    pub column: String,
    #[serde(skip)]
    pub reason: Message,
    /// The reason in English; pages render `reason` in the reader's language.
    pub message: String,
}

impl RowRejection {
    pub(crate) fn new(line: u64, column: &str, reason: Message) -> Self {
        Self {
            line,
            column: column.to_owned(),
            message: reason.render(&qorgau_i18n::Lang::english()),
            reason,
        }
    }
}

/// What an import did: every accepted row is written in one transaction, every refused row is
/// reported.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub imported: u64,
    pub rejected: Vec<RowRejection>,
}

/// A reader over `text` whose header line has been checked to be `expected`.
pub(crate) fn checked_reader<'a>(
    text: &'a str,
    expected: &[&str],
) -> Result<csv::Reader<&'a [u8]>, AppError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| {
        AppError::invalid(
            "csv",
            Message::new("invalid-csv-file").arg("detail", e.to_string()),
        )
    })?;
    if headers.iter().collect::<Vec<_>>() != expected {
        return Err(AppError::invalid(
            "csv",
            Message::new("invalid-csv-header").arg("expected", expected.join(",")),
        ));
    }
    Ok(reader)
}

/// Reads a CSV whose first line must be `expected`; yields (line, record). A record that cannot
/// be read, or has the wrong number of columns, refuses the whole file.
pub(crate) fn csv_records(
    text: &str,
    expected: &[&str],
) -> Result<Vec<(u64, csv::StringRecord)>, AppError> {
    let mut reader = checked_reader(text, expected)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            AppError::invalid(
                "csv",
                Message::new("invalid-csv-record").arg("detail", e.to_string()),
            )
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != expected.len() {
            return Err(AppError::invalid(
                "csv",
                Message::new("invalid-csv-columns")
                    .arg("found", record.len())
                    .arg("expected", expected.len()),
            ));
        }
        rows.push((line, record));
    }
    Ok(rows)
}
