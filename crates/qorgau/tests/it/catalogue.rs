//! Every message id the code and the templates use exists in the English catalogue.

use std::path::{Path, PathBuf};

fn files(root: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("target") && !path.ends_with("tests") {
                files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            out.push(path);
        }
    }
}

/// Prefixes of message ids; every string literal that starts with one is a message id.
const PREFIXES: &[&str] = &[
    "app-",
    "page-",
    "signed-",
    "nav-",
    "action-",
    "field-",
    "role-",
    "login-",
    "home-",
    "account-",
    "token-",
    "tokens-",
    "users-",
    "user-",
    "org-",
    "rules-",
    "rule-",
    "audit-",
    "error-",
    "invalid-",
    "cli-",
    "summons-",
    "citizen-",
    "citizens-",
    "campaign-",
    "campaigns-",
    "referral-",
    "funnel-",
    "channel-",
    "purpose-",
    "safety-",
    "analysis-",
    "plan-",
    "coverage-",
    "echelon-",
    "training-",
    "activity-",
    "incident-",
    "violation-",
    "cause-",
    "period-",
    "exercise-",
    "unfavourable-",
    "unit-kind-",
    "who-",
    "security-",
    "reference-",
    "council-",
];

fn used_ids(text: &str, html: bool) -> Vec<String> {
    let mut ids = Vec::new();
    // In templates only the catalogue calls count (element ids look like message ids).
    let literals: Vec<&str> = if html {
        ["t(\"", "t1(\"", "t2(\""]
            .iter()
            .flat_map(|call| {
                text.split(call)
                    .skip(1)
                    .filter_map(|rest| rest.split('"').next())
            })
            .collect()
    } else {
        text.split('"').skip(1).step_by(2).collect()
    };
    for literal in literals {
        // A literal ending in '-' is a prefix that code completes with a stored key; the keys
        // are checked by `every_vocabulary_word_has_a_label`.
        let is_id = !literal.is_empty()
            && !literal.ends_with('-')
            && literal
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && PREFIXES
                .iter()
                .any(|p| literal.starts_with(p) && literal.len() > p.len());
        if is_id {
            ids.push(literal.to_owned());
        }
    }
    ids
}

/// The label ids of every word of vocabulary `T`.
fn labels<T: qorgau_i18n::Vocabulary>() -> impl Iterator<Item = &'static str> {
    T::ALL.iter().map(|w| w.label_id())
}

/// Every word of every closed vocabulary has its label in the catalogue: the enums are iterated,
/// never a copied list.
#[test]
fn every_vocabulary_word_has_a_label() {
    use qorgau_rules::{conscription as c, safety as s, security::vocabulary as n};
    let ids = std::iter::empty()
        // The platform.
        .chain(labels::<qorgau_app::audit::AuditAction>())
        .chain(labels::<qorgau_app::audit::BreakReason>())
        .chain(labels::<qorgau_app::roles::Role>())
        .chain(labels::<qorgau_app::org::UnitKind>())
        // Conscription.
        .chain(labels::<qorgau_app::conscription::campaigns::NotSummonable>())
        .chain(labels::<c::Purpose>())
        .chain(labels::<c::CampaignStatus>())
        .chain(labels::<c::EventKind>())
        .chain(labels::<c::EventOutcome>())
        .chain(labels::<c::Channel>())
        .chain(labels::<c::Sex>())
        .chain(labels::<c::RemovalReason>())
        .chain(labels::<c::Notified>())
        .chain(labels::<c::FollowUp>())
        // Security of military service.
        .chain(labels::<s::ViolationCategory>())
        .chain(labels::<s::Cause>())
        .chain(labels::<s::IncidentActivity>())
        .chain(labels::<s::IncidentKind>())
        .chain(labels::<s::TrainingKind>())
        .chain(labels::<s::PlanStatus>())
        .chain(labels::<s::ScheduleStatus>())
        .chain(labels::<s::PeriodKind>())
        .chain(labels::<s::PlanChange>())
        .chain(labels::<s::Echelon>())
        .chain(labels::<s::CoverageOutlook>())
        .chain(labels::<s::Activity>())
        .chain(labels::<s::Exercise>())
        // National security and the Council.
        .chain(labels::<n::Trend>())
        .chain(labels::<n::MeasureStatus>())
        .chain(labels::<n::IndicatorState>())
        .chain(labels::<n::ToPresident>())
        .chain(labels::<n::ControlStatus>())
        .chain(labels::<n::DecisionKind>())
        .chain(labels::<n::Review>())
        .chain(labels::<n::Area>())
        .chain(labels::<n::AgendaKind>())
        .chain(labels::<n::Activity>())
        .chain(labels::<n::Limit>())
        .chain(labels::<n::ListKind>());
    let missing: Vec<&str> = ids.filter(|id| !qorgau_i18n::has_message(id)).collect();
    assert!(
        missing.is_empty(),
        "vocabulary words without a label: {missing:?}"
    );
}

#[test]
fn every_used_message_exists() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut all = Vec::new();
    files(crates, &mut all);
    let mut missing = Vec::new();
    let mut checked = 0;
    for file in all {
        let text = std::fs::read_to_string(&file).unwrap();
        let html = file.extension().is_some_and(|e| e == "html");
        for id in used_ids(&text, html) {
            checked += 1;
            if !qorgau_i18n::has_message(&id) {
                missing.push(format!("{}: {id}", file.display()));
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} uses found: the scanner is broken"
    );
    assert!(
        missing.is_empty(),
        "messages missing from the catalogue:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_kind_of_clause_has_a_name() {
    for kind in [
        "act",
        "order",
        "chapter",
        "article",
        "paragraph",
        "point",
        "appendix",
        "section",
        "item",
    ] {
        assert!(
            qorgau_i18n::has_message(&format!("law-kind-{kind}")),
            "{kind}"
        );
    }
}
