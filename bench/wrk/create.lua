-- POST /api/v1/work-orders: a repair registered from the front desk for a known unit and owner,
-- so the server validates, looks the place up, computes the clocks and writes order, clocks,
-- event and audit in one transaction.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format(
  '{"projectId":%s,"kind":"repair","category":"water","channel":"front_desk","unitId":%s,' ..
  '"customerId":%s,"title":"厨房水管漏水","description":"业主来电反映厨房水槽下水管漏水"}',
  os.getenv("PROJECT"), os.getenv("UNIT"), os.getenv("CUSTOMER"))
