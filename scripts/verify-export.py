#!/usr/bin/env python3
"""Re-verify an EdgeStation ledger export without EdgeStation (docs/ledger.md, "Verifying").

usage: scripts/verify-export.py EXPORT.json [--expect-head SEQ:HASH]
exit: 0 intact, 1 tampered or not verifiable (first bad entry named), 2 usage or unreadable file.
"""
import hashlib
import json
import re
import sys

ZERO = "0" * 64
HEX64 = re.compile(r"[0-9a-f]{64}")
AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
SAFE_INT = 2**53 - 1  # I-JSON (RFC 7493): every JCS implementation writes these integers the same way
EXPORT_MEMBERS = {"station", "head", "redacted", "ledger"}
ENTRY_MEMBERS = {"seq", "recordId", "content", "contentDigest", "prevHash", "hash"}
# Members of an entry's content: name -> (type, required). Closed: any other member makes it invalid.
EVENT_MEMBERS = {
    "action": (str, True), "actor": (str, True), "at": (str, True), "fields": (dict, True),
    "note": (str, False), "recordId": (str, True), "refSeq": (int, False), "type": (str, True),
}


class Invalid(Exception):
    """The export breaks one of the rules; the message says which."""


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--expect-head"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    anchor = None
    if len(argv) == 4:
        anchor = parse_anchor(argv[3])
        if anchor is None:
            print(f"error: --expect-head must be SEQ:HASH as 'edgestation records anchor' prints it "
                  f"(a number, ':', 64 hex digits), got '{argv[3]}'; check the copy from the monthly report",
                  file=sys.stderr)
            return 2
    try:
        with open(argv[1], "rb") as f:
            export = strict_json(f.read().decode("utf-8"), allow_bool=True)
    except (OSError, UnicodeDecodeError) as e:
        print(f"error: cannot read {argv[1]}: {e}", file=sys.stderr)
        return 2
    except Invalid as e:
        print(f"error: {argv[1]} is not an EdgeStation export: {e}", file=sys.stderr)
        return 2
    if not isinstance(export, dict) or not isinstance(export.get("ledger"), list):
        print(f"error: {argv[1]} is not an EdgeStation export (no 'ledger' array)", file=sys.stderr)
        return 2
    try:
        head = verify(export, anchor)
    except Failed as f:
        print(f"TAMPERED: {f}", file=sys.stderr)
        return 1
    print(f"intact: {head[0]} entries, head {head[0]}:{head[1]}")
    return 0


class Failed(Exception):
    """A check failed: the export is not what the station wrote."""


def parse_anchor(text):
    seq, sep, digest = text.partition(":")
    if sep != ":" or not seq.isascii() or not seq.isdigit() or int(seq) < 1 or not HEX64.fullmatch(digest.lower()):
        return None
    return int(seq), digest.lower()


def verify(export, anchor):
    extra = sorted(set(export) - EXPORT_MEMBERS)
    if extra:
        raise Failed(f"the export has members that are not part of a verifiable export: {', '.join(extra)} "
                     f"(the ledger is its only content; re-export with the current edgestation)")
    redacted = export.get("redacted", False)
    if not isinstance(redacted, bool):
        raise Failed("'redacted' is not true or false")
    prev, seq, first = ZERO, 0, None
    for i, e in enumerate(export["ledger"], start=1):
        event = check_entry(i, e, prev, redacted)
        if i == 1:
            first = event
        prev, seq = e["hash"], i
    if anchor is not None:
        want_seq, want_hash = anchor
        if want_seq > seq:
            raise Failed(f"the ledger ends at entry {seq} but the anchor says it had at least {want_seq}: "
                         f"{want_seq - seq} entries are missing from the end")
        if export["ledger"][want_seq - 1]["hash"] != want_hash:
            raise Failed(f"entry {want_seq}: its hash differs from the anchor (history up to the anchor was rewritten)")
    if "head" in export and export["head"] != f"{seq}:{prev}":
        raise Failed(f"'head' says {export['head']!r} but the ledger ends at {seq}:{prev}")
    if "station" in export:
        check_station(export["station"], first)
    return seq, prev


def check_entry(i, e, prev, redacted):
    if not isinstance(e, dict):
        raise Failed(f"entry {i}: is not an object")
    if e.get("seq") != i or type(e.get("seq")) is not int:
        found = e.get("seq")
        if isinstance(found, int) and found < i:
            raise Failed(f"entry {found}: appears again or out of order after entry {i - 1}")
        raise Failed(f"entry {i} is missing (found {found!r} in its place)")
    extra = sorted(set(e) - ENTRY_MEMBERS)
    missing = sorted(ENTRY_MEMBERS - {"content"} - set(e))
    if extra or missing:
        raise Failed(f"entry {i}: members {', '.join(extra)} not expected, {', '.join(missing) or 'none'} missing")
    for key in ("contentDigest", "prevHash", "hash"):
        if not isinstance(e[key], str) or not HEX64.fullmatch(e[key]):
            raise Failed(f"entry {i}: {key} is not 64 lowercase hex digits")
    if not isinstance(e["recordId"], str):
        raise Failed(f"entry {i}: recordId is not a string")
    if redacted == ("content" in e):
        raise Failed(f"entry {i}: the export says redacted={str(redacted).lower()} but the entry "
                     f"{'has' if 'content' in e else 'lacks'} its content")
    event = None
    if "content" in e:
        if not isinstance(e["content"], str):
            raise Failed(f"entry {i}: content is not a string")
        if hashlib.sha256(e["content"].encode("utf-8", "surrogatepass")).hexdigest() != e["contentDigest"]:
            raise Failed(f"entry {i}: content was changed (its digest does not match)")
    if e["prevHash"] != prev:
        raise Failed(f"entry {i}: does not follow entry {i - 1} (its previous hash differs)")
    sealed = hashlib.sha256(i.to_bytes(8, "big") + bytes.fromhex(prev) + bytes.fromhex(e["contentDigest"])).hexdigest()
    if sealed != e["hash"]:
        raise Failed(f"entry {i}: its hash does not match its seq, previous hash and digest")
    if "content" in e:
        try:
            event = check_event(e["content"])
        except Invalid as why:
            raise Failed(f"entry {i}: content is not valid: {why}") from None
        if event["recordId"] != e["recordId"]:
            raise Failed(f"entry {i}: stored record id {e['recordId']!r} differs from the content's {event['recordId']!r}")
    return event


def check_event(content):
    """Check 5: a closed member set with the right types, integers in range, already canonical."""
    event = strict_json(content)
    if not isinstance(event, dict):
        raise Invalid("not a JSON object")
    for key, (kind, required) in EVENT_MEMBERS.items():
        if key not in event:
            if required:
                raise Invalid(f"'{key}' is missing")
        elif type(event[key]) is not kind:
            raise Invalid(f"'{key}' is not a {kind.__name__}")
    extra = sorted(set(event) - set(EVENT_MEMBERS))
    if extra:
        raise Invalid(f"unknown member(s) {', '.join(extra)}")
    if not AT.fullmatch(event["at"]):
        raise Invalid(f"'at' is not YYYY-MM-DDTHH:MM:SS.mmmZ: {event['at']!r}")
    for key, value in event["fields"].items():
        if type(value) not in (str, int):
            raise Invalid(f"field '{key}' is neither a string nor an integer")
    if canonical(event) != content:
        raise Invalid("not in canonical form (RFC 8785)")
    return event


def check_station(station, first):
    if not isinstance(station, dict):
        raise Failed("'station' is not an object")
    if first is None:
        return  # redacted: entry 1's content is not in the export, nothing to compare with
    if first["type"] != "station" or first["action"] != "init":
        raise Failed("entry 1: is not the station's init entry")
    fields = first["fields"]
    if station != {k: fields.get(k) for k in ("village", "startDate", "timeZone")}:
        raise Failed("'station' differs from entry 1 (the init entry that holds village, start date and time zone)")


def strict_json(text, allow_bool=False):
    """json.loads that refuses what the ledger never holds: null, true/false (unless allowed: the export's
    'redacted'), fractions, exponents, huge integers, NaN and duplicate keys."""
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise Invalid("a key appears twice in one object")
        return dict(pairs)

    def no_constant(name):
        raise Invalid(f"{name} is not allowed")

    def no_float(s):
        raise Invalid(f"{s} is not an integer")

    def checked_int(s):
        n = int(s)
        if abs(n) > SAFE_INT:
            raise Invalid(f"{s} is outside ±(2^53-1)")
        return n

    try:
        value = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constant,
                           parse_float=no_float, parse_int=checked_int)
    except ValueError as e:
        raise Invalid(f"not JSON: {e}") from None
    if contains_literal(value, allow_bool):
        raise Invalid("null is not allowed" if allow_bool else "null, true and false are not allowed")
    return value


def contains_literal(value, allow_bool):
    if value is None or (isinstance(value, bool) and not allow_bool):
        return True
    if isinstance(value, dict):
        return any(contains_literal(v, allow_bool) for v in value.values())
    if isinstance(value, list):
        return any(contains_literal(v, allow_bool) for v in value)
    return False


def canonical(value):
    """RFC 8785 for objects, strings and integers: keys sorted by their UTF-16 code units."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(canonical(k) + ":" + canonical(value[k]) for k in keys) + "}"
    if isinstance(value, str):
        return '"' + "".join(ESCAPES.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 else c) for c in value) + '"'
    if isinstance(value, int):
        return str(value)
    raise Invalid(f"{type(value).__name__} values do not occur in the ledger")


ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


if __name__ == "__main__":
    sys.exit(main(sys.argv))
