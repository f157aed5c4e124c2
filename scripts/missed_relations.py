#!/usr/bin/env python3
"""Shows each relation the demo eval misses (or finds spuriously) beside the sentences that name
both of its ends, so a rule writer sees what the text says instead of guessing.

    python3 scripts/missed_relations.py [--nexus target/release/nexus] [--spurious] [--predicate P] [DOC-PREFIX...]

It runs `nexus eval --json`, `nexus extract --json` and a throw-away store (for the clean text);
sentences are split crudely here (this is a reading aid, not the extractor's splitter).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile


def run(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return out.stdout


def sentences(text):
    start = 0
    for m in re.finditer(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“(¿¡]?[A-ZÁÉÍÓÚÑÇÂÊÔÃÕ0-9])|\n\s*\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nexus", default="target/release/nexus")
    ap.add_argument("--gold", default="corpus/gold")
    ap.add_argument("--docs", default="corpus/demo")
    ap.add_argument("--spurious", action="store_true", help="show spurious relations instead of missed")
    ap.add_argument("--predicate", action="append", default=[])
    ap.add_argument("prefixes", nargs="*")
    a = ap.parse_args()
    report = json.loads(run([a.nexus, "eval", "--gold", a.gold, "--docs", a.docs, "--json"]))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "m.db")
        subprocess.run([a.nexus, "--db", db, "ingest", a.docs], check=True, capture_output=True)
        listing = json.loads(run([a.nexus, "--db", db, "docs", "--json"]))
        ids = {os.path.basename(d["source"]): d["id"] for d in listing}
        kind = "spurious" if a.spurious else "missed"
        for doc in report["documents"]:
            name = doc["doc"]
            if a.prefixes and not any(name.startswith(p) for p in a.prefixes):
                continue
            rels = [m[len("relation "):] for m in doc[kind] if m.startswith("relation ")]
            if a.predicate:
                rels = [r for r in rels if any(f" {p} " in r for p in a.predicate)]
            if not rels or name not in ids:
                continue
            text = run([a.nexus, "--db", db, "doc", ids[name], "--text"])
            ex = json.loads(run([a.nexus, "extract", os.path.join(a.docs, name), "--json"]).splitlines()[0])
            # The extractor's offsets are UTF-8 bytes; Python slices characters.
            char_at = {}
            b = 0
            for i, ch in enumerate(text):
                char_at[b] = i
                b += len(ch.encode())
            char_at[b] = len(text)
            spans = {}
            for e in ex["entities"]:
                spans.setdefault(e["name"], []).extend((char_at.get(m["start"], 0), char_at.get(m["end"], 0)) for m in e["mentions"])
            # Gold names an entity by its own choice of name ("PCC"); its surfaces say which
            # extracted mentions are that entity, whatever name the extractor gave it.
            gold_path = os.path.join(a.gold, os.path.splitext(name)[0] + ".json")
            if os.path.exists(gold_path):
                with open(gold_path, encoding="utf-8") as f:
                    gold = json.load(f)
                mentions = [(m["text"].casefold(), m["start"], m["end"]) for e in ex["entities"] for m in e["mentions"]]
                for g in gold.get("entities", []):
                    surfaces = {s.casefold() for s in g.get("surface", [])} | {g["name"].casefold()}
                    found = [(char_at.get(s, 0), char_at.get(e, 0)) for t, s, e in mentions if t in surfaces]
                    if found and g["name"] not in spans:
                        spans[g["name"]] = found
            sents = list(sentences(text))
            print(f"=== {name}")
            for rel in rels:
                print(f"  {kind}: {rel}")
                names = sorted((n for n in spans if rel.startswith(n + " ") or rel.endswith(" " + n)), key=len, reverse=True)
                subj = next((n for n in names if rel.startswith(n + " ")), None)
                obj = next((n for n in names if rel.endswith(" " + n)), None)
                if not subj or not obj:
                    print(f"      (not extracted as entities: {'subject' if not subj else 'object'})")
                    continue
                both = [(s, e) for s, e in sents if any(s <= x < e for x, _ in spans[subj]) and any(s <= x < e for x, _ in spans[obj])]
                if both:
                    for s, e in both[:3]:
                        print("      > " + " ".join(text[s:e].split()))
                else:
                    obj_sents = [(s, e) for s, e in sents if any(s <= x < e for x, _ in spans[obj])]
                    print("      (no sentence names both; object in:)")
                    for s, e in obj_sents[:2]:
                        print("      ~ " + " ".join(text[s:e].split()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
