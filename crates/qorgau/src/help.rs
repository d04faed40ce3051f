//! The command line's help in the chosen language. clap's derive takes the help texts from the
//! doc comments, in English; before parsing, every command's and option's text is replaced by
//! its catalogue message (`cli-help-<command path>` and `cli-help-<command path>-arg-<option>`),
//! and clap's own words (the usage and section headings, the help and version flags) by theirs.
//! clap has no translation of its own, so this walk is written here.

use clap::{Arg, ArgAction, Command};
use qorgau_i18n::{Arg as Said, Lang, Language, lookup};

/// The language asked for before the command line is parsed: `--language X` or
/// `--language=X` among the arguments, else `QORGAU_LANGUAGE`, else Kazakh. A word that is not
/// a language is left for clap to refuse.
pub fn language_asked(args: &[String]) -> Language {
    let mut words = args.iter();
    let mut given = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--language" {
            given = words.next().cloned();
        } else if let Some(value) = word.strip_prefix("--language=") {
            given = Some(value.to_owned());
        }
    }
    given
        .or_else(|| std::env::var("QORGAU_LANGUAGE").ok())
        .and_then(|word| word.parse().ok())
        .unwrap_or(Language::Kazakh)
}

/// The id of the help message of a command at `path` (its names from the root, joined by
/// dashes), and of one of its options.
pub fn command_id(path: &str) -> String {
    format!("cli-help-{path}")
}

pub fn arg_id(path: &str, arg: &str) -> String {
    format!("cli-help-{path}-arg-{}", arg.replace('_', "-"))
}

/// `command` and every command below it with their texts in `language`.
pub fn localized(command: Command, language: Language) -> Command {
    let lang = language.lang();
    let root = command.get_name().to_owned();
    walk(command, &lang, &root, true)
}

fn say(lang: &Lang, id: &str) -> String {
    lookup(lang, id).unwrap_or_else(|| format!("[{id}]"))
}

fn say_with(lang: &Lang, id: &str, args: &[(&str, Said)]) -> String {
    qorgau_i18n::render(lang, id, args)
}

/// A command line clap refused, said in `language`: what was wrong (the missing arguments, the
/// unknown command or option, the value that could not be read), the usage line and where help
/// is. clap's own messages are English; its error's kind and context are read instead.
pub fn refusal(error: &clap::Error, language: Language) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let lang = language.lang();
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(ContextValue::StyledStr(text)) => text.to_string(),
        Some(ContextValue::StyledStrs(texts)) => texts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let what = match error.kind() {
        ErrorKind::MissingRequiredArgument => say_with(
            &lang,
            "cli-error-missing",
            &[("args", context(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::InvalidSubcommand => say_with(
            &lang,
            "cli-error-command",
            &[("command", context(ContextKind::InvalidSubcommand).into())],
        ),
        ErrorKind::MissingSubcommand => say_with(
            &lang,
            "cli-error-no-command",
            &[("commands", context(ContextKind::ValidSubcommand).into())],
        ),
        ErrorKind::UnknownArgument => say_with(
            &lang,
            "cli-error-unknown-argument",
            &[("arg", context(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let choices = context(ContextKind::ValidValue);
            let args = [
                ("arg", context(ContextKind::InvalidArg).into()),
                ("value", context(ContextKind::InvalidValue).into()),
                ("values", choices.clone().into()),
            ];
            if choices.is_empty() {
                say_with(&lang, "cli-error-value", &args[..2])
            } else {
                say_with(&lang, "cli-error-value-choices", &args)
            }
        }
        ErrorKind::ArgumentConflict => say_with(
            &lang,
            "cli-error-conflict",
            &[("arg", context(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            say_with(
                &lang,
                "cli-error-values",
                &[("arg", context(ContextKind::InvalidArg).into())],
            )
        }
        _ => say(&lang, "cli-error-other"),
    };
    let usage = context(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    let hint = say(&lang, "cli-error-help-hint");
    if usage.is_empty() {
        // A value clap could not read comes without the usage line.
        format!("{what}\n\n{hint}")
    } else {
        let heading = say(&lang, "cli-help-heading-usage");
        format!("{what}\n\n{heading} {usage}\n\n{hint}")
    }
}

fn walk(mut command: Command, lang: &Lang, path: &str, root: bool) -> Command {
    if let Some(text) = lookup(lang, &command_id(path)) {
        command = command.about(text).long_about(None);
    }
    let options = say(lang, "cli-help-heading-options");
    let arguments = say(lang, "cli-help-heading-arguments");
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|arg| (arg.get_id().to_string(), arg.is_positional()))
        .collect();
    for (id, positional) in ids {
        let text = lookup(lang, &arg_id(path, &id));
        let heading = if positional { &arguments } else { &options };
        command = command.mut_arg(&id, |arg| {
            let arg = arg.help_heading(heading.clone());
            // clap writes "[env: ...]" and "[default: ...]" in English: hidden, and said in
            // the catalogue's words after the help text instead.
            let mut notes = Vec::new();
            if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
                notes.push(say_with(
                    lang,
                    "cli-help-env",
                    &[("name", env.to_string_lossy().into_owned().into())],
                ));
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty()
                && !arg.is_hide_default_value_set()
                && arg.get_action().takes_values()
            {
                notes.push(say_with(
                    lang,
                    "cli-help-default",
                    &[("value", defaults.join(", ").into())],
                ));
            }
            let has_env = arg.get_env().is_some();
            let takes_values = arg.get_action().takes_values();
            let arg = arg.hide_env(has_env).hide_default_value(takes_values);
            let help = text.or_else(|| arg.get_help().map(ToString::to_string));
            match help {
                Some(help) if notes.is_empty() => arg.help(help).long_help(None),
                Some(help) => arg
                    .help(format!("{help} {}", notes.join(" ")))
                    .long_help(None),
                None => arg,
            }
        });
    }
    command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            say(lang, "cli-help-heading-usage")
        ))
        .subcommand_help_heading(say(lang, "cli-help-heading-commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(say(lang, "cli-help-flag-help"))
                .help_heading(options.clone()),
        );
    if root {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(say(lang, "cli-help-flag-version"))
                .help_heading(options),
        );
    }
    command.mut_subcommands(|sub| {
        let sub_path = format!("{path}-{}", sub.get_name());
        walk(sub, lang, &sub_path, false)
    })
}

/// Every help message id the command line uses, with the English text of the doc comment it
/// stands for: what the catalogue must hold.
#[cfg(test)]
pub fn entries(command: &Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect(command, command.get_name(), &mut out);
    out
}

#[cfg(test)]
fn collect(command: &Command, path: &str, out: &mut Vec<(String, String)>) {
    let about = command
        .get_long_about()
        .or(command.get_about())
        .map(|text| text.to_string())
        .unwrap_or_default();
    out.push((command_id(path), about));
    for arg in command.get_arguments() {
        let help = arg
            .get_long_help()
            .or(arg.get_help())
            .map(|text| text.to_string())
            .unwrap_or_default();
        out.push((arg_id(path, arg.get_id().as_str()), help));
    }
    for sub in command.get_subcommands() {
        collect(sub, &format!("{path}-{}", sub.get_name()), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        assert_eq!(
            language_asked(&args(&["qorgau", "--language", "ru", "serve", "--help"])),
            Language::Russian
        );
        assert_eq!(
            language_asked(&args(&["qorgau", "audit", "verify", "--language=en"])),
            Language::English
        );
        // After `--` every word is the command's own.
        assert_eq!(
            language_asked(&args(&["qorgau", "who", "--", "--language=ru"])),
            language_asked(&args(&["qorgau", "who"]))
        );
    }
}
