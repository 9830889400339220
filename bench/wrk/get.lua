-- GET of the URL wrk was given, logged in when TOKEN is set.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local token = os.getenv("TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
