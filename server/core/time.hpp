#pragma once
// Instants are UTC epoch seconds; JSON shows them as ISO 8601 with the project's offset.
// Mainland China has had no daylight saving since 1991, so a zone is a fixed offset here; the
// offsets we know are listed in time.cpp and anything else is rejected on input.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace steward::core {

// Offset east of UTC in seconds for an IANA zone name we support, or nullopt.
std::optional<int> zone_offset_seconds(std::string_view zone);
// "2026-11-22T09:30:00+08:00"
std::string format_iso8601(std::int64_t epoch_seconds, int offset_seconds = 8 * 3600);
// Accepts "YYYY-MM-DDTHH:MM:SS" with "Z" or "+HH:MM"/"-HH:MM" (fraction of seconds ignored).
std::optional<std::int64_t> parse_iso8601(std::string_view text);
// "09:00" -> minutes after midnight, or nullopt when not a valid HH:MM.
std::optional<int> parse_hhmm(std::string_view text);
std::string format_hhmm(int minutes);

}  // namespace steward::core
