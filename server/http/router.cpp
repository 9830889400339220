#include "http/router.hpp"

namespace steward::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t next = path.find('/', pos);
    if (next == std::string::npos) next = path.size();
    if (next > pos) out.push_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

void Router::add(std::string method, const std::string& pattern, Handler h, Access a) {
  routes_.push_back({std::move(method), pattern, split_path(pattern), std::move(h), a});
}

void Router::get(const std::string& p, Handler h, Access a) { add("GET", p, std::move(h), a); }
void Router::post(const std::string& p, Handler h, Access a) { add("POST", p, std::move(h), a); }
void Router::patch(const std::string& p, Handler h, Access a) { add("PATCH", p, std::move(h), a); }
void Router::put(const std::string& p, Handler h, Access a) { add("PUT", p, std::move(h), a); }
void Router::del(const std::string& p, Handler h, Access a) { add("DELETE", p, std::move(h), a); }

Router::Match Router::match(const std::string& method, const std::string& path,
                            std::map<std::string, std::string>& params) const {
  const auto segments = split_path(path);
  Match result;
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> found;
    bool same = true;
    for (std::size_t i = 0; i < segments.size() && same; ++i) {
      const std::string& want = route.segments[i];
      if (want.size() > 2 && want.front() == '{' && want.back() == '}')
        found[want.substr(1, want.size() - 2)] = segments[i];
      else
        same = want == segments[i];
    }
    if (!same) continue;
    result.path_known = true;
    result.allowed.push_back(route.method);
    if (route.method == method) {
      result.route = &route;
      params = std::move(found);
      return result;
    }
  }
  return result;
}

}  // namespace steward::http
