"""The DuckDB peer of the safety analysis (BENCH.md): the same rows in memory, a closure table of
the top body and its direct subordinates, and one query that computes, for 2026 and 2025, the
deaths and injuries in performance of duty, the average monthly strength and the rate per 1,000
of the top body and of each subordinate (ranked), plus the top body's monthly trend.
Loading is not timed; the query is run once cold and seven more times, the median reported.

Usage: python3 analysis_peer.py DIR   (DIR holds units.csv, strength.csv, incidents.csv)
Prints one JSON line.
"""
import json
import statistics
import sys
import time

import duckdb

folder = sys.argv[1]
con = duckdb.connect()
con.execute("SET threads TO 1")
con.execute(f"CREATE TABLE units AS SELECT * FROM read_csv('{folder}/units.csv', header=true)")
con.execute(f"CREATE TABLE strength AS SELECT * FROM read_csv('{folder}/strength.csv', header=true, types={{'month': 'VARCHAR'}})")
con.execute(
    f"CREATE TABLE incidents AS SELECT * FROM read_csv('{folder}/incidents.csv', header=true, "
    "types={'occurred_on': 'DATE', 'in_duty': 'BOOLEAN'})"
)
# The closure table: every unit under each of the top body and its children.
parents = dict(con.execute("SELECT id, parent_id FROM units").fetchall())
top = min(parents)
children = {u for u, p in parents.items() if p == top}
rows = []
for unit in parents:
    node = unit
    while node in parents:
        if node == top or node in children:
            rows.append((node, unit))
        if node == top:
            break
        node = parents[node]
con.execute("CREATE TABLE closure (ancestor BIGINT, descendant BIGINT)")
con.executemany("INSERT INTO closure VALUES (?, ?)", rows)

QUERY = """
WITH inc AS (
  SELECT c.ancestor, year(i.occurred_on) AS y, month(i.occurred_on) AS m,
         sum(CASE WHEN i.kind = 'death' AND i.in_duty THEN 1 ELSE 0 END) AS deaths,
         sum(CASE WHEN i.kind <> 'death' AND i.in_duty THEN 1 ELSE 0 END) AS injuries
  FROM incidents i JOIN closure c ON c.descendant = i.unit_id
  WHERE i.occurred_on BETWEEN DATE '2025-01-01' AND DATE '2026-12-31'
  GROUP BY ALL),
str AS (
  SELECT c.ancestor, s.month, sum(s.personnel) AS personnel
  FROM strength s JOIN closure c ON c.descendant = s.unit_id
  WHERE s.month BETWEEN '2025-01' AND '2026-12'
  GROUP BY ALL),
avg_str AS (SELECT ancestor, CAST(substr(month, 1, 4) AS INTEGER) AS y, avg(personnel) AS strength
            FROM str GROUP BY ALL),
tot AS (SELECT ancestor, y, sum(deaths) AS deaths, sum(injuries) AS injuries FROM inc GROUP BY ALL),
ranked AS (
  SELECT a.ancestor, a.y, a.strength, coalesce(t.deaths, 0) AS deaths, coalesce(t.injuries, 0) AS injuries,
         (coalesce(t.deaths, 0) + coalesce(t.injuries, 0)) * 1000.0 / a.strength AS rate
  FROM avg_str a LEFT JOIN tot t USING (ancestor, y))
SELECT 'unit' AS part, ancestor, y, 0 AS m, strength, deaths, injuries, rate FROM ranked
UNION ALL
SELECT 'month', ancestor, y, m, NULL, deaths, injuries, NULL FROM inc WHERE ancestor = $top
ORDER BY part, y, rate DESC NULLS LAST, m
"""

times = []
result = None
for _ in range(8):
    started = time.perf_counter()
    result = con.execute(QUERY, {"top": top}).fetchall()
    times.append((time.perf_counter() - started) * 1000)
top_2026 = next(r for r in result if r[0] == "unit" and r[1] == top and r[2] == 2026)
ranked_2026 = [r for r in result if r[0] == "unit" and r[1] != top and r[2] == 2026]
print(json.dumps({
    "duckdb": duckdb.__version__,
    "cold_ms": times[0],
    "median_ms": statistics.median(times[1:]),
    "deaths_2026": int(top_2026[5]),
    "injuries_2026": int(top_2026[6]),
    "strength_2026": float(top_2026[4]),
    "ranked": len(ranked_2026),
    "top_rate": float(ranked_2026[0][7]) if ranked_2026 else None,
}))
