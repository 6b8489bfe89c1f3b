#!/usr/bin/env bash
# The sample host with the example Python plugins, on an embedded database: builds what it needs (first run:
# a few minutes, with progress), starts the host, runs a short tour that checks each step (exit status 1 when
# one fails), then keeps serving on http://127.0.0.1:8065 (log in as the user it prints).
#
#   ./demo.sh              tour, then serve until Ctrl-C (curl lines to try are printed)
#   ./demo.sh --exit       tour, then stop
#   ./demo.sh --port 9000  any other option goes to the host: ./demo.sh --help lists them
#
# Data (an H2 database and the demo logins) lives in ./data and survives restarts; delete it to start afresh.
set -euo pipefail
cd "$(dirname "$0")"

host_dir=examples/sample-host
tour=--tour
args=()
port=8065
previous=""
for arg in "$@"; do
  case "$arg" in
    --exit) tour=--exit-after-tour ;;
    *) args+=("$arg") ;;
  esac
  [ "$previous" = --port ] && port=$arg
  previous=$arg
done
echo "pyplugins demo: the sample host will serve http://127.0.0.1:$port/ (the login to use is printed once it is up)"
if [ -f data/demo-login.properties ]; then
  echo "  log in as admin / $(sed -n 's/^admin.password=//p' data/demo-login.properties) (system admin)" \
    "or ann / $(sed -n 's/^ann.password=//p' data/demo-login.properties)"
fi

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
  echo "Building the sample host and what it needs (./mvnw install -DskipTests -pl $host_dir -am; the first"
  echo "build downloads Maven, protoc and the Python packages: a few minutes). Full log: target/demo-build.log"
  mkdir -p target
  # One line per module and step instead of minutes of silence; the whole log is kept for when it fails.
  if ! ./mvnw -B -ntp install -DskipTests -pl "$host_dir" -am 2>&1 | tee target/demo-build.log \
      | sed -un -e 's/^\[INFO\] Building \(.*[^ ]\) *\[\([0-9]*\/[0-9]*\)\]$/  [\2] \1/p' \
        -e 's/^\[INFO\] --- \([a-z-]*\):[^ ]* (\([^)]*\)) @ .*/        \1 (\2)/p' \
        -e 's/^\[INFO\] BUILD .*/  &/p'; then
    grep -E '^\[ERROR\]' target/demo-build.log | head -n 20 >&2
    fail "the build failed; target/demo-build.log has the whole log"
  fi
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
  --data-dir data --plugins-dir examples/plugins --wheel-dir "$host_dir/target/wheel" "$tour" \
  ${args[@]+"${args[@]}"}
