#include "db/postgres_database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

namespace steward::db {
namespace {

// A pooled connection the server lost (PostgreSQL restarted) is reopened before use.
void ensure_connected(Session& s) {
  if (!s.is_connected()) s.reconnect();
}

std::string decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

void append(std::string& out, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  out += (out.empty() ? "" : " ") + key + "='";
  for (char c : value) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  out += "'";
}

}  // namespace

std::string pg_conninfo(const std::string& url) {
  std::string_view rest = url;
  for (std::string_view scheme : {"postgresql://", "postgres://"})
    if (rest.substr(0, scheme.size()) == scheme) rest.remove_prefix(scheme.size());
  std::string_view query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view dbname;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    dbname = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string out;
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    auto userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = userinfo.find(':');
    append(out, "user", decode(userinfo.substr(0, colon)));
    if (colon != std::string_view::npos) append(out, "password", decode(userinfo.substr(colon + 1)));
  }
  auto colon = rest.rfind(':');
  append(out, "host", decode(rest.substr(0, colon)));
  if (colon != std::string_view::npos) append(out, "port", std::string(rest.substr(colon + 1)));
  append(out, "dbname", decode(dbname));
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos)
      append(out, decode(pair.substr(0, eq)), decode(pair.substr(eq + 1)));
  }
  return out;
}

PostgresDatabase::PostgresDatabase(const std::string& url, const DbOptions& options) {
  pool_ = std::make_unique<soci::connection_pool>(options.readers);
  for (int i = 0; i < options.readers; ++i) {
    Session& s = pool_->at(i);
    s.open(*soci::factory_postgresql(), pg_conninfo(url));
    s << "SET statement_timeout = 30000";
    s << "SET client_min_messages = warning";
  }
}

PostgresDatabase::~PostgresDatabase() = default;

void PostgresDatabase::run_read(const Job& job) {
  if (current_transaction) return job(*current_transaction);
  Session s(*pool_);
  ensure_connected(s);
  job(s);
}

void PostgresDatabase::run_write(const Job& job) {
  if (current_transaction) return job(*current_transaction);
  Session s(*pool_);
  ensure_connected(s);
  soci::transaction tx(s);
  current_transaction = &s;
  try {
    job(s);
  } catch (...) {
    current_transaction = nullptr;
    throw;  // the transaction's destructor rolls back
  }
  current_transaction = nullptr;
  tx.commit();
}

}  // namespace steward::db
