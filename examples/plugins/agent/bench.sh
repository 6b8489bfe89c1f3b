#!/usr/bin/env bash
# The agent benchmark: time to first token and per turn through the plugin in the sample host, beside the same
# scripted model called directly, in one run (AgentBench in examples/sample-host's end-to-end tests).
#   examples/plugins/agent/bench.sh [-Dagent.bench.turns=50] [-Dmaven.repo.local=...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -ntp verify -pl examples/sample-host -am -Dinvoker.skip=true -Dit.test=AgentBench -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@" \
  | grep -E '^(agent benchmark|path  |model called|DM to|  plugin overhead)'
