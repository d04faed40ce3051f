//! `qorgau`: the one binary. It serves the web interface and the API, and carries the operator's
//! commands (migrations, users, rules, the audit check).

mod commands;
mod help;

// The server allocates per request on many threads at once; mimalloc's per-thread heaps avoid
// the allocator lock contention glibc's malloc showed under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Where the embedded database lives unless told otherwise.
pub const DEFAULT_DATABASE: &str = "sqlite://qorgau-data/qorgau.db";

#[derive(Parser)]
#[command(
    name = "qorgau",
    version,
    about = "Kazakhstan's defence and national-security law as a working information system"
)]
struct Cli {
    /// Database URL: sqlite://PATH (the default) or postgres://USER:PASSWORD@HOST/DB.
    #[arg(long, global = true, env = "QORGAU_DATABASE", default_value = DEFAULT_DATABASE)]
    database: String,
    /// The language of this command's output, and the server's language for readers who chose
    /// none: kk (Kazakh, the default), ru or en.
    #[arg(long, global = true, env = "QORGAU_LANGUAGE", default_value = "kk")]
    language: qorgau_i18n::Language,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web interface and the API.
    Serve(commands::serve::ServeArgs),
    /// Apply the database migrations that have not run yet.
    Migrate,
    /// Manage users.
    #[command(subcommand)]
    User(commands::accounts::UserCommand),
    /// The organisation tree.
    #[command(subcommand)]
    Org(commands::org::OrgCommand),
    /// The rules.
    #[command(subcommand)]
    Rules(commands::rules::RulesCommand),
    /// Evaluate a rule on facts from a JSON file (or - for standard input) and print the decision.
    Eval {
        /// The rule id, such as safety.plan_due.
        #[arg(long)]
        rule: String,
        /// A JSON file with the facts, or - to read them from standard input.
        #[arg(long)]
        facts: PathBuf,
        /// The date to decide for (YYYY-MM-DD); today in Asia/Almaty when absent.
        #[arg(long)]
        as_of: Option<chrono::NaiveDate>,
    },
    /// The audit log.
    #[command(subcommand)]
    Audit(commands::audit::AuditCommand),
    /// The law: acts and clauses of the shipped corpus.
    #[command(subcommand)]
    Law(commands::law::LawCommand),
    /// Security of military service: structure, Plans, training, Acts, incidents and analysis.
    #[command(subcommand)]
    Safety(commands::safety::SafetyCommand),
    /// Who is responsible: the functions and competences that answer a question, with clauses.
    Who {
        question: String,
        /// The date to read the law on (YYYY-MM-DD); today in Asia/Almaty when absent.
        #[arg(long)]
        as_of: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// National security: reference lists, ownership screening, the organisation graph, the
    /// threat register, measures and strategic indicators.
    #[command(subcommand)]
    Security(commands::security::SecurityCommand),
    /// The Security Council: meetings, decisions assigned to bodies, execution reports, control.
    #[command(subcommand)]
    Council(commands::security::council::CouncilCommand),
    /// Conscription: the citizen register, summons campaigns and their conclusion.
    #[command(subcommand)]
    Conscription(commands::conscription::ConscriptionCommand),
    /// Stand-ins for external systems, for tests and demonstrations.
    #[command(subcommand)]
    Simulate(commands::conscription::SimulateCommand),
}

fn main() -> ExitCode {
    // The help is shown in the language asked for, so it is known before clap parses.
    let words: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let text: Vec<String> = words
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    let language = help::language_asked(&text);
    let command = help::localized(Cli::command(), language);
    let cli = match command
        .try_get_matches_from(words)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        // Help, the version, and the help clap shows for a command given without its
        // subcommand: already in the asked language.
        Err(error)
            if !error.use_stderr()
                || error.kind()
                    == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            error.exit()
        }
        Err(error) => {
            eprintln!("{}", help::refusal(&error, language));
            return ExitCode::from(2);
        }
    };
    qorgau_i18n::set_cli_language(cli.language);
    commands::init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve(args) => commands::serve::run(&cli.database, cli.language, args).await,
            Command::Migrate => commands::migrate(&cli.database).await,
            Command::User(command) => commands::accounts::run(&cli.database, command).await,
            Command::Org(command) => commands::org::run(&cli.database, command).await,
            Command::Rules(command) => commands::rules::run(&cli.database, command).await,
            Command::Eval { rule, facts, as_of } => commands::rules::eval(&rule, &facts, as_of),
            Command::Audit(command) => commands::audit::run(&cli.database, command).await,
            Command::Law(command) => commands::law::run(&cli.database, command).await,
            Command::Safety(command) => commands::safety::run(&cli.database, command).await,
            Command::Who {
                question,
                as_of,
                json,
            } => commands::security::who(&cli.database, &question, as_of, json).await,
            Command::Security(command) => commands::security::run(&cli.database, command).await,
            Command::Council(command) => {
                commands::security::council::run(&cli.database, command).await
            }
            Command::Conscription(command) => {
                commands::conscription::run(&cli.database, command).await
            }
            Command::Simulate(command) => commands::conscription::simulate(command).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!(
                "{}",
                qorgau_i18n::say_with("cli-error", &[("detail", format!("{error:#}").into())])
            );
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option has its help in the catalogue; the failure lists what is
    /// missing as catalogue lines, with the English of the doc comments.
    #[test]
    fn every_command_and_option_has_its_help_in_the_catalogue() {
        let missing: Vec<String> = help::entries(&Cli::command())
            .into_iter()
            .filter(|(id, _)| !qorgau_i18n::has_message(id))
            .map(|(id, text)| format!("{id} = {}", text.replace('\n', " ")))
            .collect();
        assert!(missing.is_empty(), "missing:\n{}", missing.join("\n"));
    }

    /// The help of a command in Kazakh and Russian carries their words, not the doc comment's.
    #[test]
    fn the_help_speaks_the_chosen_language() {
        for language in [
            qorgau_i18n::Language::Kazakh,
            qorgau_i18n::Language::Russian,
        ] {
            let mut command = help::localized(Cli::command(), language);
            let serve = command
                .find_subcommand_mut("serve")
                .expect("the serve command");
            let text = serve.render_long_help().to_string();
            let lang = language.lang();
            for id in ["cli-help-qorgau-serve", "cli-help-qorgau-serve-arg-listen"] {
                let expected = qorgau_i18n::lookup(&lang, id).expect(id);
                assert!(text.contains(&expected), "{id}: {text}");
            }
            assert!(!text.contains("Address to listen on"), "{text}");
            assert!(!text.contains("Usage:"), "{text}");
        }
    }

    /// Every command's help in Kazakh and Russian holds none of clap's English words, and a
    /// command line clap refuses is refused in the asked language.
    #[test]
    fn no_command_speaks_clap_english() {
        fn english_left(command: &mut clap::Command, path: &str, faults: &mut Vec<String>) {
            let text = command.render_long_help().to_string();
            for word in [
                "[default:",
                "[env:",
                "Usage:",
                "Options:",
                "Arguments:",
                "Commands:",
                "Print help",
            ] {
                if text.contains(word) {
                    faults.push(format!("{path}: {word}"));
                }
            }
            let names: Vec<String> = command
                .get_subcommands()
                .map(|sub| sub.get_name().to_owned())
                .collect();
            for name in names {
                if let Some(sub) = command.find_subcommand_mut(&name) {
                    english_left(sub, &format!("{path} {name}"), faults);
                }
            }
        }
        for language in [
            qorgau_i18n::Language::Kazakh,
            qorgau_i18n::Language::Russian,
        ] {
            let mut command = help::localized(Cli::command(), language);
            command.build();
            let mut faults = Vec::new();
            english_left(&mut command, "qorgau", &mut faults);
            assert!(faults.is_empty(), "{language:?}: {faults:#?}");
            let lang = language.lang();
            let refused = help::localized(Cli::command(), language)
                .try_get_matches_from(["qorgau", "law", "import", "act.txt"])
                .expect_err("the import needs its options");
            let said = help::refusal(&refused, language);
            let missing = qorgau_i18n::render(&lang, "cli-error-missing", &[("args", "".into())]);
            assert!(said.starts_with(missing.trim_end()), "{said}");
            assert!(said.contains("--text-language"), "{said}");
            assert!(!said.contains("error:"), "{said}");
        }
    }
}
