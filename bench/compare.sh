#!/usr/bin/env bash
# compare.sh builds one synthetic corpus with briefing and with Hugo, in
# alternating runs on this machine, and prints median wall time, CPU time
# (user + system) and peak memory of each whole process. Times from one
# machine mean little on another; the ratios are what to compare.
#
#   bash bench/compare.sh [-n 10000] [-runs 5] [-seed 42] [-hugo PATH] [-peer DIR] [-nohugo] [-keep]
#   HUGO=/path/to/hugo bash bench/compare.sh -n 10000
#
# The Hugo binary is -hugo PATH, else $HUGO, else the hugo on PATH. Each
# round also copies briefing's output with cp -r into a new folder: the
# copy floor, what writing those files costs this disk with no rendering
# at all.
#
# -peer is the Hugo site with the same taxonomies (default: ../shared/bench/hugo-peer
# beside the repository); Hugo is skipped, with a message, when it or the
# hugo binary is missing. -nohugo times briefing alone, e.g. for scaling:
#   bash bench/compare.sh -n 100000 -runs 1 -nohugo
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=10000
runs=5
seed=42
hugo="${HUGO:-}"
peer="$root/../shared/bench/hugo-peer"
nohugo=0
keep=0

usage() {
	echo "usage: bash bench/compare.sh [-n 10000] [-runs 5] [-seed 42] [-hugo PATH] [-peer DIR] [-nohugo] [-keep]" >&2
	exit 2
}
while [ $# -gt 0 ]; do
	case "$1" in
	-n) n=${2:?-n needs a number}; shift 2 ;;
	-runs) runs=${2:?-runs needs a number}; shift 2 ;;
	-seed) seed=${2:?-seed needs a number}; shift 2 ;;
	-hugo) hugo=${2:?-hugo needs a path}; shift 2 ;;
	-peer) peer=${2:?-peer needs a folder}; shift 2 ;;
	-nohugo) nohugo=1; shift ;;
	-keep) keep=1; shift ;;
	-h | -help | --help) usage ;;
	*) echo "error: unknown argument $1" >&2; usage ;;
	esac
done
case "$n$runs$seed" in *[!0-9]*) echo "error: -n, -runs and -seed take whole numbers" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] || { echo "error: -runs must be at least 1" >&2; exit 2; }

if [ ! -x /usr/bin/time ]; then
	echo "error: /usr/bin/time is missing; install it with: apt-get install time" >&2
	exit 1
fi

if [ "$nohugo" = 1 ]; then
	hugo=""
else
	if [ -z "$hugo" ]; then
		hugo=$(command -v hugo || true)
	fi
	if [ -z "$hugo" ] || [ ! -x "$hugo" ]; then
		echo "note: no hugo binary${hugo:+ at $hugo} (go install github.com/gohugoio/hugo@latest, or apt-get install hugo; then -hugo PATH or HUGO=PATH): timing briefing alone" >&2
		hugo=""
	elif [ ! -f "$peer/hugo.yaml" ]; then
		echo "note: no Hugo peer site at $peer (pass -peer DIR): timing briefing alone" >&2
		hugo=""
	fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/briefing-compare.XXXXXX")
if [ "$keep" = 1 ]; then
	echo "keeping $tmp" >&2
else
	trap 'rm -rf "$tmp"' EXIT
fi

cd "$root"
go build -o "$tmp/briefing" ./cmd/briefing
# The commit built, taken now: a commit made during a long run must not
# relabel it.
built_rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || true)
[ -z "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ] || built_rev="$built_rev+changes"
go build -o "$tmp/gencorpus" ./internal/corpus/cmd/gencorpus

start=$(date +%s.%N)
"$tmp/gencorpus" -n "$n" -seed "$seed" "$tmp/bsite"
tools=(briefing)
floor=(cp)
if [ -n "$hugo" ]; then
	# The same articles, plus the events: list Hugo's events taxonomy reads.
	"$tmp/gencorpus" -n "$n" -seed "$seed" -hugo "$tmp/hcorpus"
	cp -r "$peer" "$tmp/hsite"
	chmod -R u+w "$tmp/hsite"
	mkdir -p "$tmp/hsite/content"
	mv "$tmp/hcorpus/content/articles" "$tmp/hsite/content/articles"
	tools+=(hugo)
fi
corpus_mb=$(du -sb "$tmp/bsite/content" | awk '{printf "%.1f", $1 / 1e6}')
awk -v n="$n" -v mb="$corpus_mb" -v t0="$start" -v t1="$(date +%s.%N)" \
	'BEGIN { printf "corpus: %d articles, %s MB of Markdown, written in %.1f s\n", n, mb, t1 - t0 }'

# run TOOL I: one timed build into a new output folder. Old outputs are
# removed only after the last run: on this kind of VM (ext4 mounted with
# discard) deleting 10,000 folders keeps the disk busy for many seconds,
# which slowed whichever build came next by up to half. sync first, so
# one run's writes are not flushed during the next.
run() {
	local tool=$1 i=$2 out="$tmp/out-$1-$2"
	sync
	local cmd
	case "$tool" in
	briefing) cmd=("$tmp/briefing" build -s "$tmp/bsite" -d "$out") ;;
	hugo) cmd=("$hugo" --quiet -s "$tmp/hsite" -d "$out") ;;
	cp) cmd=(cp -r "$tmp/out-briefing-$i" "$out") ;;
	esac
	if ! /usr/bin/time -v -o "$tmp/time-$tool-$i" "${cmd[@]}" >"$tmp/log-$tool-$i" 2>&1; then
		echo "error: $tool run $i failed:" >&2
		cat "$tmp/log-$tool-$i" "$tmp/time-$tool-$i" >&2
		exit 1
	fi
	awk -F': ' '
		/User time \(seconds\)/ { cpu += $2 }
		/System time \(seconds\)/ { cpu += $2 }
		/Elapsed \(wall clock\)/ { k = split($2, p, ":"); s = 0; for (j = 1; j <= k; j++) s = s * 60 + p[j] }
		/Maximum resident set size/ { rss = $2 * 1024 / 1e6 }
		END { printf "%.3f %.3f %.1f ", s, cpu, rss }
	' "$tmp/time-$tool-$i" >>"$tmp/runs-$tool"
	find "$out" -type f -printf '%s\n' | awk '{ b += $1 } END { printf "%d %.1f\n", NR, b / 1e6 }' >>"$tmp/runs-$tool"
	printf '  run %d %-8s %s' "$i" "$tool" "$(tail -n 1 "$tmp/runs-$tool")"
	echo " (wall s, CPU s, peak RSS MB, files, MB written)"
}

echo "alternating $runs run(s) of: ${tools[*]} ${floor[*]}"
for i in $(seq 1 "$runs"); do
	for tool in "${tools[@]}" "${floor[@]}"; do
		run "$tool" "$i"
	done
done

median() { # column N of a runs file
	awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); printf "%.2f", (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }'
}

version() {
	case "$1" in
	briefing) # its version, and the commit it was built from (go version -m, else git)
		local v rev
		v=$("$tmp/briefing" version | awk '{ print $2 }')
		rev=$(go version -m "$tmp/briefing" | awk '$2 == "vcs.revision" { print substr($3, 1, 7) }')
		[ -n "$rev" ] || rev=$built_rev
		echo "$v${rev:+ at $rev}" ;;
	hugo) "$hugo" version | awk '{ print $2 }' ;;
	cp) cp --version | awk 'NR == 1 { print "GNU coreutils " $NF }' ;;
	esac
}

echo
echo "$n articles, $runs run(s) each, $(nproc) cores, $(go env GOVERSION)"
[ -z "$hugo" ] || echo "hugo version: $("$hugo" version)"
fmt='%-9s %-32s %8s %8s %12s %8s %11s\n'
printf "$fmt" tool version "wall s" "CPU s" "peak RSS MB" files "MB written"
for tool in "${tools[@]}" "${floor[@]}"; do
	f="$tmp/runs-$tool"
	printf "$fmt" "$tool" "$(version "$tool")" "$(median "$f" 1)" "$(median "$f" 2)" "$(median "$f" 3)" \
		"$(tail -n 1 "$f" | awk '{ print $4 }')" "$(tail -n 1 "$f" | awk '{ print $5 }')"
done
# ratio A B: briefing's medians over another's, column by column.
ratio() {
	awk -v bt="$(median "$tmp/runs-$1" 1)" -v ot="$(median "$tmp/runs-$2" 1)" \
		-v bc="$(median "$tmp/runs-$1" 2)" -v oc="$(median "$tmp/runs-$2" 2)" \
		-v bm="$(median "$tmp/runs-$1" 3)" -v om="$(median "$tmp/runs-$2" 3)" -v what="$1/$2" \
		'BEGIN { printf "%s: wall %.2f, CPU %.2f, peak RSS %.2f\n", what, bt / ot, bc / oc, bm / om }'
}
[ -z "$hugo" ] || ratio briefing hugo
# cp's CPU and memory are next to nothing; its wall time is the floor.
awk -v bt="$(median "$tmp/runs-briefing" 1)" -v ct="$(median "$tmp/runs-cp" 1)" \
	'BEGIN { printf "briefing/cp: wall %.2f (cp -r of briefing'"'"'s output: the copy floor)\n", bt / ct }'
