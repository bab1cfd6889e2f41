#!/bin/bash
# The synthetic population's rate and CPU per course (docs/benchmarks.md, "Synthetic population"):
# creates a fresh database, runs `isocourse demo --courses N` into it and samples, every 0.5 s, the
# CPU time (/proc utime + stime, as bench/support/cpu.ts) of the Node process tree (the tsx loader
# thread, start-up and migrations included) and of the PostgreSQL backends connected to that
# database (the WAL writer, checkpointer and autovacuum are shared and not counted), plus the load
# average every 10 s. The server must run on this machine.
#
#   bench/population.bench.sh DBNAME COURSES [--keep]     (ADMIN_URL, default postgres://postgres@127.0.0.1:5432)
set -u
DB=${1:?database name}
N=${2:?courses}
KEEP=${3:-}
ADMIN=${ADMIN_URL:-postgres://postgres@127.0.0.1:5432}
cd "$(dirname "$0")/.."
psql "$ADMIN/postgres" -qc "drop database if exists $DB" -c "create database $DB" >/dev/null || exit 1
OUT=$(mktemp)
echo "start $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
DATABASE_URL="$ADMIN/$DB" npx isocourse demo --courses "$N" >"$OUT" 2>&1 &
ROOT=$!
declare -A CPU
tree() { echo "$1"; for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$c"; done; }
cpu() { awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print (f[12] + f[13]) / 100 }' /proc/"$1"/stat 2>/dev/null; }
LOADS=""
i=0
while kill -0 $ROOT 2>/dev/null; do
  for p in $(tree $ROOT); do v=$(cpu "$p"); [ -n "$v" ] && CPU[n$p]=$v; done
  for p in $(psql "$ADMIN/postgres" -Atc "select pid from pg_stat_activity where datname = '$DB'"); do v=$(cpu "$p"); [ -n "$v" ] && CPU[b$p]=$v; done
  i=$((i + 1))
  [ $((i % 20)) -eq 0 ] && LOADS="$LOADS $(cut -d' ' -f1 /proc/loadavg)"
  sleep 0.5
done
wait $ROOT
RC=$?
grep -v '^npm warn' "$OUT" | tail -6
rm -f "$OUT"
NODE=0
PG=0
for k in "${!CPU[@]}"; do case $k in n*) NODE=$(echo "$NODE + ${CPU[$k]}" | bc) ;; b*) PG=$(echo "$PG + ${CPU[$k]}" | bc) ;; esac; done
echo "end $(date -u +%FT%TZ), exit $RC, load average every 10 s:$LOADS"
echo "CPU seconds: Node $NODE, PostgreSQL backends $PG; per course: Node $(echo "scale=3; $NODE * 1000 / $N" | bc) ms, PostgreSQL $(echo "scale=3; $PG * 1000 / $N" | bc) ms"
[ "$KEEP" = "--keep" ] || psql "$ADMIN/postgres" -qc "drop database $DB"
exit $RC
