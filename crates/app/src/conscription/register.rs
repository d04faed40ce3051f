//! The citizen register: CSV import with per-row validation, search, and a citizen's card with
//! statuses derived by the rules for any date.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_rules::conscription::{
    EligibilityOutcome, Iin, IinError, RegistrationFacts, RegistrationOutcome,
    RegistrationRequired, RemovalReason, Sex, TrainingEligible, TrainingFacts,
};
use qorgau_rules::{Decision, RuleError, TypedRule};
use qorgau_store::conscription::{self as repo, Citizen};
use serde::Serialize;

use crate::validation::{Lines, date_fault, text_fault};
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// The longest name (surname, given name, patronymic) the register keeps, in characters.
pub const NAME_MAX: usize = 200;
/// The longest address the register keeps, in characters.
pub const ADDRESS_MAX: usize = 500;

/// The CSV header the import expects, in this order.
pub const CSV_COLUMNS: [&str; 18] = [
    "iin",
    "surname",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "children_birth_dates",
    "residence_address",
    "temporary_address",
    "work_address",
    "mobile",
    "mobile_in_own_name",
    "egov_account_with_mobile",
    "has_military_specialty",
    "removed_reason",
    "serving_sentence",
    "permanent_residence_abroad",
    "law_enforcement_or_civil_protection",
];

/// A row the import refused: its line in the file and why.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RejectedRow {
    pub line: u64,
    pub iin: String,
    pub column: String,
    #[serde(skip)]
    pub reason: Message,
    /// The reason in the reader's language (filled in by the caller that renders it).
    pub message: String,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportSummary {
    pub imported: u64,
    pub rejected: Vec<RejectedRow>,
}

/// Why one row is refused, naming the column.
struct RowError {
    column: &'static str,
    reason: Message,
}

fn row_error(column: &'static str, reason: Message) -> RowError {
    RowError { column, reason }
}

/// The catalogue message for an invalid IIN.
pub fn iin_message(error: &IinError) -> Message {
    match error {
        IinError::Shape(text) => Message::new("invalid-iin-shape").arg("iin", text.as_str()),
        IinError::CenturySex(digit) => {
            Message::new("invalid-iin-century").arg("digit", u32::from(*digit))
        }
        IinError::Date { iin } => Message::new("invalid-iin-date").arg("iin", iin.as_str()),
        IinError::CheckDigit {
            iin,
            found,
            expected,
        } => Message::new("invalid-iin-check")
            .arg("iin", iin.as_str())
            .arg("found", u32::from(*found))
            .arg("expected", u32::from(*expected)),
        IinError::NoCheckDigit(iin) => {
            Message::new("invalid-iin-no-check").arg("iin", iin.as_str())
        }
        IinError::Mismatch {
            iin,
            from_iin,
            stated,
        } => Message::new("invalid-iin-mismatch")
            .arg("iin", iin.as_str())
            .arg("from_iin", from_iin.as_str())
            .arg("stated", stated.as_str()),
    }
}

fn parse_bool(column: &'static str, text: &str) -> Result<bool, RowError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "1" => Ok(true),
        "no" | "false" | "0" | "" => Ok(false),
        other => Err(row_error(
            column,
            Message::new("invalid-csv-bool").arg("value", other),
        )),
    }
}

/// A date of the register, in the years any record may speak of (`validation::date_fault`).
fn parse_date(column: &'static str, text: &str) -> Result<NaiveDate, RowError> {
    let date = text.trim().parse::<NaiveDate>().map_err(|_| {
        row_error(
            column,
            Message::new("invalid-csv-date").arg("value", text.trim()),
        )
    })?;
    match date_fault(date) {
        None => Ok(date),
        Some(reason) => Err(row_error(column, reason)),
    }
}

/// A name or an address of the register: one line of at most `max` characters, without
/// control characters or direction marks, which would show a name other than the one stored.
fn register_text(
    column: &'static str,
    value: &str,
    max: usize,
    required: bool,
) -> Result<String, RowError> {
    if required && value.is_empty() {
        return Err(row_error(column, Message::new("invalid-csv-empty")));
    }
    match text_fault(value, max, Lines::One, required) {
        None => Ok(value.to_owned()),
        Some(reason) => Err(row_error(column, reason)),
    }
}

/// The sex column of the register file: the word, in any case, or its initial.
pub fn parse_sex(text: &str) -> Option<Sex> {
    match text.trim().to_ascii_lowercase().as_str() {
        "m" => Some(Sex::Male),
        "f" => Some(Sex::Female),
        word => word.parse::<Sex>().ok(),
    }
}

/// Validates one CSV record into a citizen of `unit_id`; nobody on it is born after `today`.
fn citizen_of(
    record: &csv::StringRecord,
    unit_id: i64,
    today: NaiveDate,
) -> Result<Citizen, RowError> {
    let field = |i: usize| record.get(i).unwrap_or("").trim();
    let iin = Iin::parse(field(0)).map_err(|e| row_error("iin", iin_message(&e)))?;
    let surname = register_text("surname", field(1), NAME_MAX, true)?;
    let given_name = register_text("given_name", field(2), NAME_MAX, true)?;
    let patronymic = register_text("patronymic", field(3), NAME_MAX, false)?;
    let sex = parse_sex(field(4)).ok_or_else(|| {
        row_error(
            "sex",
            Message::new("invalid-csv-sex").arg("value", field(4)),
        )
    })?;
    let birth_date = parse_date("birth_date", field(5))?;
    if birth_date > today {
        return Err(row_error(
            "birth_date",
            Message::new("invalid-date-future").arg("value", birth_date.to_string()),
        ));
    }
    iin.check_record(sex, birth_date)
        .map_err(|e| row_error("iin", iin_message(&e)))?;
    // "none" says there are no children; an empty column says nothing, and a rule that needs
    // the children then refuses to decide rather than read silence as "none".
    let children = match field(6).trim() {
        "" => None,
        "none" => Some(Vec::new()),
        dates => {
            let mut children = Vec::new();
            for part in dates.split([';', ' ']).filter(|p| !p.is_empty()) {
                let child = parse_date("children_birth_dates", part)?;
                if child < birth_date {
                    return Err(row_error(
                        "children_birth_dates",
                        Message::new("invalid-csv-child-before-parent").arg("value", part),
                    ));
                }
                children.push(child);
            }
            Some(children)
        }
    };
    let mobile = field(10);
    let international = mobile.starts_with('+')
        && mobile.len() >= 8
        && mobile[1..].bytes().all(|b| b.is_ascii_digit());
    if !mobile.is_empty() && !international {
        return Err(row_error(
            "mobile",
            Message::new("invalid-csv-mobile").arg("value", mobile),
        ));
    }
    let removal = match field(14) {
        "" => RemovalReason::None,
        removed => removed.parse::<RemovalReason>().map_err(|_| {
            row_error(
                "removed_reason",
                Message::new("invalid-csv-removal").arg("value", removed),
            )
        })?,
    };
    let flag = |i: usize, column: &'static str| parse_bool(column, field(i));
    let residence = register_text("residence_address", field(7), ADDRESS_MAX, false)?;
    let temporary = register_text("temporary_address", field(8), ADDRESS_MAX, false)?;
    let work = register_text("work_address", field(9), ADDRESS_MAX, false)?;
    Ok(Citizen {
        id: 0,
        unit_id,
        iin,
        surname,
        given_name,
        patronymic,
        sex,
        birth_date,
        children_birth_dates: children,
        residence_address: residence,
        temporary_address: temporary,
        work_address: work,
        mobile: (!mobile.is_empty()).then(|| mobile.to_owned()),
        mobile_in_own_name: flag(11, "mobile_in_own_name")?,
        egov_account_with_mobile: flag(12, "egov_account_with_mobile")?,
        has_military_specialty: flag(13, "has_military_specialty")?,
        removed_reason: removal,
        serving_sentence: flag(15, "serving_sentence")?,
        permanent_residence_abroad: flag(16, "permanent_residence_abroad")?,
        law_enforcement_or_civil_protection: flag(17, "law_enforcement_or_civil_protection")?,
    })
}

/// A citizen with the statuses the rules derive for `as_of`.
#[derive(Debug, Clone)]
pub struct CitizenCard {
    pub citizen: Citizen,
    pub as_of: NaiveDate,
    pub registration: Decision<RegistrationOutcome>,
    /// Refused, naming the fact, when the register lacks what the rule needs (a woman's
    /// children) or the citizen is not yet born on `as_of`.
    pub training: Result<Decision<EligibilityOutcome>, RuleError>,
}

/// The facts of the two status rules, read from a register row.
pub fn status_facts(citizen: &Citizen) -> (TrainingFacts, RegistrationFacts) {
    (
        TrainingFacts {
            sex: citizen.sex,
            birth_date: citizen.birth_date,
            children_birth_dates: citizen.children_birth_dates.clone(),
        },
        RegistrationFacts {
            sex: citizen.sex,
            birth_date: citizen.birth_date,
            has_military_specialty: citizen.has_military_specialty,
            removed_from_register_reason: citizen.removed_reason,
            serving_sentence: citizen.serving_sentence,
            permanent_residence_abroad: citizen.permanent_residence_abroad,
            law_enforcement_or_civil_protection: citizen.law_enforcement_or_civil_protection,
        },
    )
}

/// The statuses of a citizen: registration, and training or the rule's refusal to decide it.
pub type Statuses = (
    Decision<RegistrationOutcome>,
    Result<Decision<EligibilityOutcome>, RuleError>,
);

/// Derives both statuses of a citizen on `as_of`. Training may stay undecided (the rule names
/// the missing fact) without hiding the registration.
pub fn derive_statuses(citizen: &Citizen, as_of: NaiveDate) -> Result<Statuses, AppError> {
    let (training, registration) = status_facts(citizen);
    let registration = RegistrationRequired.decision(registration, as_of)?;
    let training = TrainingEligible.decision(training, as_of);
    Ok((registration, training))
}

impl App {
    /// Imports citizens from CSV into the register of `unit_id`. Every row is validated; rejected
    /// rows are reported with their line and reason, and the valid rows are written together in
    /// one transaction, so an import either lands whole (minus the reported rows) or not at all.
    pub async fn import_citizens(
        &self,
        acting: Acting<'_>,
        unit_id: i64,
        csv_text: &str,
    ) -> Result<ImportSummary, AppError> {
        let unit = {
            let mut conn = self.store().pool().acquire().await?;
            qorgau_store::org::get(&mut conn, unit_id).await?
        };
        // Checked before the file is parsed, so a caller without the permission costs no parsing;
        // the write below checks again.
        authorize(
            acting,
            Permission::WriteConscription,
            Scope::Unit(&unit.path),
        )?;
        let mut reader = crate::csv_import::checked_reader(csv_text, &CSV_COLUMNS)?;
        let today = self.clock().today();
        let mut accepted: Vec<(u64, Citizen)> = Vec::new();
        let mut rejected = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for record in reader.records() {
            let record = match record {
                Ok(record) => record,
                Err(error) => {
                    let line = error.position().map_or(0, |p| p.line());
                    rejected.push(reject(
                        line,
                        "",
                        "csv",
                        Message::new("invalid-csv-record").arg("detail", error.to_string()),
                    ));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            let iin_text = record.get(0).unwrap_or("").trim().to_owned();
            if record.len() != CSV_COLUMNS.len() {
                rejected.push(reject(
                    line,
                    &iin_text,
                    "csv",
                    Message::new("invalid-csv-columns")
                        .arg("found", record.len() as i64)
                        .arg("expected", CSV_COLUMNS.len() as i64),
                ));
                continue;
            }
            match citizen_of(&record, unit_id, today) {
                Ok(citizen) if !seen.insert(citizen.iin.clone()) => rejected.push(reject(
                    line,
                    &iin_text,
                    "iin",
                    Message::new("invalid-csv-duplicate-in-file").arg("iin", iin_text.as_str()),
                )),
                Ok(citizen) => accepted.push((line, citizen)),
                Err(error) => rejected.push(reject(line, &iin_text, error.column, error.reason)),
            }
        }
        let mut w = self
            .write(
                acting,
                Permission::WriteConscription,
                Scope::Unit(&unit.path),
            )
            .await?;
        // Already registered IINs are rejected rows, not a failed import.
        let iins: Vec<String> = accepted.iter().map(|(_, c)| c.iin.to_string()).collect();
        let existing: std::collections::HashSet<String> = repo::existing_iins(w.conn(), &iins)
            .await?
            .into_iter()
            .collect();
        let (fresh, duplicates): (Vec<_>, Vec<_>) = accepted
            .into_iter()
            .partition(|(_, c)| !existing.contains(&c.iin.to_string()));
        for (line, citizen) in duplicates {
            let iin = citizen.iin.to_string();
            rejected.push(reject(
                line,
                &iin,
                "iin",
                Message::new("invalid-csv-already-registered").arg("iin", iin.as_str()),
            ));
        }
        let citizens: Vec<Citizen> = fresh.into_iter().map(|(_, c)| c).collect();
        let imported_at = w.at_text();
        let imported = repo::insert_citizens(w.conn(), &citizens, &imported_at).await?;
        rejected.sort_by_key(|r| r.line);
        w.audit(crate::audit::Change {
            action: crate::audit::AuditAction::CitizensImport,
            entity: "org_unit",
            entity_id: unit_id.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "imported": imported,
                "rejected": rejected.iter().map(|r| serde_json::json!({"line": r.line, "iin": r.iin, "column": r.column})).collect::<Vec<_>>(),
            })),
        })
        .await?;
        w.commit().await?;
        Ok(ImportSummary { imported, rejected })
    }

    /// Citizens under the caller's units whose IIN or name starts with `query`.
    pub async fn search_citizens(
        &self,
        acting: Acting<'_>,
        query: &str,
        limit: i64,
    ) -> Result<Vec<Citizen>, AppError> {
        let paths = self.readable_paths(acting, Permission::ReadConscription)?;
        let mut conn = self.store().pool().acquire().await?;
        let mut found = Vec::new();
        for path in paths {
            found.extend(repo::search_citizens(&mut conn, &path, query.trim(), limit).await?);
        }
        found.truncate(usize::try_from(limit).unwrap_or(0));
        Ok(found)
    }

    /// A citizen's card: the register row and the statuses derived for `as_of`.
    pub async fn citizen_card(
        &self,
        acting: Acting<'_>,
        citizen_id: i64,
        as_of: NaiveDate,
    ) -> Result<CitizenCard, AppError> {
        let mut conn = self.store().pool().acquire().await?;
        let citizen = repo::citizen(&mut conn, citizen_id).await?;
        let unit = qorgau_store::org::get(&mut conn, citizen.unit_id).await?;
        authorize(
            acting,
            Permission::ReadConscription,
            Scope::Unit(&unit.path),
        )?;
        let (registration, training) = derive_statuses(&citizen, as_of)?;
        Ok(CitizenCard {
            citizen,
            as_of,
            registration,
            training,
        })
    }

    /// The unit paths on which the caller holds `permission` (the root for the operator).
    pub(crate) fn readable_paths(
        &self,
        acting: Acting<'_>,
        permission: Permission,
    ) -> Result<Vec<String>, AppError> {
        match acting {
            Acting::Operator => Ok(vec!["/".to_owned()]),
            Acting::Anonymous => Err(AppError::Unauthenticated),
            Acting::Principal(principal) => {
                authorize(acting, permission, Scope::Anywhere)?;
                let mut paths = principal.paths_with(permission);
                paths.sort();
                // A path inside another adds nothing.
                let mut kept: Vec<String> = Vec::new();
                for path in paths {
                    if !kept.iter().any(|k| path.starts_with(k.as_str())) {
                        kept.push(path);
                    }
                }
                Ok(kept)
            }
        }
    }
}

fn reject(line: u64, iin: &str, column: &str, reason: Message) -> RejectedRow {
    RejectedRow {
        line,
        iin: iin.to_owned(),
        column: column.to_owned(),
        message: reason.render(&qorgau_i18n::Lang::english()),
        reason,
    }
}
