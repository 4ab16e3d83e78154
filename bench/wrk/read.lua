-- GET /v1/accounts/{id}, going round ARREARS_IDS.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local env = require("ids")
request = function()
  return wrk.format("GET", "/v1/accounts/" .. env.next_id(), {["Authorization"] = "Bearer " .. env.token})
end
