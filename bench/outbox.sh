#!/usr/bin/env bash
# The outbox sender's throughput and cost per message (docs/benchmarks.md, The outbox sender):
# N messages written as PENDING and due now in one transaction, sent by the app's own sender
# (OutboxSender) through an SMS gateway stub on the loopback in Aliyun's shape, timed until every
# row is SENT. Counts the CPU of the app's java process(es) and of the PostgreSQL cluster under
# test only, and the app's statements from pg_stat_statements.
#
#   bench/outbox.sh [--messages 20000] [--gateway-ms 0] [--nodes 1] [--poll PT2S]
#
# The ciphertexts come from the app's own FieldCipher (standard suite, a fresh key per run) in
# jshell on target/classes, and go in with COPY: nothing goes through the app but the sending.
# Needs target/grassroots.jar and target/classes (./mvnw -q -o package -DskipTests).
# PGHOST/PGPORT name a running PostgreSQL whose superuser is PGUSER (trust auth) and which loads
# pg_stat_statements; without one answering, a PostgreSQL 15 is started in /tmp/grassroots-outbox-pg.
set -euo pipefail
cd "$(dirname "$0")/.."

N=20000; GATEWAY_MS=0; NODES=1; POLL=PT2S
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) N="$2"; shift 2 ;;
    --gateway-ms) GATEWAY_MS="$2"; shift 2 ;;
    --nodes) NODES="$2"; shift 2 ;;
    --poll) POLL="$2"; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
# sent first, with no gateway latency, and not counted: the connections and the JIT warm up on them
# (after 3,000 the C2 compiler still took a fifth of the app's CPU)
WARMUP=${WARMUP:-10000}

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55450} PGUSER=${PGUSER:-postgres}
DB=grassroots_outbox_bench
APP_PORT=${APP_PORT:-18190}            # the second node, if any, on APP_PORT + 1
GATEWAY_PORT=${GATEWAY_PORT:-18199}
WORK=${BENCH_WORK:-/tmp/grassroots-outbox-bench}
rm -rf "$WORK"; mkdir -p "$WORK"
PSQL() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

if ! "$PGBIN/pg_isready" -q; then
  echo "== starting PostgreSQL on $PGHOST:$PGPORT"
  ROOT=${BENCH_PG:-/tmp/grassroots-outbox-pg}
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  mkdir -p $ROOT && chown postgres:postgres $ROOT
  [ -d $ROOT/data ] || runuser -u postgres -- "$PGBIN/initdb" -D $ROOT/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D $ROOT/data -l $ROOT/server.log -w \
    -o "-c listen_addresses=$PGHOST -p $PGPORT -k $ROOT -c shared_buffers=256MB -c max_connections=100 -c shared_preload_libraries=pg_stat_statements" start >/dev/null
fi
[ "$(PSQL -d postgres -tAc "select count(*) from pg_settings where name = 'shared_preload_libraries' and setting like '%pg_stat_statements%'")" = 1 ] \
  || { echo "the cluster at $PGHOST:$PGPORT does not load pg_stat_statements"; exit 2; }
POSTMASTER=$(head -n 1 "$(PSQL -d postgres -tAc "show data_directory")/postmaster.pid" 2>/dev/null || true)
[ -n "$POSTMASTER" ] && [ -r /proc/$POSTMASTER/stat ] || { echo "the cluster under test must run on this machine, readable by this user"; exit 2; }

JAR=${JAR:-target/grassroots.jar}
[ -f "$JAR" ] && [ -d target/classes ] || { echo "build first: ./mvnw -q -o package -DskipTests"; exit 2; }
for port in $(seq $APP_PORT $((APP_PORT + NODES - 1))) $GATEWAY_PORT; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "something already listens on port $port"; exit 2; fi
done

echo "== a fresh database $DB"
PSQL -d postgres -c "drop database if exists $DB" \
  -c "do \$\$ begin if not exists (select 1 from pg_roles where rolname = 'grassroots') then create role grassroots login password 'grassroots'; end if; end \$\$" \
  -c "create database $DB owner grassroots"
PSQL -d $DB -c "create extension if not exists pg_stat_statements" >/dev/null

# The SMS gateway: answers Aliyun's success at once (or after GATEWAY_MS), checks each request's
# shape and counts requests, distinct OutIds and repeats, per signature (one per node).
cat > $WORK/gateway.py <<'PY'
import json, sys, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
port = int(sys.argv[1])
delay = 0.0   # set by POST /reset?ms=...
lock = threading.Lock()
state = {"requests": 0, "repeats": 0, "bad": 0, "by_sign": {}}
seen = set()
class Gateway(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive, as a provider over HTTPS would be used
    # headers and body go out in two writes: without this, Nagle's algorithm and the client's
    # delayed ACK hold each answer's body for 40 ms
    disable_nagle_algorithm = True
    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_GET(self):
        with lock:
            if self.path == "/stats":
                self.answer(dict(state, distinct=len(seen)))
            elif self.path == "/ids":
                self.answer(sorted(seen))
            else:
                self.answer({})
    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        if self.path.startswith("/reset"):
            global delay
            with lock:
                state.update(requests=0, repeats=0, bad=0, by_sign={}); seen.clear()
                delay = int(urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("ms", ["0"])[0]) / 1000.0
            return self.answer({})
        if delay:
            time.sleep(delay)
        f = {k: v[0] for k, v in form.items()}
        try:
            params = json.loads(f.get("TemplateParam", "{}"))
            good = (f.get("Action") == "SendSms" and f.get("TemplateCode") == "SMS_2"
                    and f.get("SignName", "").startswith("bench-") and len(f.get("PhoneNumbers", "")) == 11
                    and list(params) == ["ledgerNo", "link", "stop"] and "/stop/" in params["stop"])
        except ValueError:
            good = False
        out = f.get("OutId", "")
        with lock:
            state["requests"] += 1
            state["bad"] += 0 if good and out else 1
            state["repeats"] += 1 if out in seen else 0
            seen.add(out)
            sign = f.get("SignName", "")
            state["by_sign"][sign] = state["by_sign"].get(sign, 0) + 1
            n = state["requests"]
        self.answer({"Code": "OK", "Message": "OK", "RequestId": "bench-%d" % n, "BizId": "biz-%d" % n})
    def log_message(self, *args):
        pass
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", port), Gateway).serve_forever()
PY
python3 $WORK/gateway.py $GATEWAY_PORT > $WORK/gateway.log 2>&1 &
GATEWAY_PID=$!
APP_PIDS=()
cleanup() {
  for pid in "${APP_PIDS[@]}"; do kill $pid 2>/dev/null || true; done
  kill $GATEWAY_PID 2>/dev/null || true
}
trap cleanup EXIT
stats() { curl -sf localhost:$GATEWAY_PORT/stats; }
for _ in $(seq 1 50); do stats >/dev/null 2>&1 && break; sleep 0.1; done

# a fresh field key for the run: the app and jshell use the same one
KEY=$(head -c 32 /dev/urandom | base64)
start_app() { # node number
  local port=$((APP_PORT + $1 - 1))
  env SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=grassroots \
    SPRING_DATASOURCE_PASSWORD=grassroots GRASSROOTS_DEMO=false GRASSROOTS_DATA_DIR=$WORK/data-$1 \
    GRASSROOTS_FIELD_KEY="$KEY" GRASSROOTS_CRYPTO_ALGORITHMS=standard GRASSROOTS_OUTBOX_POLL=$POLL \
    GRASSROOTS_OUTBOX_SMS_URL=http://127.0.0.1:$GATEWAY_PORT/sms GRASSROOTS_OUTBOX_SMS_SIGN_NAME=bench-$1 \
    GRASSROOTS_OUTBOX_SMS_TEMPLATES_PROBLEM_ACCEPTED=SMS_2 GRASSROOTS_OUTBOX_QUIET_FROM= GRASSROOTS_OUTBOX_QUIET_UNTIL= \
    GRASSROOTS_PUBLIC_URL=https://grassroots.example.cn \
    java -jar "$JAR" --server.port=$port > $WORK/app-$1.log 2>&1 &
  local pid=$!
  APP_PIDS+=($pid)
  for _ in $(seq 1 180); do
    curl -sf localhost:$port/actuator/health >/dev/null && return 0
    kill -0 $pid 2>/dev/null || { tail -40 $WORK/app-$1.log; exit 1; }
    sleep 1
  done
  echo "node $1 did not start"; tail -40 $WORK/app-$1.log; exit 1
}
echo "== starting $NODES node(s), poll $POLL, gateway latency $GATEWAY_MS ms"
for node in $(seq 1 $NODES); do start_app $node; done   # the first runs Flyway alone

echo "== ciphertexts for $WARMUP + $N messages, with the app's FieldCipher"
CP=$WORK/classpath.txt
./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.outputFile=$CP >/dev/null
cat > $WORK/messages.jsh <<JSH
import org.grassroots.shared.*;
FieldCipher cipher = new FieldCipher(Base64.getDecoder().decode("$KEY"));
java.security.SecureRandom random = new java.security.SecureRandom();
String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
// 500 phone numbers; each gets many messages, as a busy street's reporters would
String[] phones = new String[500];
for (int p = 0; p < phones.length; p++) phones[p] = String.format("139%08d", 23000000 + p * 7919);
void write(String file, String run, int from, int count) throws Exception {
  try (var out = new java.io.PrintWriter(file)) {
    for (int i = from; i < from + count; i++) {
      String phone = phones[i % phones.length], hash = cipher.lookupHash(phone);
      StringBuilder token = new StringBuilder();
      for (int c = 0; c < 16; c++) token.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String params = String.format("{\"ledgerNo\":\"CQ500108-2026-%06d\",\"link\":\"https://grassroots.example.cn/track\",\"stop\":\"https://grassroots.example.cn/stop/%s\"}", i, token);
      out.println(String.join(",", "PROBLEM_ACCEPTED", "SMS", cipher.encrypt(phone), hash, "zh", cipher.encrypt(params),
          "/500000/500108/", run + ":" + i + ":PROBLEM_ACCEPTED:SMS:" + hash, cipher.suite().hash(token.toString())));
    }
  }
}
write("$WORK/warmup.csv", "bench-warmup", 0, $WARMUP);
write("$WORK/messages.csv", "bench-run", $WARMUP, $N);
/exit
JSH
jshell --class-path "target/classes:$(cat $CP)" -R-Xmx512m $WORK/messages.jsh
[ "$(wc -l < $WORK/warmup.csv)" = $WARMUP ] && [ "$(wc -l < $WORK/messages.csv)" = $N ] || { echo "jshell did not write the messages"; exit 1; }

# CPU ticks so far: the app's java process(es) and, of them, the JIT compilers' threads (by name;
# a compiler thread that has ended is no longer counted), the cluster under test (its postmaster and
# the postmaster's children, exited backends included), the gateway stub, and the machine's busy time
cat > $WORK/ticks.sh <<SH
#!/usr/bin/env bash
# \$1: a file for each app thread's ticks (tid|name|ticks), to see where the app's CPU went
app=0; jit=0; : > \${1:-/dev/null}
for pid in ${APP_PIDS[*]}; do
  app=\$((app + \$(awk '{print \$14 + \$15}' /proc/\$pid/stat)))
  for task in /proc/\$pid/task/*; do
    name=\$(cat \$task/comm 2>/dev/null) && stat=\$(cat \$task/stat 2>/dev/null) || continue
    ticks=\$(echo "\${stat##*) }" | awk '{print \$12 + \$13}')
    echo "\${task##*/}|\$name|\$ticks" >> \${1:-/dev/null}
    case "\$name" in C1\ Compiler*|C2\ Compiler*) jit=\$((jit + ticks)) ;; esac
  done
done
db=\$(for pid in $POSTMASTER \$(pgrep -P $POSTMASTER); do cat /proc/\$pid/stat 2>/dev/null || true; done | awk '{s += \$14 + \$15 + \$16 + \$17} END {print s + 0}')
stub=\$(awk '{print \$14 + \$15}' /proc/$GATEWAY_PID/stat)
busy=\$(awk '/^cpu / {print \$2 + \$3 + \$4 + \$7 + \$8 + \$9}' /proc/stat)
echo "\$app \$db \$stub \$busy \$(date +%s.%N) \$jit"
SH
chmod +x $WORK/ticks.sh
# the app's statements (its role), transaction control not counted; the outbox's own apart
counts() { # -> "all outbox"
  PSQL -d $DB -tAF' ' -c "select coalesce(sum(calls), 0), coalesce(sum(calls) filter (where s.query ~* 'outbox_'), 0)
    from pg_stat_statements s join pg_database d on d.oid = s.dbid join pg_roles r on r.oid = s.userid
    where d.datname = '$DB' and r.rolname = 'grassroots' and s.query !~* '^\s*(begin|commit|rollback|set |show |reset )'"
}
# writes a CSV's rows as PENDING and due now, in one transaction; just before the commit (and so
# before the senders can see them) the counters are read and pg_stat_statements is reset
insert() { # file ticks-file
  PSQL -d $DB <<SQL
begin;
create temp table incoming (kind text, channel text, recipient_cipher text, recipient_hash text, locale text,
  params text, unit_path text, dedupe_key text, stop_hash text) on commit drop;
\copy incoming from '$1' csv
insert into outbox_message (kind, channel, recipient_cipher, recipient_hash, locale, params, unit_path, dedupe_key,
  state, due_at, stop_hash, created_at)
select kind, channel, recipient_cipher, recipient_hash, locale, params, unit_path, dedupe_key, 'PENDING', now(),
  stop_hash, now() from incoming;
select pg_stat_statements_reset() \g /dev/null
\! $WORK/ticks.sh $2.threads > $2
commit;
SQL
}
left() { PSQL -d $DB -tAc "select count(*) from outbox_message where state in ('PENDING', 'SENDING')"; }
wait_sent() { # count timeout-seconds: until the gateway has that many distinct OutIds and no row waits
  for _ in $(seq 1 $(($2 * 10))); do
    # read without starting a python: the poll's own CPU counts among the other processes
    [ "$(stats | grep -o '"distinct": [0-9]*' | cut -d' ' -f2)" -ge $1 ] && break
    sleep 0.2
  done
  for _ in $(seq 1 100); do
    $WORK/ticks.sh $WORK/t1.threads > $WORK/t1
    [ "$(left)" = 0 ] && return 0
    sleep 0.1
  done
  echo "messages still waiting: $(left)"; return 1
}

echo "== warm-up: $WARMUP messages, not counted"
insert $WORK/warmup.csv $WORK/t0
wait_sent $WARMUP 600
curl -sf -X POST "localhost:$GATEWAY_PORT/reset?ms=$GATEWAY_MS" >/dev/null
# the app's background work (health probes, the audit sealer) while nothing is sent, over 10 s
sleep 2
$WORK/ticks.sh > $WORK/i0; PSQL -d $DB -tAc "select pg_stat_statements_reset()" >/dev/null
sleep 10
$WORK/ticks.sh > $WORK/i1; IDLE_COUNTS=($(counts))

echo "== $N messages"
LOAD0=$(cut -d' ' -f1 /proc/loadavg)
insert $WORK/messages.csv $WORK/t0
wait_sent $N $(( N / 5 + 600 ))
COUNTS=($(counts))
LOAD1=$(cut -d' ' -f1 /proc/loadavg)

# correctness: every measured row SENT once, with the gateway's id, its content cleared; the
# gateway got each row's OutId exactly once, in the expected shape
read -r SENT FAILED OTHER NOPROVIDER PARAMS FIRST LAST <<< "$(PSQL -d $DB -tAF' ' -c "
  select count(*) filter (where state = 'SENT'), count(*) filter (where state = 'FAILED'),
    count(*) filter (where state not in ('SENT', 'FAILED')), count(*) filter (where state = 'SENT' and provider_id is null),
    count(*) filter (where params is not null), extract(epoch from min(created_at)), extract(epoch from max(sent_at))
  from outbox_message where dedupe_key like 'bench-run:%'")"
GW=$(stats)
curl -sf localhost:$GATEWAY_PORT/ids | python3 -c 'import json,sys; print("\n".join(json.load(sys.stdin)))' | sort > $WORK/gateway.ids
PSQL -d $DB -tAc "select 'grassroots-' || id from outbox_message where dedupe_key like 'bench-run:%'" | sort > $WORK/rows.ids
read -r GW_REQ GW_DISTINCT GW_REPEATS GW_BAD <<< "$(echo "$GW" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["requests"], s["distinct"], s["repeats"], s["bad"])')"
BY_NODE=$(echo "$GW" | python3 -c 'import json,sys; s=json.load(sys.stdin)["by_sign"]; print(" / ".join(str(s[k]) for k in sorted(s)))')
PROBLEMS=""
[ "$SENT" = "$N" ] || PROBLEMS="$PROBLEMS $SENT of $N SENT;"
[ "$FAILED" = 0 ] && [ "$OTHER" = 0 ] || PROBLEMS="$PROBLEMS $FAILED FAILED, $OTHER neither SENT nor FAILED;"
[ "$NOPROVIDER" = 0 ] && [ "$PARAMS" = 0 ] || PROBLEMS="$PROBLEMS $NOPROVIDER sent without the gateway's id, $PARAMS with params kept;"
[ "$GW_REQ" = "$N" ] && [ "$GW_DISTINCT" = "$N" ] && [ "$GW_REPEATS" = 0 ] || PROBLEMS="$PROBLEMS gateway: $GW_REQ requests, $GW_DISTINCT distinct OutIds, $GW_REPEATS repeats;"
[ "$GW_BAD" = 0 ] || PROBLEMS="$PROBLEMS gateway: $GW_BAD requests not in the expected shape;"
cmp -s $WORK/gateway.ids $WORK/rows.ids || PROBLEMS="$PROBLEMS the gateway's OutIds are not the rows' ids;"
WARNINGS=$(cat $WORK/app-*.log | grep -c "sent after its claim ran out" || true)
[ "$WARNINGS" = 0 ] || PROBLEMS="$PROBLEMS $WARNINGS sent after their claim ran out;"

read -r A0 D0 S0 B0 T0 J0 < $WORK/t0; read -r A1 D1 S1 B1 T1 J1 < $WORK/t1
read -r IA0 ID0 IS0 IB0 IT0 IJ0 < $WORK/i0; read -r IA1 ID1 IS1 IB1 IT1 IJ1 < $WORK/i1
HZ=$(getconf CLK_TCK)
python3 - "$N" "$NODES" "$GATEWAY_MS" "$POLL" "$HZ" "$T0" "$LAST" "$T1" "$((A1 - A0))" "$((D1 - D0))" "$((S1 - S0))" "$((B1 - B0))" \
  "${COUNTS[0]}" "${COUNTS[1]}" "$((IA1 - IA0))" "$((ID1 - ID0))" "${IDLE_COUNTS[0]}" "$IT0" "$IT1" "$BY_NODE" "$LOAD0" "$LOAD1" "$(nproc)" "${PROBLEMS:-none}" "$((J1 - J0))" $WORK/t0.threads $WORK/t1.threads <<'PY'
import sys
(n, nodes, gw, poll, hz, t0, last, t1, app, db, stub, busy, stmts, outbox, iapp, idb, istmts, it0, it1, by_node,
 load0, load1, cores, problems, jit) = sys.argv[1:-2]
n, hz = int(n), int(hz)
wall = float(last) - float(t0)          # from the commit to the last row marked SENT
span = float(t1) - float(t0)            # the counters' window: a little longer
ms = lambda ticks: int(ticks) * 1000 / hz
others = (ms(busy) - ms(app) - ms(db) - ms(stub)) / 1000 / span / int(cores) * 100
idle = float(it1) - float(it0)
print(f"{n} messages, {nodes} node(s), gateway {gw} ms, poll {poll}: {wall:.1f} s, {n / wall:.0f} messages/s"
      f" (per node: {by_node})")
print(f"  app CPU {ms(app) / n:.3f} ms/message (JIT compilers {ms(jit) / n:.3f}), database CPU {ms(db) / n:.3f} ms/message, gateway stub {ms(stub) / n:.3f} ms/message")
# the app's CPU by thread, named without their numbers (scheduling-1 is the sender's)
import re, collections
def threads(f):
    return {tid: (name, int(t)) for tid, name, t in (l.rstrip("\n").split("|") for l in open(f))}
before, after = threads(sys.argv[-2]), threads(sys.argv[-1])
groups = collections.Counter()
for tid, (name, t) in after.items():
    groups[name if name.startswith("scheduling") else re.sub(r"[-#]?\d+$", "", name.rstrip("-"))] += t - before.get(tid, (name, 0))[1]
print("  app CPU by thread, ms/message: " + ", ".join(f"{g} {ms(t) / n:.3f}" for g, t in groups.most_common(6)))
print(f"  statements {int(stmts) / n:.2f}/message, of which on outbox tables {int(outbox) / n:.2f}")
# the background work of the same span at the idle rate, taken off: what the sending itself cost
net_app, net_db = (ms(app) - ms(iapp) / idle * span) / n, (ms(db) - ms(idb) / idle * span) / n
print(f"  net of the idle background: app CPU {net_app:.3f} ms/message, database CPU {net_db:.3f} ms/message")
print(f"  idle, per second: app CPU {ms(iapp) / idle:.0f} ms, database CPU {ms(idb) / idle:.0f} ms, {int(istmts) / idle:.1f} statements")
print(f"  other processes used {others:.0f}% of the {cores} cores; load average {load0} before, {load1} after")
print(f"  problems: {problems}")
print(f"| {nodes} | {gw} | {poll} | {n:,} | {wall:.1f} | {n / wall:,.0f} | {ms(app) / n:.2f} ({ms(jit) / n:.2f}) | {net_app:.2f} | {ms(db) / n:.2f} | {net_db:.2f} | "
      f"{int(stmts) / n:.2f} ({int(outbox) / n:.2f}) | {others:.0f}% |")
PY
[ -z "$PROBLEMS" ] || { echo "FAILED:$PROBLEMS"; exit 3; }
