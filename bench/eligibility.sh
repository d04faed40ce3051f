#!/usr/bin/env bash
# Compulsory-training eligibility, 1,000,000 persons, one core: Qorgau (criterion) against
# OpenFisca (the peer named in BENCH.md), in the same run; prints both and the ratios.
# Needs: pip install openfisca-core==46.0.1 (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import openfisca_core' 2>/dev/null || {
    echo "installing openfisca-core 46.0.1 (the peer)"
    pip install -q openfisca-core==46.0.1
}
taskset -c 0 cargo bench -q -p qorgau-rules --bench eligibility -- --noplot
peer=$(taskset -c 0 python3 bench/eligibility_peer.py target/eligibility-persons.csv)
python3 - "$peer" <<'PY'
import json, sys
peer = json.loads(sys.argv[1])
def rate(name):
    with open(f"target/criterion/eligibility/{name}/new/estimates.json") as f:
        ns = json.load(f)["mean"]["point_estimate"]
    return 1_000_000 / (ns / 1e9)
batch, decide = rate("batch_1m"), rate("decide_1m")
print(f"qorgau batch (eligibility per person, citations once per outcome): {batch/1e6:.2f} M persons/s")
print(f"qorgau decide (cited decision with explanation per person):        {decide/1e6:.2f} M decisions/s")
print(f"openfisca 46.0.1 end to end: {peer['end_to_end_per_s']/1e6:.2f} M persons/s; formula alone {peer['formula_per_s']/1e6:.2f} M/s; eligible {peer['eligible']}")
print(f"ratio batch / openfisca end to end: {batch/peer['end_to_end_per_s']:.2f}")
print(f"ratio decide / openfisca end to end: {decide/peer['end_to_end_per_s']:.2f}")
PY
