-- The load script for wrk (Debian's package), run by bench/run.sh:
--   wrk -t2 -cN -dS --timeout 30s -s bench/load.lua URL -- name method body tokens form [paths]
-- method: GET or POST; body: the request body, "{i}" replaced by a number unique to the request;
-- tokens: a file of bearer tokens, one per line, used in turn (or "-" for none); form: true for a
-- form-encoded body, anything else for JSON; paths: optional, several paths separated by spaces, asked
-- in turn instead of the URL's path (a page's requests together, e.g. a unit's figures and ranking). Prints one line, name|requests|errors|req/s|p50|p95|p99
-- (milliseconds, from wrk's own latency histogram), and the first failed answer on stderr.
-- Any answer of 400 or above counts as an error, as do socket errors and timeouts.

local threads = {}
local counter = 0
-- bench/run.sh runs wrk with -t2. The count is not set on the threads from setup(): wrk starts each
-- thread as soon as it is set up, and writing into a running thread's Lua state corrupted it
-- ("attempt to perform arithmetic on global 'nthreads' (a string value)", once in a full run).
nthreads = 2

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  name, method, body, form = args[1], args[2], args[3], args[5] == "true"
  tokens = {}
  if args[4] and args[4] ~= "-" then
    for line in io.lines(args[4]) do
      if line ~= "" then tokens[#tokens + 1] = line end
    end
  end
  paths = {}
  if args[6] and args[6] ~= "" then
    for p in args[6]:gmatch("%S+") do paths[#paths + 1] = p end
  end
  first_error = nil
end

function request()
  counter = counter + 1
  -- unique across threads, so every member token and title is used once before any repeats
  local n = counter * nthreads + id
  local headers = {}
  local path = nil
  -- by the thread's own counter, so each connection asks every path in turn
  if #paths > 0 then path = paths[(counter % #paths) + 1] end
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]
  end
  if method == "POST" then
    headers["Content-Type"] = form and "application/x-www-form-urlencoded" or "application/json"
    return wrk.format("POST", path, headers, (body:gsub("{i}", tostring(n))))
  end
  return wrk.format("GET", path, headers, nil)
end

function response(status, headers, answer)
  if status >= 400 and first_error == nil then
    first_error = status .. " " .. (answer or "")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.status + e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  local label = threads[1]:get("name")
  io.write(string.format("%s|%d|%d|%.0f|%.1f|%.1f|%.1f\n", label, summary.requests, errors,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
  for _, thread in ipairs(threads) do
    local text = thread:get("first_error")
    if text then
      io.stderr:write(label .. ": " .. errors .. " failed requests; the first: " .. text:sub(1, 400) .. "\n")
      break
    end
  end
end
