#!/usr/bin/env bash
# The database's floor for a check-in (bench/floor.sql) and an intake (bench/floor-intake.sql) beside the raw insert, on the data set
# bench/run.sh generated, with the app stopped and the machine otherwise idle. See docs/benchmarks.md.
#
#   bench/floor.sh [--seconds 20] [--runs 3]
#
# Each run checks in at a bench point where nobody checked in today and takes in problems for Nan'an;
# afterwards its check-ins and their marks are removed, so the kept coverage and the dashboard stay
# as the app left them. Its problems stay, whole (party row, event, notice), with their marks: the
# app's dashboard counts them when it next starts (deleting them would probe every table that
# refers to a problem, row by row).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=20; RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55433} PGUSER=${PGUSER:-postgres}
DB=grassroots_bench
export PGOPTIONS="-c client_min_messages=warning"
PSQL() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d $DB "$@"; }
[ "$(PSQL -tAc "select count(*) from learning_changed")" = 0 ] ||
  { echo "marks are pending: let the app apply them and stop it first"; exit 2; }
PSQL -c "create table if not exists bench_floor as select row_number() over (order by random())::int as n, t.token_hash, a.id as account_id
  from access_token t join account a on a.id = t.account_id where a.username like 'bench.m%'" \
  -c "create table if not exists bench_floor_audit (like audit_record including all)" -c "vacuum analyze bench_floor" \
  -c "create table if not exists bench_floor_payload as select after_state from audit_record where kind = 'PROBLEM_REPORTED' order by id desc limit 1"
MEMBERS=$(PSQL -tAc "select count(*) from bench_floor")
POSTMASTER=$(head -n 1 "$(PSQL -tAc "show data_directory")/postmaster.pid")
db_ticks() {
  for pid in $POSTMASTER $(pgrep -P $POSTMASTER); do cat /proc/$pid/stat 2>/dev/null || true; done |
    awk '{s += $14 + $15 + $16 + $17} END {print s + 0}'
}
pgb() { # name clients script [options] -> name|tps|db CPU ms per transaction
  local name=$1 clients=$2 script=$3; shift 3
  local d0 d1 out tx tps
  d0=$(db_ticks)
  out=$("$PGBIN/pgbench" -n -c $clients -j 2 -T $SECONDS_EACH "$@" -f $script -d $DB 2>&1)
  d1=$(db_ticks)
  tx=$(echo "$out" | awk -F': ' '/number of transactions actually processed/ {split($2, a, "/"); print a[1]}')
  tps=$(echo "$out" | awk '/^tps/ {printf "%.0f", $3}')
  echo "$out" | grep -q "aborted" && { echo "$out" >&2; exit 3; }
  echo "$name|$tps|$(awk -v t=$((d1 - d0)) -v n=$tx -v hz=$(getconf CLK_TCK) 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
}
WORK=${BENCH_WORK:-/tmp/grassroots-bench}; mkdir -p $WORK
COMMUNITY=$(PSQL -tAc "select code from unit where code like '500108S001C%' order by code limit 1")
NANAN=$(PSQL -tAc "select id from unit where code = '500108'")
echo "| run | check-in floor tps | db CPU ms | intake floor tps | db CPU ms | raw insert tps | db CPU ms | check-in / insert | intake / insert |"
echo "|---|---|---|---|---|---|---|---|---|"
for run in $(seq 1 $RUNS); do
  POINT=$(PSQL -tAc "select p.id from learning_point p where p.created_by = 'bench' and not exists (select 1 from check_in c
    where c.point_id = p.id and c.check_day = (now() at time zone 'Asia/Shanghai')::date) order by p.id desc limit 1")
  [ -n "$POINT" ] || { echo "every bench point has today's check-ins"; exit 3; }
  cat > $WORK/floor-insert.sql <<SQL
\set id random(1, 2000000)
insert into bench_insert (account_id, unit_path, point_id, check_day, at, method) values (:id, '/500000/500108/500108S001/$COMMUNITY/', $POINT, current_date, now(), 'QR');
SQL
  # as the bench's scenarios: 32 connections for check-ins, 16 for intake
  C=$(pgb check-in 32 bench/floor.sql -M prepared -D point=$POINT -D members=$MEMBERS)
  T=$(pgb intake 16 bench/floor-intake.sql -M prepared -D unit=$NANAN)
  I=$(pgb insert 32 $WORK/floor-insert.sql)
  # the check-ins go (the app's kept coverage does not count them) with their marks; the audit
  # records were the floor's own
  PSQL -c "delete from learning_changed" -c "truncate bench_floor_audit" \
    -c "delete from check_in where point_id = $POINT and check_day = (now() at time zone 'Asia/Shanghai')::date"
  echo "$C|$T|$I" | awk -F'|' -v r=$run '{ printf "| %d | %s | %s | %s | %s | %s | %s | %.2fx | %.2fx |\n", r, $2, $3, $5, $6, $8, $9, $2 / $8, $5 / $8 }'
done
