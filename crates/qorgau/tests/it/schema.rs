//! The two backends' migrations build the same schema: the same tables with the same columns.
//! The migrations are written twice (`migrations/sqlite`, `migrations/postgres`) where the
//! dialects differ, so this test is what keeps them one schema.

use std::collections::BTreeSet;

use sqlx::Row;

use crate::kit::{databases, in_ci};

/// `table.column` for every column of every table the migrations made.
async fn columns(label: &str, store: &qorgau_store::Store) -> BTreeSet<String> {
    let sql = match label {
        "sqlite" => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'"
        }
        _ => {
            "SELECT CAST(table_name AS TEXT) AS t, CAST(column_name AS TEXT) AS c \
             FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'"
        }
    };
    let rows = sqlx::query(sql)
        .fetch_all(store.pool())
        .await
        .expect("read the schema");
    rows.iter()
        .map(|row| {
            let table: String = row.get("t");
            let column: String = row.get("c");
            format!("{table}.{column}")
        })
        .collect()
}

#[tokio::test]
async fn sqlite_and_postgres_migrations_build_the_same_tables_and_columns() {
    let dbs = databases().await;
    if dbs.len() < 2 {
        assert!(!in_ci(), "CI=true needs both backends for the parity test");
        eprintln!("PostgreSQL is not configured: schema parity not checked");
        return;
    }
    let mut schemas = Vec::new();
    for db in &dbs {
        let store = db.store().await;
        schemas.push((db.label, columns(db.label, &store).await));
    }
    let (sqlite, postgres) = (&schemas[0].1, &schemas[1].1);
    assert!(
        sqlite.len() > 100,
        "the schema should have many columns, read {}",
        sqlite.len()
    );
    let only_sqlite: Vec<_> = sqlite.difference(postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "the migrations differ: only on SQLite {only_sqlite:?}; only on PostgreSQL {only_postgres:?}"
    );
}
