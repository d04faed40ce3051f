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
        // are checked by `every_stored_key_has_a_label`.
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

/// Every word of every closed vocabulary has its label in the catalogue.
#[test]
fn every_vocabulary_word_has_a_label() {
    let ids = qorgau_app::audit::AuditAction::ALL
        .iter()
        .map(|w| w.message_id())
        .chain(
            qorgau_app::conscription::campaigns::NotSummonable::ALL
                .iter()
                .map(|w| w.message_id()),
        );
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

/// Every key the safety module stores or offers has its catalogue label.
#[test]
fn every_stored_key_has_a_label() {
    use qorgau_app::safety::{ACTIVITIES, CAUSES, INCIDENT_KINDS, VIOLATION_CATEGORIES};
    let label = |prefix: &str, key: &str| format!("{prefix}{}", key.replace('_', "-"));
    let mut ids = Vec::new();
    for (prefix, keys) in [
        ("violation-", VIOLATION_CATEGORIES),
        ("cause-", CAUSES),
        ("activity-", ACTIVITIES),
        ("incident-", INCIDENT_KINDS),
        ("training-", qorgau_app::safety::training::TRAINING_KINDS),
        ("coverage-", &["met", "on_pace", "heading_below", "missed"]),
        ("safety-schedule-status-", &["completed", "open", "late"]),
        (
            "echelon-",
            &[
                "armed_forces",
                "command_body_with_subordinate_units",
                "branch_or_regional_command",
                "military_unit",
            ],
        ),
        (
            "activity-",
            &[
                "training_period",
                "field_exercise",
                "troop_movement",
                "weapons_and_equipment_work",
                "daily_duty",
            ],
        ),
    ] {
        ids.extend(keys.iter().map(|k| label(prefix, k)));
    }
    for (prefix, keys) in [
        (
            "security-trend-",
            &qorgau_app::security::monitoring::TRENDS[..],
        ),
        (
            "security-measure-status-",
            &qorgau_app::security::monitoring::MEASURE_STATUSES[..],
        ),
        (
            "security-indicator-status-",
            &["on_track", "at_risk", "off_track"][..],
        ),
        (
            "security-to-president-",
            &["subordinate_and_accountable", "accountable", "none"][..],
        ),
        (
            "council-status-",
            &qorgau_app::security::council::CONTROL_STATUSES[..],
        ),
        (
            "council-decision-kind-",
            &qorgau_app::security::council::DECISION_KINDS[..],
        ),
        ("council-review-", &["pending", "accepted", "returned"][..]),
        (
            "security-area-",
            &qorgau_app::security::monitoring::area_keys()[..],
        ),
    ] {
        ids.extend(keys.iter().map(|k| label(prefix, k)));
    }
    for (kind, _) in qorgau_app::security::council::AGENDA_KINDS {
        ids.push(label("council-agenda-kind-", kind));
    }
    // Every follow-up the rule can decide has its label (the campaign page and the card).
    use qorgau_rules::conscription::FollowUp;
    for action in [
        FollowUp::None,
        FollowUp::AwaitingAppearance,
        FollowUp::Reschedule,
        FollowUp::ReferToInternalAffairs,
    ] {
        ids.push(label("summons-action-", action.as_str()));
    }
    for kind in qorgau_rules::safety::PeriodKind::ALL {
        ids.push(label("period-", kind.as_str()));
    }
    for change in qorgau_rules::safety::PlanChange::ALL {
        ids.push(label("plan-change-", change.as_str()));
    }
    for kind in qorgau_app::org::UnitKind::ALL {
        ids.push(label("unit-kind-", kind.as_str()));
    }
    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| !qorgau_i18n::has_message(id))
        .collect();
    assert!(missing.is_empty(), "labels missing: {missing:?}");
}
