//! The catalogues are read at compile time by `fluent_templates::static_loader!`, which cargo
//! cannot see: a new or changed file under `locales/` must rebuild the crate.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
