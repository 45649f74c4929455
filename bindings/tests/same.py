#!/usr/bin/env python3
"""same.py FACE OUT_DIR REF_DIR: every file of REF_DIR (the core's own answers) must have a
byte-identical twin in OUT_DIR (what the binding answered); at least 32 (the acceptance cases)."""
import os
import sys

face, out, ref = sys.argv[1:4]
names = sorted(os.listdir(ref))
if len(names) < 32:
    sys.exit(f"{face}: expected the core's reports for every acceptance case in {ref}, found {len(names)}")
bad = []
for n in names:
    want = open(os.path.join(ref, n), "rb").read()
    try:
        have = open(os.path.join(out, n), "rb").read()
    except OSError as e:
        bad.append(f"{n}: no answer ({e})")
        continue
    if have != want:
        i = next((i for i, (a, b) in enumerate(zip(have, want)) if a != b), min(len(have), len(want)))
        bad.append(f"{n}: differs from the core at byte {i}: {have[max(0, i - 40):i + 40]!r} vs {want[max(0, i - 40):i + 40]!r}")
if bad:
    print(f"{face}: {len(bad)} of {len(names)} answers differ from the core:", *bad, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"{face}: {len(names)} acceptance cases, every report byte-identical to the core's")
