#!/usr/bin/env bash
# Times full-protocol code generation and the no-op rebuild; prints the figures.
# Usage: benchmarks/codegen/run.sh [runs]   (default 7; builds what it needs, skips tests)
set -euo pipefail
cd "$(dirname "$0")/../.."
exec ./mvnw -B -ntp -q -Pbenchmark -pl benchmarks/codegen -am verify \
  -DskipTests -Dinvoker.skip=true -Dbenchmark.runs="${1:-7}"
