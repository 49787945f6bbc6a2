#!/usr/bin/env bash
# Where a benchmark spends its time, instruction by instruction: runs the bench command under perf (cpu-clock
# samples: this machine has no hardware counters) with the hot packages' C2 code printed, then tools/perfasm.py
# disassembles it (Debian: apt-get install linux-perf python3-capstone; no hsdis needed).
#   tools/perfasm.sh gossip-1m [--reps 2]        -> target/perfasm/report.txt
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f app/target/workbench.jar ] || mvn -B -q -DskipTests package
out=target/perfasm
mkdir -p "$out"
print=()
for p in org.edgeai.model.engine.core org.edgeai.model.engine.net org.edgeai.plugins.algorithms.decentralized; do
    print+=("-XX:CompileCommand=print,$p.*::*")
done
perf record -q -e cpu-clock -F 4000 -o "$out/perf.data" \
    java -Xmx8g --add-modules jdk.incubator.vector -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet \
    "${print[@]}" -XX:+LogVMOutput -XX:LogFile="$out/asm.log" -XX:-DisplayVMOutput \
    -jar app/target/workbench.jar bench "$@"
/usr/bin/python3 tools/perfasm.py "$out/asm.log" "$out/perf.data" 12 > "$out/report.txt"
grep -E '^(samples|====)' "$out/report.txt"
echo "full report: $out/report.txt"
