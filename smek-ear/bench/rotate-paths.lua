-- wrk script: requests the paths listed in the file named by $BENCH_PATHS (one a line, URL-encoded)
-- in turn, so that one scenario measures a mix of queries rather than one query the database has
-- cached. Headers given with -H are sent with every request.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line ~= "" then
    paths[#paths + 1] = line
  end
end
local next_path = 0

function setup(thread)
  -- The threads start at different places in the list.
  thread:set("offset", math.random(#paths))
end

function init(args)
  next_path = offset or 0
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format(nil, paths[next_path])
end
