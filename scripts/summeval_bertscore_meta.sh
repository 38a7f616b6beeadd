#!/bin/sh
# Does BERTScore agree with SummEval's expert judgments better than ROUGE-1?
# Scores SummEval's 16 systems with rouge1 and bertscore (all-MiniLM-L6-v2,
# layer 6, no IDF) in one `sumbench score`, then runs `sumbench meta` over it.
#
#   scripts/summeval_bertscore_meta.sh MODEL_DIR [DATA_DIR] [WORK_DIR] [SUMBENCH]
#
# MODEL_DIR: a sentence-transformers folder (sh ../shared/models/fetch_minilm.sh DIR);
# DATA_DIR: a folder laid out like shared/corpora [default: $SUMBENCH_DATA, else
# ../shared/corpora]; WORK_DIR [default: results/summeval-bertscore]; SUMBENCH: a
# binary built with the models feature [default: target/release/sumbench].
set -eu
MODEL=${1:?usage: summeval_bertscore_meta.sh MODEL_DIR [DATA_DIR] [WORK_DIR] [SUMBENCH]}
DATA=${2:-${SUMBENCH_DATA:-../shared/corpora}}/summeval-cnndm
WORK=${3:-results/summeval-bertscore}
SUMBENCH=${4:-target/release/sumbench}

rm -rf "$WORK/score"
"$SUMBENCH" score --quiet --summaries "$DATA/system_outputs.jsonl" --corpus "$DATA/documents.jsonl" \
    --metrics rouge1,bertscore --model "$MODEL" --out "$WORK/score" > /dev/null
"$SUMBENCH" meta --judgments "$DATA/system_outputs.jsonl" --metrics rouge1,bertscore \
    --out "$WORK/meta" "$WORK/score"
