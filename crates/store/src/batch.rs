//! Multi-row statements shared by the rooms: the SQL of a batched INSERT.

/// The SQL of a multi-row insert of `rows` rows of `columns` binds each. Built from constants
/// only (never from input), so it is safe to pass as dynamic SQL.
pub(crate) fn multi_row_insert(head: &str, columns: usize, rows: usize) -> String {
    let mut sql = String::from(head);
    let mut n = 0;
    for row in 0..rows {
        sql.push_str(if row == 0 { " (" } else { ", (" });
        for column in 0..columns {
            n += 1;
            if column > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&n.to_string());
        }
        sql.push(')');
    }
    sql
}
