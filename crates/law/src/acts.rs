//! The acts whose text ships with the product (see `corpus/README.md` for their provenance).

/// One act of the shipped corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Act {
    /// The prefix of every clause id of this act.
    pub id: &'static str,
    /// The act's title as the corpus gives it.
    pub title: &'static str,
    /// The corpus file that holds its text.
    pub file: &'static str,
    /// The catalogue message that names the act in the reader's language.
    pub name_id: &'static str,
}

/// The five acts of the shipped corpus.
pub const ACTS: &[Act] = &[
    Act {
        id: "kz-2005-29",
        name_id: "law-act-kz-2005-29",
        title: "Law \"On Defense and the Armed Forces of the Republic of Kazakhstan\", Article 22",
        file: "000_5055fa92345805a1.txt",
    },
    Act {
        id: "kz-2020-mod-738",
        name_id: "law-act-kz-2020-mod-738",
        title: "Rules for ensuring the security of military service in the Armed Forces (Order No. 738)",
        file: "001_667fbf88c9dd8f6e.txt",
    },
    Act {
        id: "kz-2012-527-IV",
        name_id: "law-act-kz-2012-527-iv",
        title: "Law \"On National Security of the Republic of Kazakhstan\"",
        file: "002_402d106df8ef9c3d.txt",
    },
    Act {
        id: "kz-egov-military-service",
        name_id: "law-act-kz-egov-military-service",
        title: "e-Government portal: Compulsory military service",
        file: "003_8631f41c01cc0c2c.txt",
    },
    Act {
        id: "kz-security-council",
        name_id: "law-act-kz-security-council",
        title: "Security Council of the Republic of Kazakhstan: tasks and functions",
        file: "004_feebfbc8bec6b238.txt",
    },
];

/// The act with this id, if the corpus has it.
pub fn act_by_id(id: &str) -> Option<&'static Act> {
    ACTS.iter().find(|act| act.id == id)
}

/// The acts the shipped texts name without shipping them (the amending and the repealing act),
/// by the name Qorgau gives them in English, with their catalogue message.
const NAMED: &[(&str, &str)] = &[
    (crate::corpus::ORDER_753, "law-act-order-753"),
    (
        "Law of the Republic of Kazakhstan dated June 30, 2025 No. 202-VIII",
        "law-act-law-202-viii",
    ),
];

/// An act's name as a message argument: the catalogue's name in the reader's language for the
/// acts Qorgau knows (the shipped ones and the acts their texts name), the name as given for an
/// imported act.
pub fn act_name(name: &str) -> qorgau_i18n::Arg {
    ACTS.iter()
        .find(|act| act.title == name)
        .map(|act| act.name_id)
        .or_else(|| NAMED.iter().find(|(n, _)| *n == name).map(|(_, id)| *id))
        .map_or_else(
            || qorgau_i18n::Arg::Text(name.to_owned()),
            qorgau_i18n::Arg::Label,
        )
}
