//! Institutions and competences (corpus documents 000, 002 and 004): the reference lists read
//! from the parsed corpus, and "who is responsible": a free-text question answered by ranking
//! the functions and competences of the texts with the corpus search.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use qorgau_law::reference::{self, Entry};
use qorgau_law::{SearchQuery, Status, shipped, shipped_index};
use qorgau_rules::{Decision, TypedRule};
use serde::Serialize;

use crate::audit::AuditAction;
use crate::{Acting, App, AppError, Permission, Scope, authorize};

/// One reference list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReferenceList {
    /// A key such as `main_threats`.
    pub key: &'static str,
    /// The clause the list hangs under.
    pub source: &'static str,
    #[schema(value_type = Vec<Object>)]
    pub entries: Vec<Entry>,
    /// Entries added by later acts (interests and threats only), in force on the date read.
    #[schema(value_type = Vec<Object>)]
    pub additions: Vec<qorgau_store::security::ListAddition>,
}

/// The lists later acts may supplement (002 Art. 5.2 and 6.2).
pub const SUPPLEMENTED_LISTS: [&str; 2] = ["national_interests", "main_threats"];

/// A new entry of a list, added by a later act.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct NewAddition {
    /// national_interests or main_threats.
    pub list: String,
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
            key: "security_types",
            source: "kz-2012-527-IV/art_4",
            entries: reference::security_types(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: "national_interests",
            source: "kz-2012-527-IV/art_5__para_1",
            entries: reference::national_interests(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: "main_threats",
            source: "kz-2012-527-IV/art_6__para_1",
            entries: reference::main_threats(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: "principles",
            source: "kz-2012-527-IV/art_3",
            entries: reference::principles(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: "system_functions",
            source: "kz-2012-527-IV/art_8",
            entries: reference::system_functions(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: "forces",
            source: "kz-2012-527-IV/art_9__para_1",
            entries: reference::forces(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: "public_bodies",
            source: "kz-2012-527-IV/art_15__para_1",
            entries: reference::public_bodies(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: "defense_functions",
            source: "kz-2005-29/art_22__para_2",
            entries: reference::defense_functions(),
            additions: Vec::new(),
        },
        ReferenceList {
            key: "council_functions",
            source: "kz-security-council/para_5",
            entries: reference::council_functions(),
            additions: Vec::new(),
        },
    ]
}

/// Who holds each function or competence: clause id -> holder.
fn holders() -> &'static HashMap<String, String> {
    static HOLDERS: OnceLock<HashMap<String, String>> = OnceLock::new();
    HOLDERS.get_or_init(|| {
        let mut map = HashMap::new();
        for entry in reference::defense_functions() {
            map.insert(entry.clause.to_string(), "Ministry of Defense".to_owned());
        }
        for entry in reference::public_bodies() {
            map.insert(entry.clause.to_string(), entry.name.clone());
        }
        for entry in reference::council_functions() {
            map.insert(
                entry.clause.to_string(),
                "Security Council of the Republic of Kazakhstan".to_owned(),
            );
        }
        for (holder, entry) in reference::powers() {
            map.insert(entry.clause.to_string(), holder);
        }
        map
    })
}

/// One function or competence that answers a question.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Responsibility {
    pub holder: String,
    pub clause: String,
    pub text: String,
    pub score: f32,
    pub in_force: bool,
    /// When excluded: since when, and by what.
    pub excluded_since: Option<NaiveDate>,
    pub excluded_by: Option<String>,
}

/// The answer to "who is responsible for ...".
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WhoAnswer {
    pub question: String,
    pub as_of: NaiveDate,
    /// The functions and competences that match, best first.
    pub answers: Vec<Responsibility>,
    /// `defense.function_holder` on the same question.
    #[serde(skip)]
    pub function_holder: Decision<qorgau_rules::defense::FunctionHolderOutcome>,
    /// When the best-ranked answer is held by another body than the Ministry of Defense: that
    /// holder. The rule then names only the closest of the Ministry's own functions.
    pub better_holder: Option<String>,
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
        let additions = qorgau_store::security::additions_on(&mut conn, &as_of.to_string()).await?;
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
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        if !SUPPLEMENTED_LISTS.contains(&new.list.as_str()) {
            return Err(AppError::invalid(
                "list",
                Message::new("invalid-choice").arg("allowed", SUPPLEMENTED_LISTS.join(", ")),
            ));
        }
        for (field, value, max) in [
            ("text", &new.text, 2000),
            ("added_by_act", &new.added_by_act, 300),
        ] {
            if !(1..=max).contains(&value.trim().chars().count()) {
                return Err(AppError::invalid(
                    field,
                    Message::new("invalid-text-length").arg("max", max),
                ));
            }
        }
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        let mut addition = qorgau_store::security::ListAddition {
            id: 0,
            list: new.list.clone(),
            text: new.text.trim().to_owned(),
            added_by_act: new.added_by_act.trim().to_owned(),
            effective_from: new.effective_from.to_string(),
            recorded_by: w.actor_name(),
            recorded_at: w.at_text(),
        };
        addition.id = qorgau_store::security::insert_addition(w.conn(), &addition).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityListAdd,
            "security_list_addition",
            addition.id,
            serde_json::json!(addition),
        ))
        .await?;
        w.commit().await?;
        Ok(addition)
    }

    /// Whether `acting` may read the reference lists (everyone signed in may).
    pub fn read_reference(&self, acting: Acting<'_>) -> Result<(), AppError> {
        authorize(acting, Permission::ReadLaw, Scope::Anywhere)
    }

    /// Ranks the functions of the Ministry of Defense, the competences of the public bodies,
    /// the powers of Arts. 10-16 and the Security Council's functions against `question`.
    pub async fn who(
        &self,
        acting: Acting<'_>,
        question: &str,
        as_of: Option<NaiveDate>,
    ) -> Result<WhoAnswer, AppError> {
        authorize(acting, Permission::ReadLaw, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let question = question.trim();
        if question.is_empty() {
            return Err(AppError::invalid(
                "q",
                qorgau_i18n::Message::new("invalid-search-empty"),
            ));
        }
        let function_holder = qorgau_rules::defense::FunctionHolder.decide(
            qorgau_rules::defense::FunctionHolderFacts {
                question: question.to_owned(),
            },
            as_of,
        )?;
        let hits = shipped_index()
            .search(&SearchQuery {
                text: question,
                act: None,
                as_of: None,
                limit: 60,
            })
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let holders = holders();
        let mut answers = Vec::new();
        for hit in hits {
            let Some(holder) = holders.get(&hit.id) else {
                continue;
            };
            let Ok(id) = qorgau_law::ClauseId::parse(&hit.id) else {
                continue;
            };
            let Some((act, index)) = shipped().locate(&id) else {
                continue;
            };
            let (in_force, excluded_since, excluded_by) = match act.status(index, as_of) {
                Status::InForce => (true, None, None),
                Status::NotYetInForce { .. } => (false, None, None),
                Status::Excluded { by, since } => (false, Some(since), Some(by)),
            };
            answers.push(Responsibility {
                holder: holder.clone(),
                clause: hit.id.clone(),
                text: act.node(index).text.clone(),
                score: hit.score,
                in_force,
                excluded_since,
                excluded_by,
            });
            if answers.len() == 10 {
                break;
            }
        }
        let rule_clause = function_holder.outcome.clause.as_deref();
        let better_holder = answers
            .first()
            .filter(|top| {
                rule_clause.is_some_and(|c| c != top.clause)
                    && !top.clause.starts_with(qorgau_law::reference::DEFENSE)
            })
            .map(|top| top.holder.clone());
        Ok(WhoAnswer {
            question: question.to_owned(),
            as_of,
            answers,
            function_holder,
            better_holder,
        })
    }
}

// ---- Ownership screening (002 Art. 23.6) --------------------------------------------------

pub const ORGANISATION_CSV_COLUMNS: [&str; 6] = [
    "code",
    "name",
    "foreign",
    "activities",
    "trunk_lines_run_by_foreigners",
    "control_centre_abroad",
];
pub const HOLDING_CSV_COLUMNS: [&str; 3] = ["owner", "owned", "share"];
const ACTIVITIES: [&str; 4] = [
    "media_owner",
    "long_distance_operator",
    "trunk_line_operator",
    "network_operator",
];

fn yes_no(value: &str) -> Option<i64> {
    match value {
        "yes" => Some(1),
        "no" | "" => Some(0),
        _ => None,
    }
}

fn activities_of(text: &str) -> Vec<qorgau_rules::security::Activity> {
    text.split([' ', ';'])
        .filter(|a| !a.is_empty())
        .filter_map(|a| serde_json::from_value(serde_json::Value::String(a.to_owned())).ok())
        .collect()
}

/// The screening of every organisation.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ScreeningSummary {
    pub organisations: usize,
    pub holdings: usize,
    /// How many organisations break each limit.
    pub breaches: Vec<(String, usize)>,
    /// Organisations breaking a limit, largest foreign share first (at most 100).
    pub flagged: Vec<FlaggedOrganisation>,
    /// Milliseconds to read the graph and to compute.
    pub read_ms: f64,
    pub compute_ms: f64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FlaggedOrganisation {
    pub code: String,
    pub name: String,
    /// Percent.
    pub foreign_share: f64,
    pub limits: Vec<String>,
}

/// The limits a whole-graph screening can decide from the shares and flags alone (acquisitions
/// are screened per organisation).
pub fn graph_breaches(
    organisation: &qorgau_store::security::Organisation,
    foreign_share_percent: f64,
) -> Vec<&'static str> {
    qorgau_rules::security::share_and_flag_limits(
        &activities_of(&organisation.activities),
        foreign_share_percent,
        organisation.trunk_lines_run_by_foreigners == 1,
        organisation.control_centre_abroad == 1,
    )
    .into_iter()
    .map(|limit| limit.as_str())
    .collect()
}

impl App {
    /// Imports organisations and persons (`code,name,foreign,activities,...`); refused rows are
    /// reported, the rest written in one transaction.
    pub async fn import_organisations(
        &self,
        acting: Acting<'_>,
        csv_text: &str,
    ) -> Result<crate::csv_import::ImportReport, AppError> {
        use crate::csv_import::{ImportReport, RowRejection, csv_records};
        use qorgau_i18n::Message;
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        let mut accepted = Vec::new();
        let mut rejected = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (line, row) in csv_records(csv_text, &ORGANISATION_CSV_COLUMNS)? {
            let reject = |column: &str, message: Message| RowRejection::new(line, column, message);
            let code = row[0].to_owned();
            if code.is_empty() || code.chars().count() > 100 || !seen.insert(code.clone()) {
                rejected.push(reject(
                    "code",
                    Message::new("invalid-organisation-code").arg("code", code.as_str()),
                ));
                continue;
            }
            if row[1].is_empty() || row[1].chars().count() > 300 {
                rejected.push(reject(
                    "name",
                    Message::new("invalid-text-length").arg("max", 300),
                ));
                continue;
            }
            let Some(foreign) = yes_no(&row[2]) else {
                rejected.push(reject(
                    "foreign",
                    Message::new("invalid-csv-bool").arg("value", &row[2]),
                ));
                continue;
            };
            if row[3]
                .split([' ', ';'])
                .any(|a| !a.is_empty() && !ACTIVITIES.contains(&a))
            {
                rejected.push(reject(
                    "activities",
                    Message::new("invalid-choice").arg("allowed", ACTIVITIES.join(", ")),
                ));
                continue;
            }
            let Some(trunk) = yes_no(&row[4]) else {
                rejected.push(reject(
                    "trunk_lines_run_by_foreigners",
                    Message::new("invalid-csv-bool").arg("value", &row[4]),
                ));
                continue;
            };
            let Some(centre) = yes_no(&row[5]) else {
                rejected.push(reject(
                    "control_centre_abroad",
                    Message::new("invalid-csv-bool").arg("value", &row[5]),
                ));
                continue;
            };
            accepted.push((
                line,
                qorgau_store::security::Organisation {
                    id: 0,
                    code,
                    name: row[1].to_owned(),
                    foreign_person: foreign,
                    activities: row[3].replace(';', " "),
                    trunk_lines_run_by_foreigners: trunk,
                    control_centre_abroad: centre,
                },
            ));
        }
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        // Codes already registered are refused by line, not by failing the whole file.
        let codes: Vec<String> = accepted.iter().map(|(_, o)| o.code.clone()).collect();
        let existing: std::collections::HashSet<String> =
            qorgau_store::security::ids_by_code(w.conn(), &codes)
                .await?
                .into_iter()
                .map(|(code, _)| code)
                .collect();
        let (fresh, known): (Vec<_>, Vec<_>) = accepted
            .into_iter()
            .partition(|(_, o)| !existing.contains(&o.code));
        for (line, o) in known {
            rejected.push(RowRejection::new(
                line,
                "code",
                Message::new("invalid-organisation-code").arg("code", o.code.as_str()),
            ));
        }
        rejected.sort_by_key(|r| r.line);
        let fresh: Vec<_> = fresh.into_iter().map(|(_, o)| o).collect();
        let at = w.at_text();
        let imported = qorgau_store::security::insert_organisations(w.conn(), &fresh, &at).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityOrganisationsImport,
            "security_organisation",
            "import",
            serde_json::json!({ "rows": imported, "rejected": rejected.len() }),
        ))
        .await?;
        w.commit().await?;
        Ok(ImportReport { imported, rejected })
    }

    /// Imports holdings (`owner,owned,share` by code, share in percent); a row naming an
    /// unknown organisation, or taking an organisation's holdings over 100 %, is refused.
    pub async fn import_holdings(
        &self,
        acting: Acting<'_>,
        csv_text: &str,
    ) -> Result<crate::csv_import::ImportReport, AppError> {
        use crate::csv_import::{ImportReport, RowRejection, csv_records};
        use qorgau_i18n::Message;
        authorize(acting, Permission::WriteSecurity, Scope::Anywhere)?;
        let rows = csv_records(csv_text, &HOLDING_CSV_COLUMNS)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, Scope::Anywhere)
            .await?;
        let mut codes: Vec<String> = rows
            .iter()
            .flat_map(|(_, r)| [r[0].to_owned(), r[1].to_owned()])
            .collect();
        codes.sort();
        codes.dedup();
        let ids: HashMap<String, i64> = qorgau_store::security::ids_by_code(w.conn(), &codes)
            .await?
            .into_iter()
            .collect();
        let owned: Vec<i64> = {
            let mut v: Vec<i64> = rows
                .iter()
                .filter_map(|(_, r)| ids.get(&r[1]).copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        // What is already held in these organisations: their totals, and the pairs that exist.
        let existing = qorgau_store::security::holdings_in(w.conn(), &owned).await?;
        let mut totals: HashMap<i64, f64> = HashMap::new();
        let mut pairs = std::collections::HashSet::new();
        for h in &existing {
            *totals.entry(h.owned_id).or_default() += h.share;
            pairs.insert((h.owner_id, h.owned_id));
        }
        let mut accepted = Vec::new();
        let mut rejected = Vec::new();
        for (line, row) in rows {
            let (Some(&owner), Some(&owned)) = (ids.get(&row[0]), ids.get(&row[1])) else {
                let column = if ids.contains_key(&row[0]) {
                    "owned"
                } else {
                    "owner"
                };
                let code = if column == "owner" { &row[0] } else { &row[1] };
                rejected.push(RowRejection::new(
                    line,
                    column,
                    Message::new("invalid-organisation-unknown").arg("code", code),
                ));
                continue;
            };
            let share: f64 = match row[2].parse::<f64>() {
                Ok(share) if share > 0.0 && share <= 100.0 => share,
                _ => {
                    rejected.push(RowRejection::new(
                        line,
                        "share",
                        Message::new("invalid-share").arg("value", &row[2]),
                    ));
                    continue;
                }
            };
            if owner == owned || !pairs.insert((owner, owned)) {
                rejected.push(RowRejection::new(
                    line,
                    "owner",
                    Message::new("invalid-holding-twice"),
                ));
                continue;
            }
            let total = totals.entry(owned).or_insert(0.0);
            if *total + share > 100.0 + 1e-9 {
                rejected.push(RowRejection::new(
                    line,
                    "share",
                    Message::new("invalid-holding-over").arg("total", *total + share),
                ));
                continue;
            }
            *total += share;
            accepted.push(qorgau_store::security::HoldingRow {
                owner_id: owner,
                owned_id: owned,
                share,
            });
        }
        let imported = qorgau_store::security::insert_holdings(w.conn(), &accepted).await?;
        w.audit(crate::audit::Change::recorded(
            AuditAction::SecurityHoldingsImport,
            "security_holding",
            "import",
            serde_json::json!({ "rows": imported, "rejected": rejected.len() }),
        ))
        .await?;
        w.commit().await?;
        Ok(ImportReport { imported, rejected })
    }

    /// Screens one organisation: its shareholders are followed up the graph, and
    /// `security.ownership_screening` decides on that subgraph.
    pub async fn screen_organisation(
        &self,
        acting: Acting<'_>,
        code: &str,
        as_of: Option<NaiveDate>,
    ) -> Result<
        (
            qorgau_store::security::Organisation,
            Decision<qorgau_rules::security::OwnershipOutcome>,
        ),
        AppError,
    > {
        authorize(acting, Permission::ReadSecurity, Scope::Anywhere)?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let mut conn = self.store().pool().acquire().await?;
        let subject = qorgau_store::security::organisation_by_code(&mut conn, code.trim()).await?;
        // Breadth-first up the owners, each level one query per 50 organisations.
        let mut seen = std::collections::HashSet::from([subject.id]);
        let mut frontier = vec![subject.id];
        let mut holdings = Vec::new();
        while !frontier.is_empty() && seen.len() < 200_000 {
            let found = qorgau_store::security::holdings_in(&mut conn, &frontier).await?;
            frontier = Vec::new();
            for h in found {
                if seen.insert(h.owner_id) {
                    frontier.push(h.owner_id);
                }
                holdings.push(h);
            }
        }
        let ids: Vec<i64> = seen.iter().copied().collect();
        let orgs: HashMap<i64, qorgau_store::security::Organisation> =
            qorgau_store::security::organisations_by_ids(&mut conn, &ids)
                .await?
                .into_iter()
                .map(|o| (o.id, o))
                .collect();
        let name = |id: i64| {
            orgs.get(&id)
                .map_or_else(|| id.to_string(), |o| o.code.clone())
        };
        let facts = qorgau_rules::security::OwnershipFacts {
            organisation: subject.code.clone(),
            activities: activities_of(&subject.activities),
            holdings: holdings
                .iter()
                .map(|h| qorgau_rules::security::Holding {
                    owner: name(h.owner_id),
                    owned: name(h.owned_id),
                    share: h.share,
                })
                .collect(),
            foreign: orgs
                .values()
                .filter(|o| o.foreign_person == 1)
                .map(|o| o.code.clone())
                .collect(),
            acquisitions: Vec::new(),
            trunk_lines_run_by_foreigners: subject.trunk_lines_run_by_foreigners == 1,
            control_centre_abroad: subject.control_centre_abroad == 1,
        };
        let decision = qorgau_rules::security::OwnershipScreening.decide(facts, as_of)?;
        Ok((subject, decision))
    }

    /// Organisations whose code or name starts with `q` (at most 50; none for an empty `q`).
    pub async fn search_organisations(
        &self,
        acting: Acting<'_>,
        q: &str,
    ) -> Result<Vec<qorgau_store::security::Organisation>, AppError> {
        authorize(acting, Permission::ReadSecurity, Scope::Anywhere)?;
        if q.trim().is_empty() {
            return Ok(Vec::new());
        }
        let mut conn = self.store().pool().acquire().await?;
        Ok(qorgau_store::security::search_organisations(&mut conn, q.trim(), 50).await?)
    }

    /// Screens every organisation of the graph at once (the foreign shares of all solve one
    /// linear system).
    pub async fn screen_all(&self, acting: Acting<'_>) -> Result<ScreeningSummary, AppError> {
        authorize(acting, Permission::ReadSecurity, Scope::Anywhere)?;
        let started = std::time::Instant::now();
        let mut conn = self.store().pool().acquire().await?;
        let organisations = qorgau_store::security::all_organisations(&mut conn).await?;
        let holdings = qorgau_store::security::all_holdings(&mut conn).await?;
        drop(conn);
        let read_ms = started.elapsed().as_secs_f64() * 1000.0;
        let started = std::time::Instant::now();
        let summary = screen_graph(&organisations, &holdings)?;
        let compute_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(ScreeningSummary {
            read_ms,
            compute_ms,
            ..summary
        })
    }
}

/// The whole-graph screening on rows already read (the benchmark times this).
pub fn screen_graph(
    organisations: &[qorgau_store::security::Organisation],
    holdings: &[qorgau_store::security::HoldingRow],
) -> Result<ScreeningSummary, AppError> {
    let index: HashMap<i64, u32> = organisations
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id, i as u32))
        .collect();
    let mut graph = qorgau_rules::security::OwnershipGraph {
        owners: vec![Vec::new(); organisations.len()],
        foreign: organisations
            .iter()
            .map(|o| o.foreign_person == 1)
            .collect(),
    };
    for h in holdings {
        if let (Some(&owner), Some(&owned)) = (index.get(&h.owner_id), index.get(&h.owned_id)) {
            graph.owners[owned as usize].push((owner, h.share / 100.0));
        }
    }
    let shares = graph
        .foreign_shares()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
    let mut flagged = Vec::new();
    for (i, o) in organisations.iter().enumerate() {
        if o.activities.is_empty()
            && o.trunk_lines_run_by_foreigners == 0
            && o.control_centre_abroad == 0
        {
            continue;
        }
        let percent = shares[i] * 100.0;
        let limits = graph_breaches(o, percent);
        if limits.is_empty() {
            continue;
        }
        for limit in &limits {
            *counts.entry(limit).or_default() += 1;
        }
        flagged.push(FlaggedOrganisation {
            code: o.code.clone(),
            name: o.name.clone(),
            foreign_share: (percent * 1e6).round() / 1e6,
            limits: limits.iter().map(|l| (*l).to_owned()).collect(),
        });
    }
    flagged.sort_by(|a, b| {
        b.foreign_share
            .total_cmp(&a.foreign_share)
            .then(a.code.cmp(&b.code))
    });
    flagged.truncate(100);
    Ok(ScreeningSummary {
        organisations: organisations.len(),
        holdings: holdings.len(),
        breaches: counts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        flagged,
        read_ms: 0.0,
        compute_ms: 0.0,
    })
}
