# Sourced by scripts/bench.sh and scripts/bench-postgres.sh: the interleaved runs both make.
#   interleaved_runs PREFIX FLOOR_NAME TARGET DB
# RUNS times: the caller's `floor` function, then `crm-report generate --db DB` (interleaved, so a
# noisy neighbour slows both alike); then the medians, their ratio against TARGET, and the peak memory.
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

interleaved_runs() {
  local prefix=$1 name=$2 target=$3 db=$4
  local floor_times=() run_times=() peaks=() out s e f r i
  out=$(mktemp -d)
  for i in $(seq "$RUNS"); do
    s=$(date +%s.%N); floor; e=$(date +%s.%N)
    f=$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.2f", b - a}')
    r=$( { /usr/bin/time -f "%e %M" .build/release/crm-report generate --db "$db" --as-of 2026-11-22 --out "$out" >/dev/null; } 2>&1 | tail -1)
    floor_times+=("$f"); run_times+=("${r% *}"); peaks+=("${r#* }")
    echo "$prefix: run $i: $name ${f} s, generate ${r% *} s, peak $(( ${r#* } / 1024 )) MB"
  done
  rm -rf "$out"
  local fm rm_ pm ratio
  fm=$(printf '%s\n' "${floor_times[@]}" | median)
  rm_=$(printf '%s\n' "${run_times[@]}" | median)
  pm=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
  ratio=$(awk -v a="$rm_" -v b="$fm" 'BEGIN {printf "%.2f", a / b}')
  echo "$prefix: median $name ${fm} s; median generate ${rm_} s; ratio ${ratio} (target <= $target); peak $(( pm / 1024 )) MB (target < 2048)"
}
