//! Measures of Art. 18.3: the list, creating one, a measure's page and its progress reports.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use qorgau_app::security::monitoring::{ListedEntry, NewMeasure, NewMeasureReport};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::security::vocabulary::MeasureStatus;

use super::{MeasureLine, kind_name, measure_line};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::Layout;
use crate::pages::security::forms::{
    Fields, after_post, body_choices, checked, choices, field, parse_date, parse_number, shown,
    word,
};
use crate::pages::session::{PageForm, PageSession};

#[derive(Template)]
#[template(path = "security_measures.html")]
struct MeasuresPage {
    layout: Layout,
    error: String,
    measures: Vec<MeasureLine>,
    kinds: Vec<(i64, String)>,
    threat_choices: Vec<ListedEntry>,
    body_choices: Vec<(i64, String)>,
    overdue: i64,
    can_write: bool,
}

async fn measures_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let measures = state.app.measures(acting, None).await?;
        let (threat_choices, _) = state
            .app
            .threats_and_interests(acting, state.app.clock().today())
            .await?;
        Ok::<_, AppError>(MeasuresPage {
            layout: Layout::signed_in(tr, session, "security", "security-measures-title"),
            error: error.clone(),
            overdue: measures.iter().filter(|m| m.overdue).count() as i64,
            measures: measures.into_iter().map(|m| measure_line(tr, m)).collect(),
            kinds: (1..=6).map(|k| (k, kind_name(k))).collect(),
            threat_choices,
            body_choices: body_choices(),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    shown(tr, session, "security-measures-title", error, page)
}

pub async fn measures(State(state): State<AppState>, tr: Tr, session: PageSession) -> Response {
    measures_page(&state, &tr, &session, String::new()).await
}

pub async fn create_measure(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewMeasure {
            title: field(&form, "title").to_owned(),
            kind: parse_number("kind", field(&form, "kind"))?,
            description: field(&form, "description").to_owned(),
            deadline: parse_date("deadline", field(&form, "deadline"))?,
            threats: checked(&form, "threat_"),
            bodies: checked(&form, "body_")
                .iter()
                .filter_map(|b| b.parse().ok())
                .collect(),
        };
        state
            .app
            .create_measure(Acting::Principal(&session.principal), new)
            .await
    }
    .await;
    after_post(
        result,
        |id| format!("/security/measures/{id}"),
        &tr,
        &session,
        |e| measures_page(&state, &tr, &session, e),
    )
    .await
}

#[derive(Template)]
#[template(path = "security_measure.html")]
struct MeasurePage {
    layout: Layout,
    error: String,
    measure: MeasureLine,
    description: String,
    reports: Vec<(String, String, String, String)>,
    statuses: Vec<(&'static str, String)>,
    today: String,
    can_write: bool,
}

async fn measure_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let detail = state.app.measure(acting, id, None).await?;
        Ok::<_, AppError>(MeasurePage {
            layout: Layout::signed_in(tr, session, "security", "security-measure-title"),
            error: error.clone(),
            description: detail.view.measure.description.clone(),
            measure: measure_line(tr, detail.view),
            reports: detail
                .reports
                .into_iter()
                .map(|r| {
                    (
                        r.reported_on.to_string(),
                        tr.t(r.status_after.message_id()),
                        r.text,
                        r.reported_by,
                    )
                })
                .collect(),
            statuses: choices::<MeasureStatus>(tr),
            today: state.app.clock().today().to_string(),
            can_write: session.principal.can(Permission::WriteSecurity),
        })
    }
    .await;
    shown(tr, session, "security-measure-title", error, page)
}

pub async fn measure(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    measure_page(&state, &tr, &session, id, String::new()).await
}

pub async fn report_measure(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewMeasureReport {
            reported_on: parse_date("reported_on", field(&form, "reported_on"))?,
            text: field(&form, "text").to_owned(),
            status: word("status", field(&form, "status"))?,
        };
        state
            .app
            .report_measure(Acting::Principal(&session.principal), id, new)
            .await
    }
    .await;
    after_post(
        result,
        |_| format!("/security/measures/{id}"),
        &tr,
        &session,
        |e| measure_page(&state, &tr, &session, id, e),
    )
    .await
}
