# Sourced by scripts/bench.sh and scripts/bench-postgres.sh: the interleaved runs both make.
#   interleaved_runs PREFIX FLOOR_NAME TARGET DB [budget]
# RUNS times: the caller's `floor` function, then `crm-report generate --db DB` (interleaved, so a
# noisy neighbour slows both alike); then the medians, their ratio against TARGET, and the peak memory;
# with `budget`, also the processor time a run takes against what TARGET allows on this machine's
# cores (the floor runs on one core, generate on all of them: a run over that budget cannot meet
# TARGET here). Not for a server's floor: the server's own time during generate is not counted.
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

interleaved_runs() {
  local prefix=$1 name=$2 target=$3 db=$4 budget=${5:-}
  local floor_times=() run_times=() peaks=() cpus=() out s e f r i wall peak user sys
  out=$(mktemp -d)
  for i in $(seq "$RUNS"); do
    s=$(date +%s.%N); floor; e=$(date +%s.%N)
    f=$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.2f", b - a}')
    r=$( { /usr/bin/time -f "%e %M %U %S" .build/release/crm-report generate --db "$db" --as-of 2026-11-22 --out "$out" >/dev/null; } 2>&1 | tail -1)
    read -r wall peak user sys <<<"$r"
    floor_times+=("$f"); run_times+=("$wall"); peaks+=("$peak")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
    echo "$prefix: run $i: $name ${f} s, generate ${wall} s (${cpus[-1]} s processor), peak $(( peak / 1024 )) MB"
  done
  rm -rf "$out"
  local fm rm_ pm ratio cm cores
  fm=$(printf '%s\n' "${floor_times[@]}" | median)
  rm_=$(printf '%s\n' "${run_times[@]}" | median)
  pm=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
  ratio=$(awk -v a="$rm_" -v b="$fm" 'BEGIN {printf "%.2f", a / b}')
  echo "$prefix: median $name ${fm} s; median generate ${rm_} s; ratio ${ratio} (target <= $target); peak $(( pm / 1024 )) MB (target < 2048)"
  [ "$budget" = budget ] || return 0
  cm=$(printf '%s\n' "${cpus[@]}" | median)
  cores=$(nproc)
  echo "$prefix: median generate processor time ${cm} s; the target allows $(awk -v c="$cores" -v t="$target" -v f="$fm" 'BEGIN {printf "%.2f", c * t * f}') s on $cores cores"
}
