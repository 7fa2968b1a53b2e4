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

WORDS_EN = (
    "supply chain resilience semiconductor cooperation investment screening critical minerals digital "
    "infrastructure energy transition talent trusted partners third countries economic coercion "
    "working group agreement standards data exchange security technology trade research"
).split()
WORDS_ZH = list("供應鏈韌性半導體合作投資審查關鍵礦物數位基礎建設能源轉型人才可信賴夥伴第三國經濟脅迫工作小組協定標準資料交流安全科技貿易研究")

PARTNERS = [("us", "United States", "美國"), ("eu", "European Union", "歐盟"), ("uk", "United Kingdom", "英國"), ("jp", "Japan", "日本")]


def en(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS_EN) for _ in range(n)).capitalize()


def zh(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS_ZH) for _ in range(n))


def text(rng: random.Random, n_en: int, n_zh: int, indent: str) -> str:
    return f"\n{indent}  en: >-\n{indent}    {en(rng, n_en)}.\n{indent}  zh: {zh(rng, n_zh)}。"


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
    body += "topics:\n" + "".join(
        f"  - id: {t}\n    name: {{en: {en(rng, 3)} {i}, zh: {zh(rng, 4)}{i}}}\n    theme: {themes[i % 12]}\n    aliases: [{en(rng, 1).lower()} {i}]\n"
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
            lines.append(f"  - topic: {t}\n    label: {{en: {en(rng, 3)}, zh: {zh(rng, 4)}}}\n    sources: {cite}\n    outcomes:")
            for o in range(rng.randint(1, 3)):
                lines.append(f"      - id: o{o}-{t}\n        text:{text(rng, 25, 40, '        ')}\n        sources: {cite}")
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
