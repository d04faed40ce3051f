//! The reference lists of the texts (corpus documents 000, 002 and 004), read from the parsed
//! corpus, with the interests and threats later acts add to them.

use chrono::NaiveDate;
use qorgau_law::reference::{self, Entry};
use qorgau_rules::security::vocabulary::ListKind;

use crate::audit::AuditAction;
use crate::security::{allowed, records};
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// One reference list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceList {
    pub key: ListKind,
    /// The clause the list hangs under.
    pub source: &'static str,
    pub entries: Vec<Entry>,
    /// Entries added by later acts (interests and threats only), in force on the date read.
    pub additions: Vec<qorgau_store::security::ListAddition>,
}

/// The lists later acts may supplement (002 Art. 5.2 and 6.2).
pub const SUPPLEMENTED_LISTS: [ListKind; 2] = ListKind::SUPPLEMENTED;

/// A new entry of a list, added by a later act.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct NewAddition {
    /// national_interests or main_threats.
    #[schema(schema_with = crate::words::word::<ListKind>)]
    pub list: ListKind,
    pub text: String,
    /// The act that adds it, as cited ("Law of ... No. ...").
    pub added_by_act: String,
    /// The day from which it counts (YYYY-MM-DD).
    pub effective_from: NaiveDate,
}

/// Every reference list, in the order of the texts.
pub fn reference_lists() -> Vec<ReferenceList> {
    vec![
        ReferenceList {
            key: ListKind::SecurityTypes,
            source: "kz-2012-527-IV/art_4",
            entries: reference::security_types(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: ListKind::NationalInterests,
            source: "kz-2012-527-IV/art_5__para_1",
            entries: reference::national_interests(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: ListKind::MainThreats,
            source: "kz-2012-527-IV/art_6__para_1",
            entries: reference::main_threats(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: ListKind::Principles,
            source: "kz-2012-527-IV/art_3",
            entries: reference::principles(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: ListKind::SystemFunctions,
            source: "kz-2012-527-IV/art_8",
            entries: reference::system_functions(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: ListKind::Forces,
            source: "kz-2012-527-IV/art_9__para_1",
            entries: reference::forces(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: ListKind::PublicBodies,
            source: "kz-2012-527-IV/art_15__para_1",
            entries: reference::public_bodies(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: ListKind::DefenseFunctions,
            source: "kz-2005-29/art_22__para_2",
            entries: reference::defense_functions(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: ListKind::CouncilFunctions,
            source: "kz-security-council/para_5",
            entries: reference::council_functions(),
            additions: Vec::new(),
        },
    ]
}

impl App {
    /// The reference lists on `as_of`: the corpus entries and the additions in force then.
    pub async fn reference_lists_on(
        &self,
        acting: Acting<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<ReferenceList>, AppError> {
        self.read_reference(acting)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let mut conn = self.store().pool().acquire().await?;
        let additions = qorgau_store::security::additions_on(&mut conn, as_of).await?;
        let mut lists = reference_lists();
        for list in &mut lists {
            list.additions = additions
                .iter()
                .filter(|a| a.list == list.key)
                .cloned()
                .collect();
        }
        Ok(lists)
    }

    /// Records an interest or threat added by a later act (Art. 5.2, 6.2); audited.
    pub async fn add_list_entry(
        &self,
        acting: Acting<'_>,
        new: NewAddition,
    ) -> Result<qorgau_store::security::ListAddition, AppError> {
        use qorgau_i18n::Message;
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        if !new.list.is_supplemented() {
            return Err(AppError::invalid(
                "list",
                Message::new("invalid-choice").arg("allowed", allowed(&SUPPLEMENTED_LISTS)),
            ));
        }
        for (field, value, max) in [
            ("text", &new.text, 2000),
            ("added_by_act", &new.added_by_act, 300),
        ] {
            crate::validation::text(field, value, max)?;
        }
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        let mut addition = qorgau_store::security::ListAddition {
            id: 0,
            list: new.list,
            text: new.text.trim().to_owned(),
            added_by_act: new.added_by_act.trim().to_owned(),
            effective_from: new.effective_from,
            recorded_by: w.actor_name(),
            recorded_at: w.at(),
        };
        addition.id = qorgau_store::security::insert_addition(w.conn(), &addition).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityListAdd,
            "security_list_addition",
            addition.id,
            records::list_addition(&addition),
        ))
        .await?;
        w.commit().await?;
        Ok(addition)
    }

    /// Whether `acting` may read the reference lists (everyone signed in may).
    pub fn read_reference(&self, acting: Acting<'_>) -> Result<(), AppError> {
        authorize(acting, Permission::ReadLaw, Scope::Anywhere)
    }
}
