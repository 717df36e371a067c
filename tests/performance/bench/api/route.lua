-- The wrk script of `npm run bench:api`: one route, with a bearer token, a body whose {{UPC}} becomes a fresh
-- valid EAN-13 per request (POST /v1/releases), an optional pause per connection (a bounded rate), and a
-- count of every answer whose status is not the expected one. `done` prints one JSON line for the bench.
local method = os.getenv('BENCH_METHOD') or 'GET'
local token = os.getenv('BENCH_TOKEN')
local expected = tonumber(os.getenv('BENCH_EXPECT') or '200')
local template = os.getenv('BENCH_BODY')
local upc_prefix = os.getenv('BENCH_UPC_PREFIX') or '90'
local pause = tonumber(os.getenv('BENCH_DELAY_MS') or '0')
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set('thread_id', thread_count)
  table.insert(threads, thread)
end

function init(args)
  unexpected = 0
  last_unexpected = 0
  sent = 0
  wrk.method = method
  if token then wrk.headers['authorization'] = 'Bearer ' .. token end
  if template then wrk.headers['content-type'] = 'application/json' end
end

-- EAN-13: the GS1 check digit (weights 3,1,3,… from the right) after 12 digits.
local function ean13(digits)
  local sum = 0
  for i = 1, 12 do
    local digit = string.byte(digits, 13 - i) - 48
    sum = sum + digit * ((i % 2 == 1) and 3 or 1)
  end
  return digits .. tostring((10 - sum % 10) % 10)
end

if template then
  function request()
    sent = sent + 1
    local upc = ean13(string.format('%s%d%09d', upc_prefix, thread_id, sent))
    return wrk.format(nil, nil, nil, (template:gsub('{{UPC}}', upc)))
  end
end

function response(status)
  if status ~= expected then
    unexpected = unexpected + 1
    last_unexpected = status
  end
end

if pause > 0 then
  function delay()
    return pause
  end
end

function done(summary, latency)
  local bad, status = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get('unexpected')
    if thread:get('last_unexpected') ~= 0 then status = thread:get('last_unexpected') end
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"socketErrors":%d,"unexpected":%d,"unexpectedStatus":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, bad, status))
end
