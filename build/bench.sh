#!/usr/bin/env bash
# Benchmarks (not tests): each prints ratios against anchors measured in the same run.
#   build/bench.sh [probe|publish|inspect|analyzer|lint|verify ...]   (no argument: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
build/install-prerequisites.sh

suites=("$@")
[ ${#suites[@]} -eq 0 ] && suites=(probe publish inspect analyzer lint verify)
for suite in "${suites[@]}"; do
  script="build/bench/$suite.sh"
  if [ ! -x "$script" ]; then
    echo "no benchmark named '$suite' (expected $script)" >&2
    exit 1
  fi
  echo "== $suite (load average before: $(cut -d' ' -f1-3 /proc/loadavg); measure on a quiet machine, below 1)"
  "$script"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
