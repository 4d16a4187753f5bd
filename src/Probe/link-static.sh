#!/usr/bin/env bash
# The C driver that links the static probe (NativeAOT's CppCompilerAndLinker), minus two warnings static glibc always
# prints: "Using 'dlopen'" (the runtime's PalLoadLibrary, which the probe never reaches: every P/Invoke is bound at
# link time) and "Using 'getaddrinfo'" (the probe's resolver for names other than localhost; glibc >= 2.34 has the
# files and dns NSS modules built in, and the tests resolve through /etc/hosts in an otherwise empty root).
# Every other line passes through unchanged, and the driver's exit code is kept.
set -uo pipefail
driver=clang
command -v clang >/dev/null 2>&1 || driver=gcc
"$driver" "$@" 2>&1 | awk '
  /: in function `[^`]*.:$/ { if (held != "") print held; held = $0; next }
  /: warning: Using .(dlopen|getaddrinfo). in statically linked applications requires at runtime the shared libraries from the glibc version used for linking$/ { held = ""; next }
  { if (held != "") print held; held = ""; print }
  END { if (held != "") print held }'
exit "${PIPESTATUS[0]}"
