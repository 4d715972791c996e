#include "cli.hpp"

namespace caiji::cli {

std::optional<std::string> Args::option(std::string_view name, std::string& error) {
  const std::string dashed = "--" + std::string(name);
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (args_[i] == dashed) {
      if (i + 1 >= args_.size()) {
        error = dashed + " needs a value";
        return std::nullopt;
      }
      std::string v = args_[i + 1];
      args_.erase(args_.begin() + static_cast<long>(i), args_.begin() + static_cast<long>(i) + 2);
      return v;
    }
    if (args_[i].rfind(dashed + "=", 0) == 0) {
      std::string v = args_[i].substr(dashed.size() + 1);
      args_.erase(args_.begin() + static_cast<long>(i));
      return v;
    }
  }
  return std::nullopt;
}

std::vector<std::string> Args::options(std::string_view name, std::string& error) {
  std::vector<std::string> out;
  while (auto v = option(name, error)) out.push_back(*v);
  return out;
}

bool Args::flag(std::string_view name) {
  const std::string dashed = "--" + std::string(name);
  for (std::size_t i = 0; i < args_.size(); ++i) {
    if (args_[i] == dashed) {
      args_.erase(args_.begin() + static_cast<long>(i));
      return true;
    }
  }
  return false;
}

std::vector<std::string> Args::rest(std::string& error) const {
  for (const auto& a : args_) {
    if (a.size() > 2 && a.rfind("--", 0) == 0) {
      error = "unknown option " + a;
      break;
    }
  }
  return args_;
}

}  // namespace caiji::cli
