#pragma once
// Routes: a verb and a pattern such as "/api/v1/units/{id}" mapped to a handler. Handlers are
// plain synchronous functions (they run on the worker pool): parse, call a service, respond.
#include <functional>
#include <string>
#include <vector>

#include "http/request.hpp"

namespace steward::http {

using Handler = std::function<Response(Request&)>;
enum class Access { authenticated, open };  // open: no login needed (health, login)

struct Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> segments;
  Handler handler;
  Access access;
};

class Router {
 public:
  void get(const std::string& pattern, Handler h, Access a = Access::authenticated);
  void post(const std::string& pattern, Handler h, Access a = Access::authenticated);
  void patch(const std::string& pattern, Handler h, Access a = Access::authenticated);
  void put(const std::string& pattern, Handler h, Access a = Access::authenticated);
  void del(const std::string& pattern, Handler h, Access a = Access::authenticated);

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // some route has this path, with another verb (405)
    std::vector<std::string> allowed;  // then: the verbs it has (the Allow header of the 405)
  };
  Match match(const std::string& method, const std::string& path,
              std::map<std::string, std::string>& params) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  void add(std::string method, const std::string& pattern, Handler h, Access a);
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace steward::http
