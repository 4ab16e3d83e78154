-- GET of one path (ARREARS_PATH) with ARREARS_TOKEN.
local path = os.getenv("ARREARS_PATH") or error("ARREARS_PATH is not set")
local token = os.getenv("ARREARS_TOKEN") or error("ARREARS_TOKEN is not set")
request = function()
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end
