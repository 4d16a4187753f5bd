#!/usr/bin/env bash
# Installs the Debian packages the tests, the demo and the benchmarks need, when missing. Idempotent and quiet.
set -euo pipefail

packages=(
  docker-registry skopeo umoci runc busybox-static   # the container test bed
  clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu  # NativeAOT probe, both RIDs
  qemu-user-static                                   # runs the arm64 probe
  bubblewrap musl                                    # the probe in an empty root and a musl-like root (tests)
  nginx strace                                       # probe tests: a real nginx, the probe's system calls
  curl wget dash apache2-utils hyperfine time        # anchors, fixture shells, htpasswd, benchmarks
  iproute2 util-linux file zstd                      # nsenter, file checks
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
