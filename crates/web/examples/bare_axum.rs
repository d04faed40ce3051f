//! The benchmark peer: a bare axum handler doing what `POST /api/v1/rules/{id}/evaluate` does
//! at its core (serde in, a little date arithmetic, JSON out) with no authentication, logging,
//! metrics or audit. `bench/http-eval.sh` drives it and Qorgau with the same load in one run.

use axum::routing::post;
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Body {
    facts: Facts,
    as_of: NaiveDate,
}

#[derive(Deserialize)]
struct Facts {
    year: i32,
}

#[derive(Serialize)]
struct Decision {
    rule: &'static str,
    as_of: NaiveDate,
    last_day: Option<NaiveDate>,
    days_left: Option<i64>,
}

async fn evaluate(Json(body): Json<Body>) -> Json<Decision> {
    let last_day = NaiveDate::from_ymd_opt(body.facts.year - 1, 12, 24);
    Json(Decision {
        rule: "safety.plan_due",
        as_of: body.as_of,
        last_day,
        days_left: last_day.map(|d| (d - body.as_of).num_days()),
    })
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:18181".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("peer listening on http://{address}");
    let app = Router::new().route("/api/v1/rules/{id}/evaluate", post(evaluate));
    axum::serve(listener, app).await
}
