//! `qorgau user ...`: users, their role grants, passwords and API tokens.

use std::process::ExitCode;

use qorgau_app::accounts::{GrantInput, NewUserInput, UserUpdate};
use qorgau_app::{Acting, Role};
use qorgau_i18n::say_with;

/// Reads a role word, naming every role when the word is none of them.
fn parse_role(word: &str) -> Result<Role, String> {
    word.parse().map_err(|_| {
        let known: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        say_with(
            "cli-unknown-role",
            &[("value", word.into()), ("known", known.join(", ").into())],
        )
    })
}

#[derive(clap::Subcommand)]
pub enum UserCommand {
    /// Add a user with one role on one unit; prints the one-time password.
    Add {
        username: String,
        /// The person's full name.
        #[arg(long)]
        name: String,
        /// The unit (exact name) the user belongs to and the role is granted on.
        #[arg(long)]
        unit: String,
        /// administrator, commander, safety_officer, inspector, registration_officer, analyst,
        /// council_secretariat or auditor.
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// List users.
    List,
    /// Disable an account (its sessions end; its tokens stop working).
    Disable { username: String },
    /// Enable an account again.
    Enable { username: String },
    /// Replace a user's roles with one role on one unit.
    Role {
        username: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
        #[arg(long)]
        unit: String,
    },
    /// Issue a new one-time password.
    ResetPassword { username: String },
    /// Create an API token for a user (for machine clients); prints it once.
    Token {
        username: String,
        /// What the token is for.
        #[arg(long, default_value = "command line")]
        name: String,
        /// Days until the token lapses (1 to 365).
        #[arg(long, default_value_t = qorgau_app::accounts::DEFAULT_TOKEN_DAYS)]
        days: i64,
    },
}

pub async fn run(database: &str, command: UserCommand) -> anyhow::Result<ExitCode> {
    let app = super::open(database).await?;
    app.bootstrap().await?;
    let acting = Acting::Operator;
    match command {
        UserCommand::Add {
            username,
            name,
            unit,
            role,
        } => {
            let unit = app.find_unit_by_name(&unit).await?;
            let (user, password) = app
                .create_user(
                    acting,
                    NewUserInput {
                        username,
                        display_name: name,
                        home_unit_id: unit.id,
                        grants: vec![GrantInput {
                            role,
                            unit_id: unit.id,
                        }],
                    },
                )
                .await?;
            println!(
                "{}",
                say_with(
                    "cli-user-created",
                    &[
                        ("username", user.username.into()),
                        ("password", password.into())
                    ]
                )
            );
        }
        UserCommand::List => {
            for user in app.list_users(acting).await? {
                let roles: Vec<String> = user
                    .grants
                    .iter()
                    .map(|g| format!("{}@{}", g.role, g.unit_name))
                    .collect();
                let state = if user.disabled { "disabled" } else { "active" };
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    user.id,
                    user.username,
                    user.display_name,
                    state,
                    roles.join(", ")
                );
            }
        }
        UserCommand::Disable { username } => {
            let user = app.find_user_by_username(&username).await?;
            app.update_user(
                acting,
                user.id,
                UserUpdate {
                    display_name: None,
                    disabled: Some(true),
                },
            )
            .await?;
            println!(
                "{}",
                say_with("cli-user-disabled", &[("username", username.into())])
            );
        }
        UserCommand::Enable { username } => {
            let user = app.find_user_by_username(&username).await?;
            app.update_user(
                acting,
                user.id,
                UserUpdate {
                    display_name: None,
                    disabled: Some(false),
                },
            )
            .await?;
            println!(
                "{}",
                say_with("cli-user-enabled", &[("username", username.into())])
            );
        }
        UserCommand::Role {
            username,
            role,
            unit,
        } => {
            let user = app.find_user_by_username(&username).await?;
            let unit = app.find_unit_by_name(&unit).await?;
            app.set_grants(
                acting,
                user.id,
                vec![GrantInput {
                    role,
                    unit_id: unit.id,
                }],
            )
            .await?;
            println!(
                "{}",
                say_with(
                    "cli-user-role",
                    &[
                        ("username", username.into()),
                        ("role", role.to_string().into()),
                        ("unit", unit.name.into())
                    ]
                )
            );
        }
        UserCommand::ResetPassword { username } => {
            let user = app.find_user_by_username(&username).await?;
            let password = app.reset_password(acting, user.id).await?;
            println!(
                "{}",
                say_with(
                    "cli-user-password",
                    &[("username", username.into()), ("password", password.into())]
                )
            );
        }
        UserCommand::Token {
            username,
            name,
            days,
        } => {
            let (_, secret) = app.create_token_for_lasting(&username, &name, days).await?;
            println!("{secret}");
        }
    }
    app.store().close().await;
    Ok(ExitCode::SUCCESS)
}
