-- Shared by the wrk scripts: the bearer token (ARREARS_TOKEN) and the account ids to go round
-- (ARREARS_IDS, comma-separated), from the environment the bench scripts set.
local M = {}
M.token = os.getenv("ARREARS_TOKEN") or error("ARREARS_TOKEN is not set")
M.ids = {}
for id in string.gmatch(os.getenv("ARREARS_IDS") or "", "%d+") do
  M.ids[#M.ids + 1] = id
end
local i = 0
function M.next_id()
  i = i + 1
  return M.ids[(i % #M.ids) + 1]
end
return M
