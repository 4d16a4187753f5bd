#!/usr/bin/env bash
# Installs the Debian packages the tests, the demo and the benchmarks need, when missing. Idempotent and quiet.
set -euo pipefail

packages=(
  docker.io podman                                   # the container engines the tests and the demo run images under
  docker-registry skopeo umoci busybox-static        # the container test bed
  clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu  # NativeAOT probe, both RIDs
  qemu-user-static                                   # runs the arm64 probe
  bubblewrap musl                                    # the probe in an empty root and a musl-like root (tests)
  nginx strace                                       # probe tests: a real nginx, the probe's system calls
  curl wget dash apache2-utils hyperfine time        # anchors, fixture shells, htpasswd, benchmarks
  iproute2 util-linux file zstd                      # nsenter, file checks
  golang-go                                          # the ko recipe's test: a static Go server (stdlib, CGO_ENABLED=0)
)

# Node.js for the probe's gRPC tests (@grpc/grpc-js, which the tests install into artifacts/grpc-node with npm).
# By command, not package: a Node.js from elsewhere that brings its own npm will do.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null
  # Keep package scripts from starting services (dockerd, containerd): tests and the demo start private engines.
  policy=/usr/sbin/policy-rc.d
  own_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && own_policy=1
  fi
  status=0
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || status=$?
  [ -n "$own_policy" ] && $sudo rm -f "$policy"
  exit $status
fi
