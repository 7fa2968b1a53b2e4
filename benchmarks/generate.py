"""Write a synthetic data folder of N rounds that validates cleanly.

It looks like the shipped data in shape and size: 100 dialogues over four
partners, a taxonomy of 60 topics under 12 themes, about seven topics per round
with one to three outcomes each, several participants, one to three sources,
bilingual texts, some commitments followed up by later rounds.

    python benchmarks/generate.py --rounds 10000 /tmp/data-10k
"""

from __future__ import annotations

import argparse
import os
import random
import shutil

# Topic phrases like the real taxonomy's; "supply" occurs in a few of them, as in the real data.
PHRASES = (
    "supply chain resilience", "critical minerals", "drone supply chain", "AI supply chain", "semiconductor talent",
    "digital infrastructure", "digital trade", "data economy", "blockchain", "cybersecurity certification",
    "economic coercion", "energy transition", "offshore wind", "investment screening", "double taxation",
    "trade facilitation", "good regulatory practice", "anticorruption", "small and medium enterprises", "labour",
    "environment", "agriculture", "standards", "state-owned enterprises", "third-country cooperation",
    "infrastructure cooperation", "women's economic empowerment", "global health security", "transportation",
    "information sharing", "science and technology", "online platforms", "e-government", "startups", "industry",
)
# A filler vocabulary of made-up words, so that searches match only what they should.
SYLLABLES = "ka lo mi ne ru ta vo se di pa ko lu fe ri mo na be ti zu ga".split()
WORDS_ZH = list("的合作雙方同意推動強化交流發展建立共同夥伴關係機制計畫領域相關持續深化促進提升")


def filler(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(n)]


PARTNERS = [("us", "United States", "美國"), ("eu", "European Union", "歐盟"), ("uk", "United Kingdom", "英國"), ("jp", "Japan", "日本")]


def en(rng: random.Random, n: int, phrase: str = "") -> str:
    words = filler(rng, n)
    if phrase:
        words.insert(rng.randrange(len(words) + 1), phrase)
    return " ".join(words).capitalize()


def zh(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS_ZH) for _ in range(n))


def text(rng: random.Random, n_en: int, n_zh: int, indent: str, phrase: str = "") -> str:
    return f"\n{indent}  en: >-\n{indent}    {en(rng, n_en, phrase)}.\n{indent}  zh: {zh(rng, n_zh)}。"


def write(path: str, body: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body)


def generate(rounds: int, out: str, seed: int = 1) -> None:
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    for sub in ("dialogues", "rounds", "documents"):
        os.makedirs(os.path.join(out, sub))
    write(os.path.join(out, "partners.yaml"), "partners:\n" + "".join(
        f"  - id: {pid}\n    name: {{en: {name}, zh: {zname}}}\n" for pid, name, zname in PARTNERS))
    themes = [f"theme-{i}" for i in range(12)]
    topics = [f"topic-{i}" for i in range(60)]
    body = "themes:\n" + "".join(f"  - id: {t}\n    name: {{en: {en(rng, 2)}, zh: {zh(rng, 3)}}}\n" for t in themes)
    phrase_of = {t: PHRASES[i % len(PHRASES)] for i, t in enumerate(topics)}
    body += "topics:\n" + "".join(
        f"  - id: {t}\n    name: {{en: \"{phrase_of[t].capitalize()} {i}\", zh: {zh(rng, 4)}{i}}}\n    theme: {themes[i % 12]}\n    aliases: [{filler(rng, 1)[0]} {i}]\n"
        for i, t in enumerate(topics))
    write(os.path.join(out, "topics.yaml"), body)
    people = [f"person-{i}" for i in range(600)]
    write(os.path.join(out, "people.yaml"), "people:\n" + "".join(
        f"  - id: {p}\n    name: {{en: {en(rng, 2)}, zh: {zh(rng, 3)}}}\n" for p in people))
    dialogues = [f"d{i:03d}" for i in range(100)]
    for i, d in enumerate(dialogues):
        write(os.path.join(out, "dialogues", f"{d}.yaml"), (
            f"id: {d}\nname:{text(rng, 6, 8, '')}\nshort: {{en: D{i:03d}}}\npartner: {PARTNERS[i % 4][0]}\n"
            f"kind: government-dialogue\nsources:\n  - id: s1\n    publisher: {{en: Example Agency}}\n"
            f"    url: https://example.org/{d}\nlast_verified: 2026-01-01\n"))
    per_dialogue = {d: 0 for d in dialogues}
    for n in range(rounds):
        d = dialogues[n % len(dialogues)]
        per_dialogue[d] += 1
        number = per_dialogue[d]
        year = 1990 + number // 4
        month = 1 + (number % 4) * 3
        rid = f"{d}-{number}"
        lines = [f"id: {rid}", f"dialogue: {d}", f"round: {number}", f"date: {year}-{month:02d}-{rng.randint(1, 28):02d}",
                 f"format: {rng.choice(['in-person', 'virtual', 'hybrid'])}",
                 f"venues:\n  - {{en: {en(rng, 1)} City, zh: {zh(rng, 2)}市}}", "participants:"]
        n_sources = rng.randint(1, 3)
        cite = "[" + ", ".join(f"s{k}" for k in range(1, n_sources + 1)) + "]"
        for k in range(rng.randint(4, 8)):
            lines.append(f"  - person: {rng.choice(people)}\n    side: {'taiwan' if k % 2 else 'partner'}\n"
                         f"    role: {'lead' if k < 2 else 'participant'}\n    title: {{en: {en(rng, 4)}, zh: {zh(rng, 6)}}}\n"
                         f"    sources: {cite}")
        lines.append("topics:")
        for t in rng.sample(topics, rng.randint(5, 9)):
            lines.append(f"  - topic: {t}\n    label: {{en: \"{en(rng, 1, phrase_of[t])}\", zh: {zh(rng, 4)}}}\n    sources: {cite}\n    outcomes:")
            for o in range(rng.randint(1, 3)):
                lines.append(f"      - id: o{o}-{t}\n        text:{text(rng, 22, 40, '        ', phrase_of[t])}\n        sources: {cite}")
                if number > 1 and o == 0 and rng.random() < 0.1:
                    lines.append(f"        follows_up: [{d}-{number - 1}/promise]")
        lines.append(f"  - topic: {topics[59]}\n    headline: false\n    outcomes:\n"
                     f"      - id: promise\n        text:{text(rng, 12, 20, '        ')}\n        commitment: {{status: announced}}\n        sources: {cite}")
        lines.append("notes:")
        for _ in range(rng.randint(1, 3)):
            lines.append(f"  - text:{text(rng, 20, 30, '      ')}\n    sources: {cite}")
        lines.append("sources:")
        for k in range(1, n_sources + 1):
            lines.append(f"  - id: s{k}\n    publisher: {{en: {en(rng, 2)} News, zh: {zh(rng, 3)}新聞}}\n"
                         f"    url: https://example.org/{rid}/{k}\n    title: {{en: {en(rng, 8)}}}\n    date: {year}-{month:02d}\n"
                         f"    language: {rng.choice(['en', 'zh'])}")
        lines.append("last_verified: 2026-01-01")
        write(os.path.join(out, "rounds", f"{rid}.yaml"), "\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, required=True, help="number of rounds to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("out", help="folder to write (replaced if it exists)")
    args = parser.parse_args()
    generate(args.rounds, args.out, args.seed)


if __name__ == "__main__":
    main()
