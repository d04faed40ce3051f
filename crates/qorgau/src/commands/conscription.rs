//! `qorgau conscription ...`: the register, campaigns, the outbox sender and officers' records;
//! `qorgau simulate channels`: the stand-in SMS gateway and e-Gov portal.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use chrono::{DateTime, FixedOffset, NaiveDate};
use qorgau_app::conscription::{HttpGateways, NewCampaign, OfficerFact, PaperMethod, Selection};
use qorgau_app::{Acting, App, format_instant};
use qorgau_i18n::{say, say_with};
use qorgau_rules::conscription::{AbsenceReason, ExcuseFinding, Purpose, Sex, TrainingEligible};
use qorgau_rules::{DecisionView, TypedRule};
use qorgau_store::conscription::Citizen;

#[derive(clap::Subcommand)]
pub enum ConscriptionCommand {
    /// Import citizens from a CSV file into a unit's register; rejected rows are listed.
    Import {
        file: PathBuf,
        /// The unit whose register receives them.
        #[arg(long)]
        unit: i64,
    },
    /// Find citizens by the start of an IIN or a name.
    Search { query: String },
    /// A citizen's card: statuses derived on a date, with explanations and citations.
    Citizen {
        id: i64,
        #[arg(long)]
        as_of: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Create a campaign in draft.
    CreateCampaign {
        #[arg(long)]
        unit: i64,
        #[arg(long)]
        title: String,
        /// medical_examination, evaluation, conscription_commission, dispatch_to_unit, assignment.
        #[arg(long)]
        purpose: Purpose,
        #[arg(long)]
        place: String,
        /// RFC 3339 with an offset, such as 2026-12-01T09:00:00+05:00.
        #[arg(long)]
        appearance_at: DateTime<FixedOffset>,
    },
    /// Select citizens and plan their summonses.
    Plan {
        campaign: i64,
        /// male or female.
        #[arg(long)]
        sex: Option<Sex>,
        #[arg(long)]
        min_age: Option<u32>,
        #[arg(long)]
        max_age: Option<u32>,
        /// Only those subject to military registration.
        #[arg(long)]
        registration_required: bool,
        /// Deliver paper summonses by mail instead of in person.
        #[arg(long)]
        by_mail: bool,
    },
    /// Release a planned campaign for sending.
    Release { campaign: i64 },
    /// Send what is due through the gateways, until the outbox is empty or nothing more can go.
    Send {
        #[arg(long, env = "QORGAU_SMS_GATEWAY")]
        sms_gateway: Option<String>,
        #[arg(long, env = "QORGAU_EGOV_GATEWAY")]
        egov_gateway: Option<String>,
        /// Summonses per pass.
        #[arg(long, default_value_t = 200)]
        batch: i64,
    },
    /// A campaign's funnel and summonses.
    Campaign {
        id: i64,
        #[arg(long)]
        as_of: Option<NaiveDate>,
    },
    /// The referral list for the internal affairs body, as CSV (or PDF with --pdf).
    Referrals {
        campaign: i64,
        #[arg(long)]
        as_of: Option<NaiveDate>,
        /// Write a printable PDF to this file instead.
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
    /// Write the campaign's paper summonses, one page each, to a PDF file.
    Paper {
        campaign: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Hand a paper summons to a citizen at the authority (appearance today or tomorrow).
    HandOver {
        campaign: i64,
        #[arg(long)]
        citizen: i64,
        /// RFC 3339 with an offset.
        #[arg(long)]
        appearance_at: DateTime<FixedOffset>,
    },
    /// Record what an officer observed about a summons.
    Record {
        summons: i64,
        /// signed, refusal_noted, appeared, excuse, or excuse_decision.
        #[arg(long)]
        fact: String,
        /// When it happened (RFC 3339); now when absent. Not used for an excuse or a finding.
        #[arg(long)]
        at: Option<DateTime<FixedOffset>>,
        /// For an excuse, the reason reported: illness, death_of_close_relative_or_spouse,
        /// natural_disaster_or_other_circumstance, marriage_registration, abroad, or other.
        #[arg(long)]
        reason: Option<AbsenceReason>,
        /// For an excuse, the citizen's words (required with "other").
        #[arg(long)]
        text: Option<String>,
        /// For a paper summons signed or refused, who delivered it.
        #[arg(long)]
        delivered_by: Option<String>,
        /// For excuse_decision, the finding on an "other" reason: prevented_appearance or
        /// did_not_prevent_appearance.
        #[arg(long)]
        finding: Option<ExcuseFinding>,
    },
}

pub async fn run(database: &str, command: ConscriptionCommand) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    let code = run_with(&app, command).await;
    app.store().close().await;
    code
}

async fn run_with(app: &App, command: ConscriptionCommand) -> anyhow::Result<ExitCode> {
    let acting = Acting::Operator;
    let lang = qorgau_i18n::cli_language().lang();
    match command {
        ConscriptionCommand::Import { file, unit } => {
            let text = std::fs::read_to_string(&file).with_context(|| {
                say_with(
                    "cli-cannot-read",
                    &[("path", file.display().to_string().into())],
                )
            })?;
            let summary = app.import_citizens(acting, unit, &text).await?;
            super::print_import(
                "cli-citizens-imported",
                summary.imported,
                summary
                    .rejected
                    .iter()
                    .map(|r| (r.line, r.column.as_str(), &r.reason)),
            );
        }
        ConscriptionCommand::Search { query } => {
            for c in app.search_citizens(acting, &query, 100).await? {
                println!(
                    "{}\t{}\t{} {} {}\t{}",
                    c.id, c.iin, c.surname, c.given_name, c.patronymic, c.birth_date
                );
            }
        }
        ConscriptionCommand::Citizen { id, as_of, json } => {
            let as_of = as_of.unwrap_or_else(|| app.clock().today());
            let card = app.citizen_card(acting, id, as_of).await?;
            let summonses = app.citizen_summonses(acting, id, as_of).await?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({
                        "citizen": citizen_json(&card.citizen),
                        "registration": card.registration.view(&lang),
                        "training": DecisionView::of(TrainingEligible::ID, card.as_of, &card.training, &lang),
                        "summonses": summonses.iter().map(|s| serde_json::json!({
                            "id": s.summons.id, "channel": s.summons.channel,
                            "appearance_at": s.summons.appearance_at,
                            "notified": s.notified, "action": s.action,
                        })).collect::<Vec<_>>(),
                    }))?
                );
            } else {
                let c = &card.citizen;
                println!(
                    "{} {} {} ({})",
                    c.surname, c.given_name, c.patronymic, c.iin
                );
                let training =
                    DecisionView::of(TrainingEligible::ID, card.as_of, &card.training, &lang);
                for view in [card.registration.view(&lang), training] {
                    println!("{}: {}", view.rule, view.outcome);
                    for sentence in &view.explanation {
                        println!("  {sentence}");
                    }
                    let cited: Vec<String> = view.citations.iter().map(|c| c.to_string()).collect();
                    println!(
                        "  {}",
                        say_with("cli-cites", &[("clauses", cited.join(", ").into())])
                    );
                }
                for s in &summonses {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        s.summons.id,
                        s.summons.channel,
                        format_instant(s.summons.appearance_at),
                        s.notified.as_str(),
                        s.action.as_str()
                    );
                }
            }
        }
        ConscriptionCommand::CreateCampaign {
            unit,
            title,
            purpose,
            place,
            appearance_at,
        } => {
            let campaign = app
                .create_campaign(
                    acting,
                    NewCampaign {
                        unit_id: unit,
                        title,
                        purpose,
                        appearance_place: place,
                        appearance_at,
                    },
                )
                .await?;
            println!(
                "{}",
                say_with(
                    "cli-campaign-created",
                    &[("id", campaign.id.to_string().into())]
                )
            );
        }
        ConscriptionCommand::Plan {
            campaign,
            sex,
            min_age,
            max_age,
            registration_required,
            by_mail,
        } => {
            let summary = app
                .plan_campaign(
                    acting,
                    campaign,
                    Selection {
                        sex,
                        min_age,
                        max_age,
                        registration_required: registration_required.then_some(true),
                        paper_method: Some(if by_mail {
                            PaperMethod::Mail
                        } else {
                            PaperMethod::Personal
                        }),
                        ..Selection::default()
                    },
                )
                .await?;
            println!(
                "{}",
                say_with(
                    "cli-campaign-planned",
                    &[
                        ("planned", (summary.planned as i64).into()),
                        ("moved", (summary.appearance_moved as i64).into())
                    ]
                )
            );
            for line in &summary.by_channel {
                println!("  {}: {}", say(line.channel.message_id()), line.count);
            }
            for skip in &summary.not_summonable {
                println!(
                    "{}",
                    say_with(skip.reason.message_id(), &[("count", skip.count.into())])
                );
            }
        }
        ConscriptionCommand::Release { campaign } => {
            app.release_campaign(acting, campaign).await?;
            println!(
                "{}",
                say_with(
                    "cli-campaign-released",
                    &[("id", campaign.to_string().into())]
                )
            );
        }
        ConscriptionCommand::Send {
            sms_gateway,
            egov_gateway,
            batch,
        } => {
            let gateways = HttpGateways::new(sms_gateway, egov_gateway)?;
            let mut total = qorgau_app::conscription::SendReport::default();
            loop {
                let report = app.send_due(&gateways, batch).await?;
                total.sent += report.sent;
                total.failed += report.failed;
                total.too_late += report.too_late;
                eprintln!(
                    "{}",
                    say_with("cli-send-progress", &[("sent", (total.sent as i64).into())])
                );
                if report.sent == 0 {
                    break;
                }
            }
            println!(
                "{}",
                say_with(
                    "cli-send-done",
                    &[
                        ("sent", (total.sent as i64).into()),
                        ("failed", (total.failed as i64).into()),
                        ("late", (total.too_late as i64).into())
                    ]
                )
            );
        }
        ConscriptionCommand::Campaign { id, as_of } => {
            let as_of = as_of.unwrap_or_else(|| app.clock().today());
            let (view, summonses) = app.campaign(acting, id, as_of).await?;
            let c = &view.campaign;
            println!("{}\t{}\t{}\t{}", c.id, c.title, c.purpose, c.status);
            println!("{}", serde_json::to_string(&view.funnel)?);
            for s in &summonses {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    s.summons.id,
                    s.citizen_iin,
                    s.summons.channel,
                    s.notified.as_str(),
                    s.action.as_str()
                );
            }
        }
        ConscriptionCommand::Referrals {
            campaign,
            as_of,
            pdf,
        } => {
            let as_of = as_of.unwrap_or_else(|| app.clock().today());
            match pdf {
                Some(path) => {
                    let bytes = app.referrals_pdf(acting, &lang, campaign, as_of).await?;
                    write_file(&path, &bytes)?;
                }
                None => {
                    let list = app.referrals(acting, campaign, as_of).await?;
                    print!("{}", qorgau_app::conscription::referrals_csv(&list));
                }
            }
        }
        ConscriptionCommand::Paper { campaign, out } => {
            let bytes = app.paper_summonses_pdf(acting, &lang, campaign).await?;
            write_file(&out, &bytes)?;
        }
        ConscriptionCommand::HandOver {
            campaign,
            citizen,
            appearance_at,
        } => {
            let summons = app
                .hand_at_authority(acting, campaign, citizen, appearance_at)
                .await?;
            println!(
                "{}",
                say_with("cli-handed-over", &[("id", summons.id.to_string().into())])
            );
        }
        ConscriptionCommand::Record {
            summons,
            fact,
            at,
            reason,
            text,
            delivered_by,
            finding,
        } => {
            let at = at.unwrap_or_else(|| {
                app.clock()
                    .now()
                    .with_timezone(&qorgau_rules::almaty())
                    .fixed_offset()
            });
            let deliverer =
                || delivered_by.ok_or_else(|| anyhow::anyhow!(say("cli-record-delivered-by")));
            let fact = match fact.as_str() {
                "signed" => OfficerFact::Signed {
                    at,
                    delivered_by: deliverer()?,
                },
                "refusal_noted" => OfficerFact::RefusalNoted {
                    at,
                    delivered_by: deliverer()?,
                },
                "appeared" => OfficerFact::Appeared { at },
                "excuse" => OfficerFact::Excuse {
                    reason: reason.ok_or_else(|| anyhow::anyhow!(say("cli-record-reason")))?,
                    text,
                },
                "excuse_decision" => OfficerFact::ExcuseDecision {
                    finding: finding.ok_or_else(|| anyhow::anyhow!(say("cli-record-finding")))?,
                },
                other => anyhow::bail!(say_with("cli-record-fact", &[("fact", other.into())])),
            };
            app.record_summons_fact(acting, summons, fact).await?;
            println!("{}", say("cli-recorded"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A register entry as `citizen --json` prints it.
fn citizen_json(c: &Citizen) -> serde_json::Value {
    serde_json::json!({
        "id": c.id,
        "unit_id": c.unit_id,
        "iin": c.iin.to_string(),
        "surname": c.surname,
        "given_name": c.given_name,
        "patronymic": c.patronymic,
        "sex": c.sex,
        "birth_date": c.birth_date,
        "children_birth_dates": c.children_birth_dates,
        "residence_address": c.residence_address,
        "temporary_address": c.temporary_address,
        "work_address": c.work_address,
        "mobile": c.mobile,
        "mobile_in_own_name": c.mobile_in_own_name,
        "egov_account_with_mobile": c.egov_account_with_mobile,
        "has_military_specialty": c.has_military_specialty,
        "removed_reason": c.removed_reason,
        "serving_sentence": c.serving_sentence,
        "permanent_residence_abroad": c.permanent_residence_abroad,
        "law_enforcement_or_civil_protection": c.law_enforcement_or_civil_protection,
    })
}

fn write_file(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| {
        say_with(
            "cli-cannot-write",
            &[("path", path.display().to_string().into())],
        )
    })?;
    println!(
        "{}",
        say_with(
            "cli-pdf-written",
            &[("path", path.display().to_string().into())]
        )
    );
    Ok(())
}

#[derive(clap::Subcommand)]
pub enum SimulateCommand {
    /// Play the SMS gateway and the e-Gov portal on loopback, posting events to Qorgau's webhook.
    Channels(SimulatorArgs),
}

#[derive(clap::Args)]
pub struct SimulatorArgs {
    #[arg(long, default_value = "127.0.0.1:8090")]
    pub listen: String,
    /// Qorgau's webhook URL.
    #[arg(long, default_value = "http://127.0.0.1:8080/api/v1/channels/events")]
    pub webhook: String,
    /// The webhook secret Qorgau was started with.
    #[arg(long, env = "QORGAU_WEBHOOK_SECRET")]
    pub secret: String,
    /// Milliseconds before the delivery report, and again before the read receipt.
    #[arg(long, default_value_t = 500)]
    pub delay_ms: u64,
    /// Probability that an event is lost.
    #[arg(long, default_value_t = 0.0)]
    pub loss: f64,
    /// Probability that an event is posted twice.
    #[arg(long, default_value_t = 0.0)]
    pub duplication: f64,
    /// Probability that a message is refused (503) and must be retried.
    #[arg(long, default_value_t = 0.0)]
    pub failure: f64,
    /// Probability that a delivered message is read.
    #[arg(long, default_value_t = 0.8)]
    pub read: f64,
    /// Probability that the number has changed.
    #[arg(long, default_value_t = 0.0)]
    pub number_changed: f64,
    /// Milliseconds each acceptance takes.
    #[arg(long, default_value_t = 0)]
    pub accept_delay_ms: u64,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

impl SimulatorArgs {
    pub fn behaviour(&self) -> qorgau_simulator::Behaviour {
        qorgau_simulator::Behaviour {
            webhook_url: self.webhook.clone(),
            secret: self.secret.clone(),
            delay: Duration::from_millis(self.delay_ms),
            loss: self.loss,
            duplication: self.duplication,
            failure: self.failure,
            read: self.read,
            number_changed: self.number_changed,
            accept_delay: Duration::from_millis(self.accept_delay_ms),
            seed: self.seed,
        }
    }
}

pub async fn simulate(command: SimulateCommand) -> anyhow::Result<ExitCode> {
    let SimulateCommand::Channels(args) = command;
    let address: std::net::SocketAddr = args.listen.parse().with_context(|| {
        say_with(
            "cli-cannot-listen",
            &[("address", args.listen.clone().into())],
        )
    })?;
    let simulator = qorgau_simulator::Simulator::new(args.behaviour());
    let (bound, handle) = simulator.serve(address).await?;
    println!(
        "{}",
        say_with(
            "cli-simulator-serving",
            &[
                ("sms", format!("http://{bound}/sms").into()),
                ("egov", format!("http://{bound}/egov").into()),
                ("webhook", args.webhook.clone().into())
            ]
        )
    );
    tokio::select! {
        _ = handle => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    println!("{}", serde_json::to_string(&simulator.stats())?);
    Ok(ExitCode::SUCCESS)
}
