use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use qorgau_i18n::en_with;
use qorgau_web::{AppState, WebConfig};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "QORGAU_LISTEN", default_value = "127.0.0.1:8080")]
    listen: String,
    /// The URL people use to reach the server (cookies are Secure when it is https).
    #[arg(long, env = "QORGAU_PUBLIC_URL")]
    public_url: Option<String>,
    /// Load the demo organisation tree and print a fresh one-time password for the
    /// administrator while it has not been used.
    #[arg(long)]
    demo: bool,
}

pub async fn run(database: &str, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    let bootstrapped = app.bootstrap(args.demo).await?;
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| {
            en_with(
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
        en_with(
            "cli-serving",
            &[
                ("url", public_url.clone().into()),
                ("database", qorgau_store::redact(database).into())
            ]
        )
    );
    if let Some(password) = &bootstrapped.admin_password {
        println!(
            "{}",
            en_with(
                "cli-admin-created",
                &[
                    ("username", qorgau_app::bootstrap::ADMIN_USERNAME.into()),
                    ("password", password.clone().into())
                ]
            )
        );
    }
    if bootstrapped.demo_units > 0 {
        println!(
            "{}",
            en_with(
                "cli-demo-loaded",
                &[("units", (bootstrapped.demo_units as i64).into())]
            )
        );
    }
    let state = AppState {
        app: app.clone(),
        config: Arc::new(WebConfig { public_url }),
        metrics: qorgau_web::metrics_handle(),
    };
    let housekeeping = tokio::spawn(purge_sessions_hourly(app.clone()));
    qorgau_web::serve(state, listener, shutdown_signal()).await?;
    housekeeping.abort();
    app.store().close().await;
    println!("{}", qorgau_i18n::en("cli-stopped"));
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
