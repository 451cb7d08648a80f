#!/usr/bin/env python3
"""Checks the hash chain of an Onix audit export (NDJSON), with Python's standard library only.

    python3 verify_audit_export.py history.ndjson [--filtered] [--checkpoint FILE]

Recomputes every entry's hash as docs/audit-chain.md specifies, checks that each entry links to the
one before it and that its display fields are the hashed ones. A whole export must run from position
1 without a gap; --filtered accepts an export filtered by user, type or time (gaps allowed, and only
consecutive positions are linked). Prints the head and exits 0, or names the first position that
does not hold and exits 1. --checkpoint FILE (a compact JWS kept from the service, its signature
checked with verify_audit_checkpoint.sh and openssl) also requires the export to reach the
checkpoint's position with the hash it signed: a history cut short or re-chained since fails.
"""
import base64
import hashlib
import json
import sys
from datetime import datetime, timezone

GENESIS = "0" * 64
FROM_ENTRY = ("position", "previousHash", "eventId", "aggregateId", "sequence")
# The audit history's type of each stable name (docs/events.md); an event stored before stable
# names has its class name as payload type, whose last segment is its type.
HISTORY_TYPES = {
    "twofactor.organization.registered": "OrganizationRegistered",
    "twofactor.policy.enabled": "PolicyEnabled",
    "twofactor.policy.disabled": "PolicyDisabled",
    "twofactor.email-codes.allowed": "EmailCodesAllowed",
    "twofactor.email-codes.disallowed": "EmailCodesDisallowed",
    "twofactor.user.registered": "UserRegistered",
    "twofactor.user.sign-in-method-changed": "SignInMethodChanged",
    "twofactor.enrollment.started": "TwoFactorSetupStarted",
    "twofactor.enrollment.completed": "TwoFactorSetupCompleted",
    "twofactor.enrollment.reset": "TwoFactorReset",
    "twofactor.verification.succeeded": "SecondFactorVerified",
    "twofactor.verification.rejected": "SecondFactorRejected",
    "twofactor.lockout.locked": "TwoFactorLocked",
    "twofactor.lockout.unlocked": "TwoFactorUnlocked",
    "twofactor.access-code.issued": "AccessCodeIssued",
    "twofactor.access-code.revoked": "AccessCodeRevoked",
    "twofactor.access-code.redeemed": "AccessCodeRedeemed",
    "twofactor.email-code.sent": "EmailCodeSent",
    "twofactor.email-code.undeliverable": "EmailCodeUndeliverable",
}


def link_hash(entry):
    members = dict(entry["stored"])
    for name in FROM_ENTRY:
        members[name] = entry[name]
    text = json.dumps(members, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def instant(text):
    """An ISO-8601 UTC instant ending in Z, with 0 to 9 fractional digits, to the microsecond."""
    whole, _, fraction = text.rstrip("Z").partition(".")
    moment = datetime.strptime(whole, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    return moment.replace(microsecond=int((fraction + "000000")[:6]))


def display_problem(entry):
    stored = entry["stored"]
    meta = json.loads(stored["metaData"])
    roles = meta.get("actorRoles") or ""
    if instant(entry["occurredAt"]) != instant(stored["timestamp"]):
        return "occurredAt is not the stored timestamp"
    if entry["actor"]["id"] != meta.get("actorId"):
        return "actor.id is not the stored actorId"
    if entry["actor"]["roles"] != ([r for r in roles.split(",")] if roles.strip() else []):
        return "actor.roles are not the stored actorRoles"
    if entry.get("correlationId") != meta.get("correlationId"):
        return "correlationId is not the stored one"
    payload_type = stored["payloadType"]
    shown = HISTORY_TYPES.get(payload_type, payload_type.rsplit(".", 1)[-1])
    if entry["type"] != shown:
        return "type is not the stored payload type"
    return None


def checkpoint_claims(path):
    with open(path, encoding="ascii") as kept:
        payload = kept.read().strip().split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def verify(lines, filtered, checkpoint=None):
    previous = None
    count = 0
    signed_seen = checkpoint is None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        entry = json.loads(line)
        position = entry["position"]
        count += 1
        if previous is None and not filtered and position != 1:
            return f"position {position}: the export does not start at position 1"
        if previous is not None and not filtered and position != previous["position"] + 1:
            return f"position {position}: position {previous['position'] + 1} is missing"
        if position == 1 and entry["previousHash"] != GENESIS:
            return "position 1: previousHash is not 64 zeros"
        if (
            previous is not None
            and position == previous["position"] + 1
            and entry["previousHash"] != previous["hash"]
        ):
            return f"position {position}: previousHash is not the hash of position {position - 1}"
        if link_hash(entry) != entry["hash"]:
            return f"position {position} (event {entry['eventId']}): the hash does not match"
        problem = display_problem(entry)
        if problem:
            return f"position {position} (event {entry['eventId']}): {problem}"
        if checkpoint is not None and position == checkpoint["position"]:
            if entry["hash"] != checkpoint["hash"]:
                return (
                    f"position {position}: not the hash the checkpoint of {checkpoint['time']}"
                    " signed: the history was rewritten and re-chained"
                )
            signed_seen = True
        previous = entry
    if previous is None:
        return "the export holds no entry"
    if not signed_seen:
        return (
            f"position {checkpoint['position']}: the export ends at {previous['position']}, but"
            f" the checkpoint of {checkpoint['time']} signed position {checkpoint['position']}:"
            " the history was cut short"
        )
    print(f"OK: {count} entries, positions up to {previous['position']}, head {previous['hash']}")
    return None


def main(argv):
    args = [a for a in argv[1:] if a != "--filtered"]
    checkpoint = None
    if "--checkpoint" in args:
        at = args.index("--checkpoint")
        if at + 1 >= len(args):
            print(__doc__, file=sys.stderr)
            return 2
        checkpoint = checkpoint_claims(args[at + 1])
        del args[at : at + 2]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as export:
        problem = verify(export, "--filtered" in argv, checkpoint)
    if problem:
        print("MISMATCH: " + problem)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
