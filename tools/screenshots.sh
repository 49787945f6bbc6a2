#!/usr/bin/env bash
# Regenerates the README's run-time screenshots and the ring all-reduce GIF from the real window under Xvfb
# (Debian: apt-get install xvfb libgtk-3-0 imagemagick). Writes into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f app/target/workbench.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
jar=app/target/workbench.jar
# a gossip-sgd run busy enough to show many transfers at once: 120 radios, slow links
cat > "$work/gossip.json" <<'JSON'
{
  "schemaVersion": 1,
  "name": "Gossip SGD over 120 radios",
  "seed": 5,
  "topology": {
    "generator": { "type": "random-geometric", "nodes": 120, "radius": 0.16 },
    "defaults": { "link": { "bandwidthMbps": 0.5, "latencyMs": 20 } }
  },
  "workload": { "task": "classification", "dataset": { "type": "digits" }, "model": { "type": "softmax" } },
  "algorithm": { "type": "gossip-sgd" },
  "run": { "rounds": 30 }
}
JSON
java -jar "$jar" sweep sample-topologies/sweep-topologies.json --set 'sweep.grid.seed=[1]' --out "$work/sweep" \
    --jobs 2 --trace none --quiet
xvfb-run -a -s "-screen 0 1600x1000x24" java -cp "$jar" org.edgeai.app.gui.tools.ScreenshotTour\$Main \
    docs/screenshots sample-topologies "$work/gossip.json" "$work/sweep"
rm -rf "$work"
