#pragma once
// The rows of a work order as Steward writes them (see server/migrations/*/0005_work_orders.sql
// and 0003_audit.sql), shared by the generator and the raw-loop baseline so both write the same.
namespace steward::bench {

// ?1 project, ?2 code, ?3 kind, ?4 category, ?5 priority, ?6 channel, ?7 status, ?8 unit,
// ?9 building, ?10 zone, ?11 customer, ?12 reporter, ?13 phone_enc, ?14 phone_index, ?15 title,
// ?16 description, ?17 assignee, ?18 team, ?19 root cause, ?20 valid complaint, ?21 result,
// ?22 satisfaction, ?23 reported/created, ?24 created_by, ?25 updated, ?26 completed, ?27 closed,
// ?28 next due, ?29 visited (the return visit: satisfaction and customers called back count then)
inline constexpr const char* kInsertOrder =
    "INSERT INTO work_order (project_id, code, kind, category, priority, channel, status, unit_id, "
    "building_id, zone_id, location, customer_id, reporter_name, reporter_phone_enc, "
    "reporter_phone_index, title, description, assignee_staff_id, assignee_team_id, department, "
    "responsible_department, responsible_person, root_cause, valid_complaint, result, "
    "satisfaction, reported_at, created_by, created_at, updated_at, completed_at, closed_at, "
    "next_due_at, visited_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '', ?11, ?12, ?13, "
    "?14, ?15, ?16, ?17, ?18, '', '', '', ?19, ?20, ?21, ?22, ?23, ?24, ?23, ?25, ?26, ?27, ?28, ?29)";

// ?1 project, ?2 order, ?3 at, ?4 actor, ?5 action, ?6 from, ?7 to
inline constexpr const char* kInsertEvent =
    "INSERT INTO wo_event (project_id, order_id, at, actor_user_id, actor_name, action, from_status, "
    "to_status, note, data_json) VALUES (?1, ?2, ?3, ?4, '基准', ?5, ?6, ?7, '', '{}')";

// ?1 project, ?2 actor, ?3 at, ?4 order, ?5 action, ?6 after_json
inline constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (project_id, actor_user_id, at, entity, entity_id, action, before_json, "
    "after_json, request_id) VALUES (?1, ?2, ?3, 'work_order', ?4, ?5, NULL, ?6, 'bench')";

}  // namespace steward::bench
