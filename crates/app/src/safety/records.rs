//! The rows of the room as the audit log records them: each field under its column's name, in
//! the form it is stored in (dates and instants as text, flags as 0 or 1), so an entry reads
//! the same whatever type the row has in memory. The command line prints records this way too.

use qorgau_store::decode::{encode_flag, format_instant};
use qorgau_store::safety::{
    Act, Analysis, Incident, Plan, PlanActivity, PlanVersion, Training, Violation,
};
use serde_json::{Value, json};

pub fn act(a: &Act) -> Value {
    json!({
        "id": a.id,
        "body_id": a.body_id,
        "unit_id": a.unit_id,
        "grounds": a.grounds,
        "chair": a.chair,
        "members": a.members,
        "period_from": a.period_from,
        "period_to": a.period_to,
        "proposals": a.proposals,
        "report_by": a.report_by,
        "acknowledged_by": a.acknowledged_by,
        "acknowledged_at": a.acknowledged_at.map(format_instant),
        "created_by": a.created_by,
        "created_at": format_instant(a.created_at),
    })
}

pub fn violation(v: &Violation) -> Value {
    json!({
        "id": v.id,
        "act_id": v.act_id,
        "category": v.category,
        "description": v.description,
        "eliminated_on": v.eliminated_on,
    })
}

pub fn violations(list: &[Violation]) -> Value {
    Value::Array(list.iter().map(violation).collect())
}

pub fn plan(p: &Plan) -> Value {
    json!({
        "id": p.id,
        "unit_id": p.unit_id,
        "year": p.year,
        "current_version": p.current_version,
        "approved_version": p.approved_version,
        "created_at": format_instant(p.created_at),
    })
}

pub fn plan_version(v: &PlanVersion) -> Value {
    json!({
        "plan_id": v.plan_id,
        "version": v.version,
        "goals": v.goals,
        "tasks": v.tasks,
        "requirements": v.requirements,
        "revision_change": v.revision_change,
        "revision_reason": v.revision_reason,
        "drafted_by": v.drafted_by,
        "drafted_at": format_instant(v.drafted_at),
        "approved_by": v.approved_by,
        "approver_title": v.approver_title,
        "approved_at": v.approved_at.map(format_instant),
    })
}

pub fn plan_activity(a: &PlanActivity) -> Value {
    json!({
        "id": a.id,
        "plan_id": a.plan_id,
        "version": a.version,
        "item_no": a.item_no,
        "name": a.name,
        "responsible": a.responsible,
        "monitoring": a.monitoring,
        "term": a.term,
        "completion_form": a.completion_form,
        "completion_mark": a.completion_mark,
        "completed_on": a.completed_on,
    })
}

pub fn plan_activities(list: &[PlanActivity]) -> Value {
    Value::Array(list.iter().map(plan_activity).collect())
}

pub fn training(t: &Training) -> Value {
    json!({
        "id": t.id,
        "unit_id": t.unit_id,
        "kind": t.kind,
        "activity": t.activity,
        "title": t.title,
        "starts_on": t.starts_on,
        "ends_on": t.ends_on,
        "held": encode_flag(t.held),
        "created_by": t.created_by,
        "created_at": format_instant(t.created_at),
    })
}

pub fn incident(i: &Incident) -> Value {
    json!({
        "id": i.id,
        "unit_id": i.unit_id,
        "occurred_on": i.occurred_on,
        "kind": i.kind,
        "in_duty": encode_flag(i.in_duty),
        "cause": i.cause,
        "activity": i.activity,
        "season": i.season,
        "description": i.description,
        "recorded_by": i.recorded_by,
        "recorded_at": format_instant(i.recorded_at),
    })
}

pub fn analysis(a: &Analysis) -> Value {
    json!({
        "id": a.id,
        "body_id": a.body_id,
        "kind": a.kind,
        "year": a.year,
        "number": a.number,
        "conclusions": a.conclusions,
        "measures": a.measures,
        "completed_by": a.completed_by,
        "completed_at": format_instant(a.completed_at),
    })
}
