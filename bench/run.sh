#!/usr/bin/env bash
# One command for the benchmarks: PostgreSQL (started here, or given), the data set (generated
# or reused), the app jar against it, the scenarios from a separate load process, the reference
# figures from pgbench, and one table. See docs/benchmarks.md.
#
#   bench/run.sh [--scale 1.0] [--seconds 20] [--record]
#
# PGHOST/PGPORT name a running PostgreSQL whose superuser is PGUSER (default postgres, trust auth);
# without one answering, a PostgreSQL 15 is started in /tmp/grassroots-bench-pg on port 55433.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=1.0; SECONDS_EACH=20; RECORD=false
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --record) RECORD=true; shift ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55433} PGUSER=${PGUSER:-postgres}
DB=grassroots_bench
APP_PORT=${APP_PORT:-18080}
WORK=${BENCH_WORK:-/tmp/grassroots-bench}   # BENCH_WORK: another folder, for two runs at once
mkdir -p "$WORK"
PSQL() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

if ! "$PGBIN/pg_isready" -q; then
  echo "== starting PostgreSQL on $PGHOST:$PGPORT"
  ROOT=${BENCH_PG:-/tmp/grassroots-bench-pg}   # BENCH_PG: another cluster, for two runs at once
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  mkdir -p $ROOT && chown postgres:postgres $ROOT
  [ -d $ROOT/data ] || runuser -u postgres -- "$PGBIN/initdb" -D $ROOT/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D $ROOT/data -l $ROOT/server.log -w \
    -o "-c listen_addresses=$PGHOST -p $PGPORT -k $ROOT -c shared_buffers=1GB -c max_connections=200 -c max_wal_size=8GB -c checkpoint_timeout=30min -c shared_preload_libraries=pg_stat_statements" start >/dev/null
fi

JAR=${JAR:-target/grassroots.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp package -DskipTests

HAVE=$(PSQL -d postgres -tAc "select 1 from pg_database where datname = '$DB'" || true)
GENERATED=""
if [ "$HAVE" = "1" ]; then
  GENERATED=$(PSQL -d $DB -tAc "select current_setting('bench.scale', true)" 2>/dev/null || true)
fi
APP_ENV=(SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=grassroots
  SPRING_DATASOURCE_PASSWORD=grassroots GRASSROOTS_DEMO=true GRASSROOTS_DATA_DIR=$WORK/data
  GRASSROOTS_OPEN311_REQUESTS_PER_MINUTE=1000000000 SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE=${POOL:-20}
  GRASSROOTS_PROBLEMS_DEADLINE_CHECK=${DEADLINE_CHECK:-PT24H})

start_app() {
  if curl -sf localhost:$APP_PORT/actuator/health >/dev/null; then
    echo "something already answers on port $APP_PORT: stop it, or set APP_PORT"; exit 2
  fi
  env "${APP_ENV[@]}" java -jar "$JAR" --server.port=$APP_PORT > $WORK/app.log 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf localhost:$APP_PORT/actuator/health >/dev/null && return 0
    kill -0 $APP_PID 2>/dev/null || { tail -40 $WORK/app.log; exit 1; }
    sleep 1
  done
  echo "the app did not start"; tail -40 $WORK/app.log; exit 1
}
trap '[ -n "${APP_PID:-}" ] && kill $APP_PID 2>/dev/null || true' EXIT

if [ "$GENERATED" != "$SCALE" ]; then
  echo "== generating the data set at scale $SCALE"
  PSQL -d postgres -c "drop database if exists $DB" -c "do \$\$ begin if not exists (select 1 from pg_roles where rolname = 'grassroots') then create role grassroots login password 'grassroots'; end if; end \$\$" -c "create database $DB owner grassroots"
  start_app   # Flyway builds the schema and the demo data goes in
  T0=$(date +%s)
  PSQL -d $DB -v scale=$SCALE -v hash='{bcrypt}$2a$10$benchbenchbenchbenchbeuYhZ6kq0Jr8iS2bV0eA3lW9Xq1rJx7Fm' -f bench/generate.sql > $WORK/generate.log
  echo "   generated in $(( $(date +%s) - T0 )) s"
  NEW=true
else
  echo "== reusing the data set at scale $SCALE"
  start_app
fi
PSQL -d $DB -c "set bench.scale = '$SCALE'" -f bench/check.sql -f bench/party-check.sql -f bench/coverage-check.sql || { echo "the data set is not what was asked for"; exit 3; }
# only a data set that passed the check is reused by the next run
[ "${NEW:-false}" = true ] && PSQL -d $DB -c "alter database $DB set bench.scale = '$SCALE'"
PSQL -d $DB -f bench/setup.sql
# The dashboard's read models (dash_count, dash_problem): generate.sql fills them in SQL as the app's
# rebuild would (bench/dashboard-fill.sql), and dashboard-check.sql checks them against fresh counts on
# a sample. The app's own rebuild (POST /api/v1/dashboard/rebuild; REBUILD=false skips it) then
# runs, timed, and must write exactly the same rows. Once per
# data set. Problems added later (the intake scenarios) are counted by the app's deliveries.
REBUILD_S="not run"
if [ "$(PSQL -d $DB -tAc "select current_setting('bench.dashboard', true)")" != "$SCALE" ]; then
  # a data set generated before the fill was part of generate.sql gets it now
  [ "${NEW:-false}" = true ] || PSQL -d $DB -f bench/dashboard-fill.sql
  PSQL -d $DB -f bench/dashboard-check.sql || { echo "the generated dashboard figures are wrong"; exit 3; }
  # the rebuild sums in slices and writes in batches, so it runs at every scale (REBUILD=false skips it)
  REBUILD=${REBUILD:-true}
  if [ "$REBUILD" = true ]; then
    # the deadline job's first run (a minute after start) may flag a demo problem between the fill and
    # the rebuild; it runs once a day after that, so a second try settles it
    for try in 1 2; do
      echo "== rebuilding the dashboard's figures through the app, to compare"
      [ $try = 1 ] || PSQL -d $DB -f bench/dashboard-fill.sql
      PSQL -d $DB -c "drop table if exists bench_fill_count, bench_fill_problem, bench_fill_summons" \
        -c "create table bench_fill_count as select * from dash_count" \
        -c "create table bench_fill_problem as select * from dash_problem" \
        -c "create table bench_fill_summons as select * from dash_problem_summons"
      T0=$(date +%s.%N)
      curl -sf -m 7200 -X POST localhost:$APP_PORT/api/v1/dashboard/rebuild -H "Authorization: Bearer grt_bench_city" \
        > $WORK/rebuild.json || { echo "the dashboard rebuild failed"; tail -40 $WORK/app.log; exit 3; }
      REBUILD_S=$(awk -v a=$T0 -v b=$(date +%s.%N) 'BEGIN { printf "%.1f", b - a }')
      echo "   rebuilt in $REBUILD_S s: $(cat $WORK/rebuild.json)"
      # the rebuild also counted the learning rows (the SQL fill does not): checked against learning's tables
      PSQL -d $DB -f bench/dashboard-equal.sql && PSQL -d $DB -f bench/dashboard-learning-check.sql \
        && PSQL -d $DB -c "alter database $DB set bench.learning = '$SCALE'" && break
      [ $try = 1 ] || { echo "the generated dashboard figures differ from the rebuild"; exit 3; }
    done
  fi
  PSQL -d $DB -c "alter database $DB set bench.dashboard = '$SCALE'" -c "vacuum analyze dash_count" -c "vacuum analyze dash_problem"
fi
PSQL -d $DB -tAc "select 'grt_' || replace(a.username, '.', '_') from account a join access_token t on t.account_id = a.id where a.username like 'bench.m%' order by random()" > $WORK/all.tokens
# the warm-up checks in with one half of the members, the measured pass with the other
HALF=$(( $(wc -l < $WORK/all.tokens) / 2 ))
head -n $HALF $WORK/all.tokens > $WORK/members.tokens; tail -n +$(( HALF + 1 )) $WORK/all.tokens > $WORK/members.tokens.warm

CITY=grt_bench_city
# a point where nobody checked in today (Asia/Shanghai), so that every measured request is a new
# check-in; deleting an earlier run's check-ins instead would leave the coverage and the dashboard's
# figures that counted them wrong for the checks below
POINT=$(PSQL -d $DB -tAc "select p.id from learning_point p where p.created_by = 'bench' and p.unit_path like '/500000/500108/%'
  and not exists (select 1 from check_in c where c.point_id = p.id and c.check_day = (now() at time zone 'Asia/Shanghai')::date)
  order by p.id limit 1")
[ -n "$POINT" ] || { echo "every bench point in Nan'an has today's check-ins: run again tomorrow, or generate afresh"; exit 3; }
PLAN=$(PSQL -d $DB -tAc "select id from study_plan where title = 'bench plan' order by id limit 1")
NANAN=$(PSQL -d $DB -tAc "select id from unit where code = '500108'")
CITYID=$(PSQL -d $DB -tAc "select id from unit where code = '500000'")
COMMUNITY=$(PSQL -d $DB -tAc "select code from unit where code like '500108S001C%' order by code limit 1")
QR=$(curl -sf localhost:$APP_PORT/api/v1/learning/points/$POINT/qr -H "Authorization: Bearer $CITY")
K=$(echo "$QR" | sed -E 's/.*k=([0-9]+).*/\1/'); S=$(echo "$QR" | sed -E 's/.*s=([A-Za-z0-9_-]+).*/\1/')

# CPU seconds (in ticks) used so far by the app and by the PostgreSQL cluster under test: its
# postmaster and the postmaster's children, nothing else on the machine (another cluster, CI's or a
# developer's, is not ours; the machine must otherwise be idle). A backend that has exited is
# counted in the postmaster's reaped-children fields, so short pgbench connections count too.
APP_JAVA=$APP_PID
app_ticks() { awk '{print $14 + $15}' /proc/$APP_JAVA/stat; }
POSTMASTER=$(head -n 1 "$(PSQL -d $DB -tAc "show data_directory")/postmaster.pid" 2>/dev/null || true)
[ -n "$POSTMASTER" ] && [ -r /proc/$POSTMASTER/stat ] || { echo "the cluster under test must run on this machine, readable by this user"; exit 2; }
db_ticks() {
  # a process may end between pgrep and the read: cat's failure is ignored, not the whole run's
  for pid in $POSTMASTER $(pgrep -P $POSTMASTER); do cat /proc/$pid/stat 2>/dev/null || true; done |
    awk '{s += $14 + $15 + $16 + $17} END {print s + 0}'
}
# statements and commits in the bench database, from pg_stat_statements (when the cluster loads it:
# shared_preload_libraries) and pg_stat_database; transaction control (BEGIN, COMMIT, SET) is not
# counted as a statement. The app's background jobs (the audit sealer, the health probe) add a few a second.
STATEMENTS=$(PSQL -d $DB -tAc "select count(*) from pg_settings where name = 'shared_preload_libraries' and setting like '%pg_stat_statements%'")
[ "$STATEMENTS" = 1 ] && PSQL -d $DB -c "create extension if not exists pg_stat_statements" >/dev/null
db_counts() { # -> "statements commits"
  local statements=0
  if [ "$STATEMENTS" = 1 ]; then
    statements=$(PSQL -d $DB -tAc "select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname = '$DB' and s.query !~* '^\s*(begin|commit|rollback|set |show |reset |select pg_stat_statements_reset|select coalesce\(sum\(calls)'")
  fi
  echo "$statements $(PSQL -d $DB -tAc "select pg_stat_force_next_flush(); select xact_commit from pg_stat_database where datname = '$DB'" | tail -n 1)"
}
per_count() { # count requests -> per request, one decimal
  awk -v c=$1 -v n=$2 'BEGIN { if (n > 0) printf "%.1f", c / n; else print "-" }'
}
per_request() { # ticks requests -> CPU milliseconds per request
  awk -v t=$1 -v n=$2 -v hz=$(getconf CLK_TCK) 'BEGIN { if (n > 0) printf "%.2f", t * 1000 / hz / n; else print "-" }'
}
RESULTS=$WORK/results.txt; : > $RESULTS
FAILED=0
for t in street district city; do echo grt_bench_$t > $WORK/$t.token; done
# wrk (Debian's package) is the load generator: a separate process in C, so the client's own CPU
# does not eat into what the app and PostgreSQL get on a small machine.
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 2; }
WARMUP=$(( SECONDS_EACH < 10 ? SECONDS_EACH : 10 ))
# the write scenarios come first after the app starts: JFR showed the JIT compilers still using 14%
# of the app's CPU in the check-in's measured pass after 10 s, so they warm up for 30 s
WRITE_WARMUP=$(( SECONDS_EACH < 10 ? SECONDS_EACH : 30 ))
# waits (at most 300 s) until every event publication is delivered and every mark applied: what a
# request causes after it answers (the dashboard's batches) is counted with the requests that caused it
drain() {
  for _ in $(seq 1 300); do
    [ "$(PSQL -d $DB -tAc "select (select count(*) from event_publication where completion_date is null)
      + (select count(*) from learning_changed) + (select count(*) from problem_changed)")" = 0 ] && return 0
    sleep 1
  done
  echo "event publications or marks still not applied after 300 s"; FAILED=1
}
load() { # name connections method path tokens-file [body] [form] [paths asked in turn, space-separated]
  local name=$1 conc=$2 method=$3 path=$4 tokens=$5 body=${6:-} form=${7:-false} paths=${8:-}
  # a first pass warms the JIT and caches for this scenario and is not counted
  local warm=$tokens; [ -f "$tokens.warm" ] && warm=$tokens.warm
  wrk -t2 -c$conc -d${WARM_S:-$WARMUP}s --timeout 30s -s bench/load.lua "http://localhost:$APP_PORT$path" -- \
    warmup "$method" "$body" "$warm" "$form" "$paths" >/dev/null 2>&1 || true
  drain
  local c0 a0 d0; c0=($(db_counts)); a0=$(app_ticks); d0=$(db_ticks)
  wrk -t2 -c$conc -d${SECONDS_EACH}s --timeout 30s -s bench/load.lua "http://localhost:$APP_PORT$path" -- \
    "$name" "$method" "$body" "$tokens" "$form" "$paths" > $WORK/wrk.out 2> $WORK/wrk.err || FAILED=1
  drain
  local a1 d1 c1; a1=$(app_ticks); d1=$(db_ticks); sleep 1; c1=($(db_counts))
  local line; line=$(grep "^$name|" $WORK/wrk.out) || { cat $WORK/wrk.out $WORK/wrk.err; FAILED=1; return; }
  local n; n=$(echo "$line" | cut -d'|' -f2)
  local stmts="-"; [ "$STATEMENTS" = 1 ] && stmts=$(per_count $((c1[0] - c0[0])) $n)
  echo "$line|$conc|$(per_request $((a1 - a0)) $n)|$(per_request $((d1 - d0)) $n)|$stmts|$(per_count $((c1[1] - c0[1])) $n)" >> $RESULTS
  [ "$(echo "$line" | cut -d'|' -f3)" = 0 ] || { cat $WORK/wrk.err >&2; FAILED=1; }
}
echo "== scenarios, $SECONDS_EACH s each after a warm-up of $WARMUP s ($WRITE_WARMUP s for the writes)"
WARM_S=$WRITE_WARMUP load check-in 32 POST /api/v1/learning/points/$POINT/check-in $WORK/members.tokens "{\"k\":$K,\"s\":\"$S\"}"
PSQL -d $DB -f bench/coverage-check.sql || { echo "check-ins under load left the kept coverage wrong"; FAILED=1; }
# the dashboard counted the load's check-ins from their marks, after commit: once applied, its
# learning rows must still equal a fresh count
drain
if [ "$(PSQL -d $DB -tAc "select current_setting('bench.learning', true)")" = "$SCALE" ]; then
  PSQL -d $DB -f bench/dashboard-learning-check.sql || { echo "the dashboard's learning rows differ after the check-in load"; FAILED=1; }
fi
WARM_S=$WRITE_WARMUP load intake-api 16 POST /api/v1/problems $WORK/district.token '{"title":"bench {i}","description":"generated","source":"SELF_FOUND","categoryCode":"PARKING"}'
WARM_S=$WRITE_WARMUP load intake-open311 16 POST /open311/v2/requests.json - "api_key=o311_bench&service_code=PARKING&address_id=$COMMUNITY&description=bench+{i}" true
load queue-street 16 GET "/api/v1/problems?page=0" $WORK/street.token
load queue-district 16 GET "/api/v1/problems?page=0" $WORK/district.token
load queue-city 16 GET "/api/v1/problems?page=0" $WORK/city.token
# the same lists with two connections: latency without queueing for the two cores
load queue-street-light 2 GET "/api/v1/problems?page=0" $WORK/street.token
load queue-district-light 2 GET "/api/v1/problems?page=0" $WORK/district.token
load queue-city-light 2 GET "/api/v1/problems?page=0" $WORK/city.token
load search-2-filters 16 GET "/api/v1/problems?state=RECTIFYING&category=PARKING" $WORK/district.token
load coverage-district 8 GET "/api/v1/learning/plans/$PLAN/coverage?unitId=$NANAN" $WORK/city.token
load coverage-city 8 GET "/api/v1/learning/plans/$PLAN/coverage?unitId=$CITYID" $WORK/city.token
# the dashboard at two connections, as a leader's pages ask it: a unit's figures and the ranking of
# its children, in turn, for last month (Asia/Shanghai; this month may be a few hours old); the city,
# a district (Nan'an), a street (its first)
D=/api/v1/dashboard/units
M=month=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-15) -1 month" +%Y-%m)
for u in city:500000 district:500108 street:500108S001; do
  load dash-${u%%:*} 2 GET "$D/${u#*:}/figures?$M" $WORK/city.token "" false "$D/${u#*:}/figures?$M $D/${u#*:}/ranking?$M"
done
# the city's monthly PDF (last month), made on demand twice: the first cold, the second warm
PDF_S=""
for _ in 1 2; do
  T0=$(date +%s.%N)
  curl -sf -m 600 -X POST "localhost:$APP_PORT$D/500000/reports" -H "Authorization: Bearer grt_bench_city" \
    > $WORK/report.json || { echo "the city's monthly report failed"; FAILED=1; }
  PDF_S="$PDF_S $(awk -v a=$T0 -v b=$(date +%s.%N) 'BEGIN { printf "%.1f", b - a }')"
done
# intake under load kept every new problem's party rows like the problem
PSQL -d $DB -f bench/party-check.sql || { echo "the load left party rows unlike their problems"; FAILED=1; }
# the audit chain still verifies after the load: every record the scenarios wrote, sealed and checked
VERIFY=$(curl -sf -m 3600 localhost:$APP_PORT/api/v1/audit/verify -H "Authorization: Bearer grt_bench_auditor") || VERIFY="the request failed"
echo "== audit chain after the load: $VERIFY"
echo "$VERIFY" | grep -q '"intact":true' || { echo "the audit chain does not verify after the load"; FAILED=1; }

echo "== reference figures (pgbench) and the ancestors scan"
MAXID=$(PSQL -d $DB -tAc "select max(id) from problem")
cat > $WORK/insert.sql <<SQL
\set id random(1, 2000000)
insert into bench_insert (account_id, unit_path, point_id, check_day, at, method) values (:id, '/500000/500108/500108S001/$COMMUNITY/', $POINT, current_date, now(), 'QR');
SQL
cat > $WORK/select.sql <<SQL
\set id random(1, $MAXID)
select * from problem where id = :id;
SQL
pgb() { # name clients script
  local d0 d1 line; d0=$(db_ticks)
  line=$("$PGBIN/pgbench" -n -c $2 -j 2 -T $SECONDS_EACH -f $3 -d $DB 2>/dev/null | awk -v n=$1 '
    /latency average/ {lat=$4} /^tps/ {tps=$3} /transactions actually processed/ {tx=$NF} /number of transactions actually/ {split($0, a, ": "); tx=a[2]}
    END {printf "%s|%s|%s|%s\n", n, tps, lat, tx}')
  d1=$(db_ticks)
  local tx; tx=$(echo "$line" | cut -d'|' -f4 | cut -d/ -f1)
  echo "$line" | cut -d'|' -f1-3 | tr -d '\n'; echo "|$2|$(per_request $((d1 - d0)) ${tx:-0})"
}
REFS=$WORK/refs.txt; : > $REFS
pgb pg-insert 32 $WORK/insert.sql >> $REFS
pgb pg-select-pk 16 $WORK/select.sql >> $REFS
STREETID=$(PSQL -d $DB -tAc "select id from unit where code = '500108S001'")
STREETPATH=$(PSQL -d $DB -tAc "select path from unit where code = '500108S001'")
# The first page of "this unit and everything below" in the lists' order, both ways. Ours is the
# app's query for that scope (ProblemSearch): a street merges each unit's first party rows, a district walks the
# list order probing parties, the city needs no scope; it matches any party, RuoYi's only the location.
ORDER="order by p.overdue desc, p.priority desc, coalesce(p.deadline, p.response_due), p.id desc limit 20"
for scope in "street $STREETID $STREETPATH" "district $NANAN /500000/500108/" "city $CITYID /500000/"; do
  set -- $scope
  case $1 in
    street) OURS="select p.id, p.ledger_no, p.state from problem p join (select distinct t.problem_id, t.overdue, t.priority, t.due from unit s cross join lateral (select pp.problem_id, pp.overdue, pp.priority, pp.due from problem_party pp where pp.unit_path = s.path order by pp.overdue desc, pp.priority desc, pp.due, pp.problem_id desc limit 20) t where s.path like '$3%' order by t.overdue desc, t.priority desc, t.due, t.problem_id desc limit 20) top on top.problem_id = p.id order by top.overdue desc, top.priority desc, top.due, top.problem_id desc;" ;;
    district) OURS="select p.id, p.ledger_no, p.state from problem p where exists (select 1 from problem_party pp where pp.problem_id = p.id and pp.unit_path like '$3%') $ORDER;" ;;
    city) OURS="select p.id, p.ledger_no, p.state from problem p $ORDER;" ;;
  esac
  echo "$OURS" > $WORK/path-$1.sql
  cat > $WORK/ancestors-$1.sql <<SQL
select p.id, p.ledger_no, p.state from problem p where p.location_unit_id in (select dept_id from ruoyi_dept where dept_id = $2 or '$2' = any(string_to_array(ancestors, ','))) $ORDER;
SQL
  pgb path-$1 8 $WORK/path-$1.sql >> $REFS
  pgb ancestors-$1 8 $WORK/ancestors-$1.sql >> $REFS
done

INSERT_TPS=$(awk -F'|' '$1=="pg-insert" {print $2}' $REFS)
SELECT_TPS=$(awk -F'|' '$1=="pg-select-pk" {print $2}' $REFS)
TABLE=$WORK/table.md
{
  echo "| scenario | conn | requests | errors | req/s | p50 ms | p95 ms | p99 ms | ratio | app CPU ms/req | db CPU ms/req | statements/req | commits/req |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  while IFS='|' read -r name n err rps p50 p95 p99 conc app db stmts commits; do
    ref=$SELECT_TPS; case "$name" in check-in|intake-*) ref=$INSERT_TPS ;; esac
    ratio=$(awk -v a=$rps -v b=$ref 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')
    echo "| $name | $conc | $n | $err | $rps | $p50 | $p95 | $p99 | $ratio | $app | $db | $stmts | $commits |"
  done < $RESULTS
  echo
  echo "| reference (pgbench) | clients | tps | latency avg ms | db CPU ms/tx |"
  echo "|---|---|---|---|---|"
  while IFS='|' read -r name tps lat clients db; do echo "| $name | $clients | ${tps%.*} | $lat | $db |"; done < $REFS
  echo
  echo "| dashboard | seconds |"
  echo "|---|---|"
  echo "| rebuild of the figures (POST /api/v1/dashboard/rebuild) | $REBUILD_S |"
  echo "| the city's monthly PDF (POST …/units/500000/reports), cold and warm | ${PDF_S# } |"
} > $TABLE
echo
echo "scale $SCALE, $SECONDS_EACH s per scenario, $(nproc) cores; ratio: check-in and intake to the pgbench insert, reads to the pgbench primary-key select; CPU: milliseconds of the app's and of the cluster's CPU per request; statements and commits per request in the bench database, event deliveries and background jobs included"
cat $TABLE
if $RECORD; then
  python3 - "$TABLE" "$SCALE" "$SECONDS_EACH" <<'PY'
import sys, re, datetime, os
table, scale, secs = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
doc = open('docs/benchmarks.md').read()
block = f"<!-- bench:start -->\nLatest run: {datetime.date.today()}, scale {scale}, {secs} s per scenario, {os.cpu_count()} cores.\n\n{table}<!-- bench:end -->"
doc = re.sub(r"<!-- bench:start -->.*<!-- bench:end -->", lambda m: block, doc, flags=re.S)
open('docs/benchmarks.md', 'w').write(doc)
PY
  echo "recorded in docs/benchmarks.md"
fi
exit $FAILED
