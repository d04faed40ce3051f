//! How the audit log records the rows of national security. The store's rows are domain types
//! with no wire form of their own, so each change names its fields here, in their stored form
//! (dates as `YYYY-MM-DD`, instants as the store writes them, words as spelled).

use qorgau_store::decode::{format_date, format_instant};
use qorgau_store::security::ListAddition;
use qorgau_store::security::council::{AgendaItem, CouncilDecision, ExecutionReport, Meeting};
use qorgau_store::security::monitoring::{
    Assessment, Commission, Document, Indicator, IndicatorValue, Measure, MeasureReport,
};
use serde_json::{Value, json};

pub(crate) fn list_addition(a: &ListAddition) -> Value {
    json!({
        "id": a.id,
        "list": a.list,
        "text": a.text,
        "added_by_act": a.added_by_act,
        "effective_from": format_date(a.effective_from),
        "recorded_by": a.recorded_by,
        "recorded_at": format_instant(a.recorded_at),
    })
}

pub(crate) fn commission(c: &Commission) -> Value {
    json!({
        "id": c.id,
        "area": c.area,
        "name": c.name,
        "created_by": c.created_by,
        "created_at": format_instant(c.created_at),
    })
}

pub(crate) fn assessment(a: &Assessment) -> Value {
    json!({
        "id": a.id,
        "threat": a.threat,
        "area": a.area,
        "assessed_on": format_date(a.assessed_on),
        "likelihood": a.likelihood,
        "impact": a.impact,
        "trend": a.trend,
        "narrative": a.narrative,
        "evidence": a.evidence,
        "assessed_by": a.assessed_by,
        "recorded_at": format_instant(a.recorded_at),
    })
}

pub(crate) fn measure(m: &Measure) -> Value {
    json!({
        "id": m.id,
        "title": m.title,
        "kind": m.kind,
        "description": m.description,
        "deadline": format_date(m.deadline),
        "status": m.status,
        "created_by": m.created_by,
        "created_at": format_instant(m.created_at),
    })
}

pub(crate) fn measure_report(r: &MeasureReport) -> Value {
    json!({
        "id": r.id,
        "measure_id": r.measure_id,
        "reported_on": format_date(r.reported_on),
        "text": r.text,
        "status_after": r.status_after,
        "reported_by": r.reported_by,
        "recorded_at": format_instant(r.recorded_at),
    })
}

pub(crate) fn document(d: &Document) -> Value {
    json!({
        "id": d.id,
        "title": d.title,
        "adopted_on": format_date(d.adopted_on),
        "reference": d.reference,
        "created_by": d.created_by,
        "created_at": format_instant(d.created_at),
    })
}

pub(crate) fn indicator(i: &Indicator) -> Value {
    json!({
        "id": i.id,
        "document_id": i.document_id,
        "name": i.name,
        "unit": i.unit,
        "baseline": i.baseline,
        "baseline_on": format_date(i.baseline_on),
        "target": i.target,
        "deadline": format_date(i.deadline),
        "created_by": i.created_by,
        "created_at": format_instant(i.created_at),
    })
}

pub(crate) fn indicator_value(v: &IndicatorValue) -> Value {
    json!({
        "id": v.id,
        "indicator_id": v.indicator_id,
        "measured_on": format_date(v.measured_on),
        "value": v.value,
        "note": v.note,
        "recorded_by": v.recorded_by,
        "recorded_at": format_instant(v.recorded_at),
    })
}

pub(crate) fn meeting(m: &Meeting) -> Value {
    json!({
        "id": m.id,
        "held_on": format_date(m.held_on),
        "title": m.title,
        "created_by": m.created_by,
        "created_at": format_instant(m.created_at),
    })
}

pub(crate) fn agenda_item(a: &AgendaItem) -> Value {
    json!({
        "id": a.id,
        "meeting_id": a.meeting_id,
        "position": a.position,
        "kind": a.kind,
        "title": a.title,
        "body": a.body,
    })
}

pub(crate) fn decision(d: &CouncilDecision) -> Value {
    json!({
        "id": d.id,
        "meeting_id": d.meeting_id,
        "agenda_item_id": d.agenda_item_id,
        "kind": d.kind,
        "text": d.text,
        "body": d.body,
        "deadline": format_date(d.deadline),
        "created_by": d.created_by,
        "created_at": format_instant(d.created_at),
    })
}

pub(crate) fn execution_report(r: &ExecutionReport) -> Value {
    json!({
        "id": r.id,
        "decision_id": r.decision_id,
        "reported_on": format_date(r.reported_on),
        "text": r.text,
        "reported_by": r.reported_by,
        "recorded_at": format_instant(r.recorded_at),
        "review": r.review,
        "review_note": r.review_note,
        "reviewed_by": r.reviewed_by,
        "reviewed_at": r.reviewed_at.map(format_instant),
    })
}
