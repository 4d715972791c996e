#pragma once
// Runs the real `caiji` binary as a child process with pipes on its stdin and stdout, the way
// Chrome runs the host. POSIX only (posix_spawn), like the browsers' own test bots here.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "../temp_dir.hpp"

extern char** environ;

namespace caiji::testing_support {

// One native-messaging frame: the length in native byte order, then the body.
inline std::string frame(std::string_view body) {
  const auto n = static_cast<std::uint32_t>(body.size());
  std::string out(sizeof n, '\0');
  std::memcpy(out.data(), &n, sizeof n);
  out.append(body);
  return out;
}

inline std::string request(int id, const std::string& method, const nlohmann::json& params = nlohmann::json::object()) {
  return frame(nlohmann::json{{"v", 1}, {"id", id}, {"method", method}, {"params", params}}.dump());
}

// Splits a host's output into its messages; a trailing partial frame is reported in `rest`.
inline std::vector<std::string> frames_in(std::string_view out, std::string* rest = nullptr) {
  std::vector<std::string> v;
  while (out.size() >= 4) {
    std::uint32_t n;
    std::memcpy(&n, out.data(), 4);
    if (out.size() - 4 < n) break;
    v.emplace_back(out.substr(4, n));
    out.remove_prefix(4 + n);
  }
  if (rest) *rest = std::string(out);
  return v;
}

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Starts `caiji args…` with `env_overrides` ("NAME=value") on top of this environment, writes
// `input` to its stdin (from a thread, so a host replying while it reads cannot deadlock us),
// closes stdin, and collects stdout and stderr until it exits.
inline ProcessResult run_caiji(const std::vector<std::string>& args, const std::string& input = {},
                               const std::vector<std::string>& env_overrides = {}) {
  ProcessResult r;
  std::signal(SIGPIPE, SIG_IGN);  // a host that stops reading must not kill the test
  int in[2], out[2], err[2];
  if (pipe(in) || pipe(out) || pipe(err)) return r;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) posix_spawn_file_actions_addclose(&fa, fd);

  std::vector<std::string> argv_s = {CAIJI_HOST_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    bool replaced = false;
    for (const auto& o : env_overrides)
      if (kv.substr(0, kv.find('=') + 1) == o.substr(0, o.find('=') + 1)) replaced = true;
    if (!replaced) env_s.push_back(kv);
  }
  for (const auto& o : env_overrides)
    if (o.back() != '=') env_s.push_back(o);  // "NAME=" unsets NAME
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  const int rc = posix_spawn(&pid, CAIJI_HOST_BINARY, &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(in[1]);
    close(out[0]);
    close(err[0]);
    return r;
  }
  std::thread writer([fd = in[1], &input] {
    std::size_t off = 0;
    while (off < input.size()) {
      ssize_t n = write(fd, input.data() + off, input.size() - off);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // the host closed its stdin (it may stop reading on a broken stream)
      off += static_cast<std::size_t>(n);
    }
    close(fd);
  });
  std::thread err_reader([fd = err[0], &r] {
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) r.err.append(buf, static_cast<std::size_t>(n));
    close(fd);
  });
  char buf[1 << 16];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof buf)) > 0) r.out.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  writer.join();
  err_reader.join();
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

// A host that keeps running while the test talks to it, the way Chrome holds a port open: the
// test writes requests from a thread, reads replies one at a time, and may kill it mid-work.
class LiveHost {
 public:
  LiveHost(const std::vector<std::string>& args, std::string input) : input_(std::move(input)) {
    std::signal(SIGPIPE, SIG_IGN);
    int in[2], out[2];
    if (pipe(in) || pipe(out)) return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    for (int fd : {in[0], in[1], out[0], out[1]}) posix_spawn_file_actions_addclose(&fa, fd);
    std::vector<std::string> argv_s = {CAIJI_HOST_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, CAIJI_HOST_BINARY, &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    close(out[1]);
    out_ = out[0];
    if (rc != 0) {
      pid_ = 0;
      close(in[1]);
      return;
    }
    writer_ = std::thread([fd = in[1], this] {
      std::size_t off = 0;
      while (off < input_.size()) {
        ssize_t n = write(fd, input_.data() + off, input_.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        off += static_cast<std::size_t>(n);
      }
      close(fd);
    });
  }
  ~LiveHost() {
    kill_now();
    wait();
    if (writer_.joinable()) writer_.join();
    if (out_ >= 0) close(out_);
  }
  LiveHost(const LiveHost&) = delete;
  LiveHost& operator=(const LiveHost&) = delete;

  bool started() const { return pid_ > 0; }

  // The next whole message, or false when the host's output ended.
  bool next(std::string& message) {
    for (;;) {
      if (buf_.size() >= 4) {
        std::uint32_t n;
        std::memcpy(&n, buf_.data(), 4);
        if (buf_.size() - 4 >= n) {
          message = buf_.substr(4, n);
          buf_.erase(0, 4 + n);
          return true;
        }
      }
      char chunk[1 << 16];
      ssize_t got = read(out_, chunk, sizeof chunk);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return false;
      buf_.append(chunk, static_cast<std::size_t>(got));
    }
  }

  void kill_now() {
    if (pid_ > 0 && !reaped_) ::kill(pid_, SIGKILL);
  }

  // Exit code, or 128 + signal.
  int wait() {
    if (pid_ <= 0) return -1;
    if (!reaped_) {
      int status = 0;
      waitpid(pid_, &status, 0);
      reaped_ = true;
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    return exit_code_;
  }

 private:
  std::string input_;
  pid_t pid_ = 0;
  int out_ = -1;
  bool reaped_ = false;
  int exit_code_ = -1;
  std::string buf_;
  std::thread writer_;
};

}  // namespace caiji::testing_support
