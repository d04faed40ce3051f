//! Ownership screening (002 Art. 23.6): organisations and their holdings imported from CSV,
//! one organisation screened up its owners, and the whole graph screened at once.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use qorgau_rules::security::vocabulary::{Activity, Limit};
use qorgau_rules::{Decision, Percent, TypedRule};

use crate::audit::AuditAction;
use crate::security::allowed;
use crate::{Acting, App, AppError, Permission};

pub const ORGANISATION_CSV_COLUMNS: [&str; 6] = [
    "code",
    "name",
    "foreign",
    "activities",
    "trunk_lines_run_by_foreigners",
    "control_centre_abroad",
];
pub const HOLDING_CSV_COLUMNS: [&str; 3] = ["owner", "owned", "share"];

fn yes_no(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" | "" => Some(false),
        _ => None,
    }
}

/// The activities of a CSV cell, separated by spaces or semicolons.
fn activities_of(text: &str) -> Result<Vec<Activity>, qorgau_i18n::UnknownWord> {
    text.split([' ', ';'])
        .filter(|a| !a.is_empty())
        .map(str::parse)
        .collect()
}

/// The screening of every organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreeningSummary {
    pub organisations: usize,
    pub holdings: usize,
    /// How many organisations break each limit, in the order of the limits' words.
    pub breaches: Vec<(Limit, usize)>,
    /// Organisations breaking a limit, largest foreign share first (at most 100).
    pub flagged: Vec<FlaggedOrganisation>,
    /// Milliseconds to read the graph and to compute.
    pub read_ms: f64,
    pub compute_ms: f64,
}

/// An organisation that breaks a limit.
#[derive(Debug, Clone, PartialEq)]
pub struct FlaggedOrganisation {
    pub code: String,
    pub name: String,
    pub foreign_share: Percent,
    pub limits: Vec<Limit>,
}

/// The limits a whole-graph screening can decide from the shares and flags alone (acquisitions
/// are screened per organisation).
pub fn graph_breaches(
    organisation: &qorgau_store::security::Organisation,
    foreign_share: Percent,
) -> Vec<Limit> {
    qorgau_rules::security::share_and_flag_limits(
        &organisation.activities,
        foreign_share,
        organisation.foreign_person,
        organisation.trunk_lines_run_by_foreigners,
        organisation.control_centre_abroad,
    )
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
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
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
            if let Some(fault) =
                crate::validation::text_fault(&row[1], 300, crate::validation::Lines::One, true)
            {
                rejected.push(reject("name", fault));
                continue;
            }
            let Some(foreign) = yes_no(&row[2]) else {
                rejected.push(reject(
                    "foreign",
                    Message::new("invalid-csv-bool").arg("value", &row[2]),
                ));
                continue;
            };
            let Ok(activities) = activities_of(&row[3]) else {
                rejected.push(reject(
                    "activities",
                    Message::new("invalid-choice").arg("allowed", allowed(Activity::ALL)),
                ));
                continue;
            };
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
                    activities,
                    trunk_lines_run_by_foreigners: trunk,
                    control_centre_abroad: centre,
                },
            ));
        }
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
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
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        let rows = csv_records(csv_text, &HOLDING_CSV_COLUMNS)?;
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
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
            *totals.entry(h.owned_id).or_default() += h.share.value();
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
            // A percent as written ("35", "0.5%"); a bare fraction such as "0.35" is refused.
            let share: Percent = match row[2].parse::<Percent>() {
                Ok(share) if share.value() > 0.0 => share,
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
            if *total + share.value() > 100.0 + 1e-9 {
                rejected.push(RowRejection::new(
                    line,
                    "share",
                    Message::new("invalid-holding-over").arg("total", *total + share.value()),
                ));
                continue;
            }
            *total += share.value();
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
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
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
            activities: subject.activities.clone(),
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
                .filter(|o| o.foreign_person)
                .map(|o| o.code.clone())
                .collect(),
            // The register records whether every organisation is a foreign person.
            organisation_foreign: Some(subject.foreign_person),
            acquisitions: Vec::new(),
            trunk_lines_run_by_foreigners: subject.trunk_lines_run_by_foreigners,
            control_centre_abroad: subject.control_centre_abroad,
        };
        let decision = qorgau_rules::security::OwnershipScreening.decision(facts, as_of)?;
        Ok((subject, decision))
    }

    /// Organisations whose code or name starts with `q` (at most 50; none for an empty `q`).
    pub async fn search_organisations(
        &self,
        acting: Acting<'_>,
        q: &str,
    ) -> Result<Vec<qorgau_store::security::Organisation>, AppError> {
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        if q.trim().is_empty() {
            return Ok(Vec::new());
        }
        let mut conn = self.store().pool().acquire().await?;
        Ok(qorgau_store::security::search_organisations(&mut conn, q.trim(), 50).await?)
    }

    /// Screens every organisation of the graph at once (the foreign shares of all solve one
    /// linear system).
    pub async fn screen_all(&self, acting: Acting<'_>) -> Result<ScreeningSummary, AppError> {
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        // The graph is screened on the rule's typed core: its source's life is checked here.
        qorgau_rules::life::applies::<qorgau_rules::security::OwnershipScreening>(
            self.clock().today(),
        )?;
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

/// A share computed from the graph (a sum of products of shares): within 0..=100 but for
/// floating-point rounding.
fn computed_percent(value: f64) -> Result<Percent, AppError> {
    Percent::new(value.clamp(0.0, 100.0), true).map_err(|e| AppError::Internal(e.to_string()))
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
        foreign: organisations.iter().map(|o| o.foreign_person).collect(),
    };
    for h in holdings {
        if let (Some(&owner), Some(&owned)) = (index.get(&h.owner_id), index.get(&h.owned_id)) {
            graph.owners[owned as usize].push((owner, h.share.as_fraction()));
        }
    }
    let shares = graph
        .foreign_shares()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    // Keyed by the limit's word, so the counts come out in the order they always had.
    let mut counts: BTreeMap<&'static str, (Limit, usize)> = BTreeMap::new();
    let mut flagged = Vec::new();
    for (i, o) in organisations.iter().enumerate() {
        if o.activities.is_empty() && !o.trunk_lines_run_by_foreigners && !o.control_centre_abroad {
            continue;
        }
        // A foreign organisation counts as wholly foreign, as in the rule's decision.
        let percent = if o.foreign_person {
            100.0
        } else {
            shares[i] * 100.0
        };
        let limits = graph_breaches(o, computed_percent(percent)?);
        if limits.is_empty() {
            continue;
        }
        for &limit in &limits {
            counts.entry(limit.as_str()).or_insert((limit, 0)).1 += 1;
        }
        flagged.push(FlaggedOrganisation {
            code: o.code.clone(),
            name: o.name.clone(),
            foreign_share: computed_percent((percent * 1e6).round() / 1e6)?,
            limits,
        });
    }
    flagged.sort_by(|a, b| {
        b.foreign_share
            .value()
            .total_cmp(&a.foreign_share.value())
            .then(a.code.cmp(&b.code))
    });
    flagged.truncate(100);
    Ok(ScreeningSummary {
        organisations: organisations.len(),
        holdings: holdings.len(),
        breaches: counts.into_values().collect(),
        flagged,
        read_ms: 0.0,
        compute_ms: 0.0,
    })
}
