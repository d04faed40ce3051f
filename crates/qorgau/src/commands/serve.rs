use std::process::ExitCode;

use anyhow::Context;
use qorgau_i18n::say_with;
use qorgau_web::{AppState, WebConfig};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "QORGAU_LISTEN", default_value = "127.0.0.1:8080")]
    listen: String,
    /// The bearer token /metrics asks for; without one /metrics is not served (404).
    #[arg(long, env = "QORGAU_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// Connections served at once (keep it under the file-descriptor limit, `ulimit -n`);
    /// further ones wait until one closes.
    #[arg(long, env = "QORGAU_MAX_CONNECTIONS", default_value_t = 1024)]
    max_connections: usize,
    /// Seconds a client has to send a request's head; a kept-alive connection that sends no
    /// next request for as long is closed too.
    #[arg(long, env = "QORGAU_HEADER_TIMEOUT", default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(1..))]
    header_timeout: u64,
    /// Requests a second each client address may make on average; 0 meters no one.
    #[arg(long, env = "QORGAU_CLIENT_RATE", default_value_t = 50.0)]
    client_rate: f64,
    /// Requests a client address may make at once before its average applies.
    #[arg(long, env = "QORGAU_CLIENT_BURST", default_value_t = 100)]
    client_burst: u32,
    /// Meter clients on loopback too (they are not by default: the in-process simulator, a
    /// reverse proxy on the same host and the benchmark connect from there).
    #[arg(long, env = "QORGAU_METER_LOOPBACK")]
    meter_loopback: bool,
    /// Connections one client address may hold open at once.
    #[arg(long, env = "QORGAU_CLIENT_CONNECTIONS", default_value_t = 64,
        value_parser = clap::value_parser!(u64).range(1..))]
    client_connections: u64,
    /// The reverse proxies in front of the server (addresses, comma-separated): from their
    /// connections the client is read from X-Forwarded-For, for the per-client limits and the
    /// sign-in throttle. Without them every client behind a proxy is the proxy.
    #[arg(long, env = "QORGAU_TRUSTED_PROXIES", value_delimiter = ',')]
    trusted_proxy: Vec<std::net::IpAddr>,
    /// The URL people use to reach the server (cookies are Secure when it is https).
    #[arg(long, env = "QORGAU_PUBLIC_URL")]
    public_url: Option<String>,
    /// Load the demo organisation tree and print a fresh one-time password for the
    /// administrator while it has not been used.
    #[arg(long)]
    demo: bool,
    /// The SMS gateway's base URL (summonses are POSTed to {URL}/messages).
    #[arg(long, env = "QORGAU_SMS_GATEWAY")]
    sms_gateway: Option<String>,
    /// The e-Gov portal's base URL.
    #[arg(long, env = "QORGAU_EGOV_GATEWAY")]
    egov_gateway: Option<String>,
    /// The secret the channels sign webhook calls with. A random one is made for the simulator.
    #[arg(long, env = "QORGAU_WEBHOOK_SECRET")]
    webhook_secret: Option<String>,
    /// Run the channel simulator in this process and send through it (on by default with
    /// --demo when no gateway is given).
    #[arg(long)]
    simulate_channels: bool,
    /// Where the server appends signed checkpoints of the audit chain (the data folder's
    /// audit-checkpoints.log by default); ship them where the database's holder cannot reach.
    #[arg(long, env = "QORGAU_AUDIT_CHECKPOINTS")]
    audit_checkpoints: Option<std::path::PathBuf>,
}

pub async fn run(
    database: &str,
    language: qorgau_i18n::Language,
    args: ServeArgs,
) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    let bootstrapped = app.bootstrap().await?;
    let demo = if args.demo {
        app.load_demo(bootstrapped.root_id).await?
    } else {
        qorgau_app::demo::DemoLoaded::default()
    };
    let admin_password = demo
        .admin_password
        .as_ref()
        .or(bootstrapped.admin_password.as_ref());
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| {
            say_with(
                "cli-cannot-listen",
                &[("address", args.listen.clone().into())],
            )
        })?;
    let address = listener.local_addr()?;
    let public_url = args
        .public_url
        .unwrap_or_else(|| format!("http://{address}"));
    println!(
        "{}",
        say_with(
            "cli-serving",
            &[
                ("url", public_url.clone().into()),
                ("database", qorgau_store::redact(database).into())
            ]
        )
    );
    if let Some(password) = admin_password {
        println!(
            "{}",
            say_with(
                "cli-admin-created",
                &[
                    ("username", qorgau_app::bootstrap::ADMIN_USERNAME.into()),
                    ("password", password.clone().into())
                ]
            )
        );
    }
    if demo.units > 0 {
        println!(
            "{}",
            say_with("cli-demo-loaded", &[("units", (demo.units as i64).into())])
        );
    }
    if demo.citizens > 0 {
        println!(
            "{}",
            say_with(
                "cli-demo-citizens",
                &[("count", (demo.citizens as i64).into())]
            )
        );
    }
    if demo.safety.units > 0 {
        let safety = &demo.safety;
        println!(
            "{}",
            say_with(
                "cli-demo-safety",
                &[
                    ("units", (safety.units as i64).into()),
                    ("incidents", (safety.incidents as i64).into()),
                    ("acts", (safety.acts as i64).into())
                ]
            )
        );
    }
    if demo.security.assessments > 0 {
        let security = &demo.security;
        println!(
            "{}",
            say_with(
                "cli-demo-security",
                &[
                    ("assessments", (security.assessments as i64).into()),
                    ("measures", (security.measures as i64).into()),
                    ("indicators", (security.indicators as i64).into()),
                    ("decisions", (security.decisions as i64).into())
                ]
            )
        );
    }
    let simulate = args.simulate_channels
        || (args.demo && args.sms_gateway.is_none() && args.egov_gateway.is_none());
    let webhook_secret = match args.webhook_secret {
        Some(secret) => secret,
        None if simulate => random_secret(),
        None => String::new(),
    };
    let (sms_gateway, egov_gateway, simulator) = if simulate {
        let behaviour = qorgau_simulator::Behaviour {
            webhook_url: format!("http://{address}/api/v1/channels/events"),
            secret: webhook_secret.clone(),
            delay: std::time::Duration::from_secs(2),
            ..Default::default()
        };
        let simulator = qorgau_simulator::Simulator::new(behaviour);
        let (bound, handle) = simulator.serve(([127, 0, 0, 1], 0).into()).await?;
        println!(
            "{}",
            say_with(
                "cli-simulator-inside",
                &[("address", bound.to_string().into())]
            )
        );
        (
            Some(format!("http://{bound}/sms")),
            Some(format!("http://{bound}/egov")),
            Some(handle),
        )
    } else {
        if webhook_secret.is_empty() {
            tracing::warn!("no webhook secret: channel events will be refused");
        }
        (args.sms_gateway, args.egov_gateway, None)
    };
    let gateways = qorgau_app::conscription::HttpGateways::new(sms_gateway, egov_gateway)?;
    let state = AppState::new(
        app.clone(),
        WebConfig {
            public_url,
            webhook_secret,
            default_language: language,
        },
        qorgau_web::metrics_handle(),
    );
    let housekeeping = tokio::spawn(purge_sessions_hourly(app.clone()));
    let sender = tokio::spawn(send_summonses(app.clone(), gateways));
    let checkpoint_file = args
        .audit_checkpoints
        .unwrap_or_else(|| super::audit::checkpoint_file(database));
    let checkpoints = tokio::spawn(super::audit::checkpoint_periodically(
        app.clone(),
        checkpoint_file.clone(),
    ));
    let protections = qorgau_web::Protections {
        header_read_timeout: std::time::Duration::from_secs(args.header_timeout),
        max_connections: args.max_connections,
        client_budget: (args.client_rate > 0.0).then_some(qorgau_web::Budget {
            per_second: args.client_rate,
            burst: args.client_burst.max(1),
        }),
        meter_loopback: args.meter_loopback,
        metrics_token: args.metrics_token.filter(|token| !token.is_empty()),
        trusted_proxies: args.trusted_proxy,
        max_client_connections: usize::try_from(args.client_connections).unwrap_or(usize::MAX),
        ..qorgau_web::Protections::default()
    };
    qorgau_web::serve_with(state, listener, shutdown_signal(), protections).await?;
    housekeeping.abort();
    sender.abort();
    checkpoints.abort();
    // The last head this server wrote, so that entries cut after it are found too.
    super::audit::checkpoint_once(&app, &checkpoint_file).await;
    if let Some(simulator) = simulator {
        simulator.abort();
    }
    app.store().close().await;
    println!("{}", qorgau_i18n::say("cli-stopped"));
    Ok(ExitCode::SUCCESS)
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down; finishing requests in flight");
}

/// Expired sessions are refused when presented; this removes their rows once an hour.
async fn purge_sessions_hourly(app: qorgau_app::App) {
    let mut interval = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        interval.tick().await;
        match app.purge_expired_sessions().await {
            Ok(removed) if removed > 0 => tracing::info!(removed, "expired sessions removed"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "could not remove expired sessions"),
        }
    }
}

/// Drains the outbox every second: summonses of released campaigns go to the gateways.
async fn send_summonses(app: qorgau_app::App, gateways: qorgau_app::conscription::HttpGateways) {
    let mut interval = tokio::time::interval(std::time::Duration::from_secs(1));
    loop {
        interval.tick().await;
        loop {
            match app.send_due(&gateways, 200).await {
                Ok(report) if report.sent > 0 => {
                    tracing::info!(sent = report.sent, failed = report.failed, "summonses sent");
                }
                Ok(_) => break,
                Err(error) => {
                    tracing::warn!(%error, "the sender could not run");
                    break;
                }
            }
        }
    }
}

fn random_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
