-- POST /v1/accounts/{id}/contacts (an inbound right-party call), going round ARREARS_IDS.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local env = require("ids")
local body = '{"channel": "phone", "direction": "inbound", "outcome": "right_party_contact", "duration_seconds": 60}'
request = function()
  return wrk.format("POST", "/v1/accounts/" .. env.next_id() .. "/contacts",
    {["Authorization"] = "Bearer " .. env.token, ["Content-Type"] = "application/json"}, body)
end
