#!/usr/bin/env python3
"""Re-verify an EdgeStation ledger export without EdgeStation (docs/ledger.md).

usage: scripts/verify-export.py EXPORT.json [--expect-head SEQ:HASH]
exit: 0 intact, 1 tampered (first bad entry named), 2 usage or unreadable file.
"""
import hashlib
import json
import sys


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--expect-head"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            export = json.load(f)
        ledger = export["ledger"]
    except (OSError, ValueError, KeyError) as e:
        print(f"error: cannot read {argv[1]}: {e}", file=sys.stderr)
        return 2
    prev, seq = "0" * 64, 0
    for seq, e in enumerate(ledger, start=1):
        if e["seq"] != seq:
            return bad(seq, f"entry {seq} is missing (found {e['seq']})")
        if "content" in e:
            digest = hashlib.sha256(e["content"].encode("utf-8")).hexdigest()
            if digest != e["contentDigest"]:
                return bad(seq, "content was changed")
            canonical = json.dumps(json.loads(e["content"]), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            if canonical != e["content"]:
                return bad(seq, "content is not canonical")
        if e["prevHash"] != prev:
            return bad(seq, "does not follow the previous entry")
        h = hashlib.sha256(seq.to_bytes(8, "big") + bytes.fromhex(prev) + bytes.fromhex(e["contentDigest"])).hexdigest()
        if h != e["hash"]:
            return bad(seq, "hash does not match")
        prev = h
    if len(argv) == 4:
        want_seq, _, want_hash = argv[3].partition(":")
        hashes = {e["seq"]: e["hash"] for e in ledger}
        if int(want_seq) > seq:
            return bad(seq + 1, f"ledger ends at {seq}, anchor says {want_seq}")
        if hashes[int(want_seq)] != want_hash:
            return bad(int(want_seq), "differs from the anchor")
    print(f"intact: {seq} entries, head {seq}:{prev}")
    return 0


def bad(seq, why):
    print(f"TAMPERED: entry {seq}: {why}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
