#!/usr/bin/env bash
# The runtime benchmark: builds what it needs, makes the venv, runs every figure beside its floor and
# prints one table; writes it with the machine facts to benchmarks/results/<date>-<host kind>.md.
#
#   benchmarks/run.sh [--skip-build] [--quick] [key=value ...]
#
#   --skip-build  reuse the last build and venv (after a first full run)
#   --quick       a smoke run with few calls; prints the table, writes no results file
#   key=value     overrides, e.g. runs=7 hook-calls=10000 sections=hook,api (see benchmarks/README.md)
#
# Environment: PYTHON (interpreter the venv is made from, default python3), BENCH_HOST_KIND (results file
# name, default <cores>cpu-<arch>), BENCH_JAVA_OPTS (extra JVM options, e.g. a JFR recording),
# BENCH_PROFILE_DIR (profile the Python processes with yappi into this directory; installs yappi),
# MAVEN_ARGS (passed to Maven by the wrapper, e.g. -Dmaven.repo.local=...).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
module=benchmarks/runtime
target=$module/target
venv=$target/bench-venv
requirements=$module/src/main/python/requirements.txt

build=1
args=()
results=(results="$root/benchmarks/results")
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=0 ;;
    --quick)
      args+=(runs=3 hook-calls=1000 api-calls=500 warmup=500 throughput-seconds=1 http-mib=32 cold-starts=3
             fanout-calls=50)
      results=() ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *=*) args+=("$arg") ;;
    *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

if [[ $build == 1 ]]; then
  echo "building ($module and what it depends on, tests skipped) ..."
  ./mvnw -B -ntp -q -Pbenchmark -pl $module -am package -DskipTests -Dinvoker.skip=true
fi
wheel=$target/benchmark-inputs/sdk.whl
[[ -f $wheel ]] || { echo "no $wheel: run without --skip-build first" >&2; exit 1; }

# The venv: pinned grpcio/protobuf and the SDK wheel the build made; made again when either changes.
stamp="$(sha256sum "$wheel" "$requirements" | cut -c1-64 | tr '\n' ' ')"
if [[ ! -x $venv/bin/python || "$(cat "$venv/.stamp" 2>/dev/null)" != "$stamp" ]]; then
  echo "making $venv ..."
  "${PYTHON:-python3}" -m venv --clear "$venv"
  # pip wants the wheel's real file name: read it from its .dist-info directory.
  name=$("$venv/bin/python" -c 'import sys, zipfile
d = next(n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.endswith(".dist-info/WHEEL"))
print(d.split(".dist-info/")[0] + "-py3-none-any.whl")' "$wheel")
  cp "$wheel" "$target/$name"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" "$target/$name"
  echo "$stamp" > "$venv/.stamp"
fi
if [[ -n ${BENCH_PROFILE_DIR:-} ]]; then
  "$venv/bin/python" -m pip install -q --disable-pip-version-check yappi==1.7.6
  mkdir -p "$BENCH_PROFILE_DIR"
  export BENCH_PROFILE_DIR
fi

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java ${BENCH_JAVA_OPTS:-} -cp "$target/classes:$(cat "$target/benchmark-inputs/classpath.txt")" \
  dev.pyplugins.benchmarks.runtime.RuntimeBenchmark \
  python="$root/$venv/bin/python" scripts="$root/$module/src/main/python" work="$root/$target/bench-work" \
  host-kind="${BENCH_HOST_KIND:-$(nproc)cpu-$(uname -m)}" ${results[@]+"${results[@]}"} ${args[@]+"${args[@]}"}
