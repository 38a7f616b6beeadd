#!/bin/sh
# Meta-evaluation of sumbench's ROUGE against SummEval's expert judgments:
# scores each of the 16 systems of shared/corpora/summeval-cnndm into its own
# run directory, adds ROUGE-1.5.5 scores (`sumbench rouge --mode rouge155`,
# SummEval's -m stemming and -f A multi-reference rule) as a scores.csv, and
# runs `sumbench meta` over all of them.
#
#   scripts/summeval_meta.sh [DATA_DIR] [WORK_DIR] [SUMBENCH]
#
# DATA_DIR: a folder laid out like shared/corpora [default: $SUMBENCH_DATA,
# else ../shared/corpora]; WORK_DIR [default: results/summeval-meta];
# SUMBENCH: the binary [default: target/release/sumbench]. Needs python3.
set -eu
DATA=${1:-${SUMBENCH_DATA:-../shared/corpora}}/summeval-cnndm
WORK=${2:-results/summeval-meta}
SUMBENCH=${3:-target/release/sumbench}
HERE=$(dirname "$0")

python3 "$HERE/summeval_prepare.py" split "$DATA/system_outputs.jsonl" "$WORK/summaries"
for file in "$WORK"/summaries/*.jsonl; do
    system=$(basename "$file" .jsonl)
    rm -rf "$WORK/runs/$system"
    "$SUMBENCH" score --quiet --system "$system" --summaries "$file" \
        --corpus "$DATA/documents.jsonl" --out "$WORK/runs/$system" > /dev/null
done
python3 "$HERE/summeval_prepare.py" rouge155-input "$DATA/system_outputs.jsonl" "$DATA/documents.jsonl" \
    "$WORK/rouge155_input.jsonl"
"$SUMBENCH" rouge --mode rouge155 --stem --multi-ref a --metrics rouge1,rouge2,rougeL \
    "$WORK/rouge155_input.jsonl" > "$WORK/rouge155_output.jsonl"
python3 "$HERE/summeval_prepare.py" rouge155-csv "$WORK/rouge155_output.jsonl" -155 "$WORK/rouge155_scores.csv"
"$SUMBENCH" meta --judgments "$DATA/system_outputs.jsonl" --out "$WORK/meta" \
    "$WORK"/runs/* "$WORK/rouge155_scores.csv"
