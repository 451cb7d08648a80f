#!/usr/bin/env bash
# Checks an Onix audit checkpoint with openssl alone, and prints what it signs.
#
#   verify_audit_checkpoint.sh CHECKPOINT_FILE PUBLIC_KEY_PEM
#
# CHECKPOINT_FILE holds the compact JWS (header.payload.signature, base64url); PUBLIC_KEY_PEM the
# key its header's kid names (GET /audit-checkpoint-keys/{kid}). Prints the header, openssl's
# "Verified OK" and the signed payload {"organizationId","position","hash","time"}; exits non-zero
# when the signature does not verify.
set -euo pipefail

b64url_decode() {
  local s
  s=$(printf '%s' "$1" | tr '_-' '/+')
  while [ $((${#s} % 4)) -ne 0 ]; do s="$s="; done
  printf '%s' "$s" | base64 -d
}

jws=$(tr -d ' \r\n' <"$1")
header=${jws%%.*}
rest=${jws#*.}
payload=${rest%%.*}
signature=${rest#*.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

b64url_decode "$header" >"$work/header.json"
grep -q '"alg":"RS256"' "$work/header.json" || { echo "not an RS256 JWS" >&2; exit 1; }
cat "$work/header.json"; echo
# The signature covers the ASCII text "<header>.<payload>" exactly as it appears in the JWS.
printf '%s.%s' "$header" "$payload" >"$work/signed"
b64url_decode "$signature" >"$work/signature"
openssl dgst -sha256 -verify "$2" -signature "$work/signature" "$work/signed"
b64url_decode "$payload"; echo
