#!/usr/bin/env bash
# Imports the example articles in examples/inbox/ into the site at the
# repository's root. Safe to run again: articles already imported, and
# the edits made to them since, are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
briefing() { go run ./cmd/briefing "$@"; }

# Copied from a news site; the page gives no date or outlet.
briefing import --date 2021-11-10 examples/inbox/seed-article.txt

# Wikinews reports: each has a dateline; the address and licence come from
# wikinews.tsv. One dateline is wrong: GUM_news_imprisoned.txt says 7 May
# 2015, the date of the flag report, but the list the texts came with dates
# it 2 December 2011; its date: was corrected by hand after import, and a
# second run leaves it be.
while IFS=$'\t' read -r file url; do
  briefing import --outlet Wikinews --url "$url" --license "CC BY 2.5" "examples/inbox/$file"
done < examples/inbox/wikinews.tsv
