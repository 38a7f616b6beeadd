"""Writes the parquet fixtures of tests/data/parquet/ (see tests/data/README.md).

Run with pyarrow (26.0.1 made the committed files):
    python3 -m venv /tmp/pa && /tmp/pa/bin/pip install pyarrow
    /tmp/pa/bin/python tests/data/parquet/make.py
"""
import json
import os

import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))

# Four short news-like documents; CNN/DailyMail's layout: `id`, `article`,
# `highlights` (one string, highlights separated by newlines).
DOCS = [
    ("a1", "Heavy rain fell across the valley on Monday. The river rose over its banks overnight. "
           "Hundreds of residents were moved to a school gym. Officials said the water would fall by Friday.",
     "The river flooded after heavy rain.\nResidents were moved to a school gym."),
    ("a2", "Markets opened lower on Tuesday. Shares in the bank fell sharply after its report. "
           "The report showed losses on property loans. Analysts expect more cuts this year.",
     "Bank shares fell after a report of losses.\nAnalysts expect more cuts."),
    ("a3", "The city council approved a new bicycle lane. The lane will run along the harbour road. "
           "Work starts in spring and should end by autumn. Cyclists groups welcomed the plan.",
     "A new bicycle lane was approved.\nWork starts in spring."),
    ("a4", "A rare bird was seen in the park last week. Birdwatchers came from far away to see it. "
           "The bird usually lives much further south. Experts think a storm blew it off course.",
     "A rare bird was seen in the park.\nA storm may have blown it north."),
]


def write(name, table, **kwargs):
    pq.write_table(table, os.path.join(HERE, name), **kwargs)


def main():
    ids = [d[0] for d in DOCS]
    texts = [d[1] for d in DOCS]
    highlights = [d[2] for d in DOCS]
    titles = ["Flood", None, "Bicycle lane", ""]

    # Utf8 columns, two rows per row group (so reading crosses row groups), snappy.
    news = pa.table({
        "id": pa.array(ids, pa.string()),
        "article": pa.array(texts, pa.string()),
        "highlights": pa.array(highlights, pa.string()),
        "title": pa.array(titles, pa.string()),
    })
    write("news.parquet", news, row_group_size=2, compression="snappy")
    # The same documents as JSONL, for the run-equality test.
    with open(os.path.join(HERE, "news.jsonl"), "w") as out:
        for i, (id_, text, ref) in enumerate(DOCS):
            line = {"id": id_, "article": text, "highlights": ref}
            if titles[i]:
                line["title"] = titles[i]
            out.write(json.dumps(line) + "\n")

    # LargeUtf8 columns, zstd.
    large = pa.table({
        "id": pa.array(ids, pa.large_string()),
        "article": pa.array(texts, pa.large_string()),
        "highlights": pa.array(highlights, pa.large_string()),
    })
    write("large_utf8.parquet", large, compression="zstd")

    # Integer ids and a list<string> reference column; then large_list<large_string>.
    refs = [h.split("\n") for h in highlights]
    lists = pa.table({
        "id": pa.array([7, 8, 9, 10], pa.int64()),
        "text": pa.array(texts, pa.string()),
        "references": pa.array(refs, pa.list_(pa.string())),
    })
    write("list_refs.parquet", lists, compression="zstd")
    large_lists = pa.table({
        "id": pa.array([7, 8, 9, 10], pa.int32()),
        "text": pa.array(texts, pa.string()),
        "references": pa.array(refs, pa.large_list(pa.large_string())),
    })
    write("large_list_refs.parquet", large_lists, compression="snappy")

    # No id column (as XSum-like hub datasets without ids): rows are numbered.
    no_ids = pa.table({
        "document": pa.array(texts, pa.string()),
        "summary": pa.array([h.split("\n")[0] for h in highlights], pa.string()),
    })
    write("no_ids.parquet", no_ids, row_group_size=3, compression="snappy")

    # A null text in row 3.
    nulls = pa.table({
        "id": pa.array(ids, pa.string()),
        "text": pa.array([texts[0], texts[1], None, texts[3]], pa.string()),
        "references": pa.array(refs, pa.list_(pa.string())),
    })
    write("null_text.parquet", nulls, row_group_size=2)

    # A null element in a reference list, row 2.
    null_ref = pa.table({
        "id": pa.array(ids[:2], pa.string()),
        "text": pa.array(texts[:2], pa.string()),
        "references": pa.array([refs[0], [refs[1][0], None]], pa.list_(pa.string())),
    })
    write("null_reference.parquet", null_ref)

    # The text column holds integers.
    wrong = pa.table({
        "id": pa.array(ids, pa.string()),
        "text": pa.array([1, 2, 3, 4], pa.int64()),
    })
    write("wrong_type.parquet", wrong)

    # A truncated file: the footer is cut off.
    with open(os.path.join(HERE, "news.parquet"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "corrupt.parquet"), "wb") as f:
        f.write(data[: len(data) // 2])


if __name__ == "__main__":
    main()
