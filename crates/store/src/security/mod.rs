//! National security: ownership screening (the shareholder graph and the reference lists),
//! monitoring, and the Security Council.

pub mod council;
pub mod monitoring;
mod ownership;

pub use ownership::{
    HoldingRow, ListAddition, Organisation, additions_on, all_holdings, all_organisations,
    holdings_in, ids_by_code, insert_addition, insert_holdings, insert_organisations,
    organisation_by_code, organisations_by_ids, search_organisations,
};
