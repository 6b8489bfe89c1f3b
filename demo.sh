#!/usr/bin/env bash
# The sample host with the example Python plugins, on an embedded database: builds what it needs (first run:
# a few minutes), starts the host, runs a short tour, then keeps serving on http://127.0.0.1:8065.
#
#   ./demo.sh              tour, then serve until Ctrl-C (curl lines to try are printed)
#   ./demo.sh --exit       tour, then stop
#   ./demo.sh --port 9000  any other option goes to the host: ./demo.sh --help lists them
#
# Data (an H2 database) lives in ./data and survives restarts; delete the directory to start afresh.
set -euo pipefail
cd "$(dirname "$0")"

host_dir=examples/sample-host
tour=--tour
args=()
for arg in "$@"; do
  case "$arg" in
    --exit) tour=--exit-after-tour ;;
    *) args+=("$arg") ;;
  esac
done

fail() { echo "demo.sh: $*" >&2; exit 1; }
command -v java >/dev/null || fail "Java 17 or newer is needed on the PATH"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed, found ${java_major:-none}"
command -v python3 >/dev/null || fail "Python 3.10 or newer is needed on the PATH as python3"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' || fail "Python 3.10 or newer is needed as python3"

# Build when the host's jar is missing or older than any source it is made from (the Maven build also
# makes each example plugin's venv, examples/plugins/<name>/venv, with the SDK wheel).
jar=$(ls "$host_dir"/target/pyplugins-sample-host-*.jar 2>/dev/null | head -n 1 || true)
stale=""
if [ -z "$jar" ] || [ ! -f "$host_dir/target/classpath.txt" ]; then
  stale=yes
else
  stale=$(find pom.xml proto python-sdk-templates/core python-sdk-templates/templates codegen-maven-plugin/src \
    runtime generated-samples/pom.xml "$host_dir/pom.xml" "$host_dir/src/main" \
    -newer "$jar" -type f -not -path '*/target/*' -not -path '*/__pycache__/*' -print -quit)
fi
if [ -n "$stale" ]; then
  echo "Building the sample host and what it needs (./mvnw -q install -DskipTests -pl $host_dir -am) ..."
  ./mvnw -q -B install -DskipTests -pl "$host_dir" -am
  jar=$(ls "$host_dir"/target/pyplugins-sample-host-*.jar | head -n 1)
else
  python3 examples/plugins/make_venv.py --wheel-dir "$host_dir/target/wheel" examples/plugins/hello \
    examples/plugins/streaming examples/plugins/agent examples/agent-devservers >/dev/null
fi

# Class data sharing: the first run records the classes the host loads, later runs map them (a faster start).
archive="$host_dir/target/sample-host.jsa"
if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
  cds="-XX:SharedArchiveFile=$archive"
else
  cds="-XX:ArchiveClassesAtExit=$archive"
fi

# The agent plugin's default model endpoint: the LLM wire fake with the tour's scripted answers (stdlib only).
(cd examples/agent-devservers && exec python3 -m llm_wire_fake --port 8066 --script scripts/demo.json >/dev/null) &
wire_fake=$!
trap 'kill "$wire_fake" 2>/dev/null || true' EXIT

java -Xlog:cds=off -Xlog:cds+dynamic=off "$cds" -XX:TieredStopAtLevel=1 \
  -cp "$jar:$(cat "$host_dir/target/classpath.txt")" dev.pyplugins.sample.SampleHostMain \
  --data-dir data --plugins-dir examples/plugins "$tour" ${args[@]+"${args[@]}"}
