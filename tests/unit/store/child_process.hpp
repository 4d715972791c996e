#pragma once
// Real processes for the stories about several hosts and crashes: Chrome starts one host per
// message port, and a process can die at any instruction.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace caiji::store::story {

// Runs `body` in a forked child that exits with its return value. The child must not touch
// anything the parent had open (SQLite connections do not survive fork), so open inside.
inline pid_t spawn(const std::function<int()>& body) {
  pid_t pid = fork();
  if (pid == 0) _exit(body());
  return pid;
}

// The child's exit code, or 128 + signal when it was killed.
inline int wait_for(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

struct Pipe {
  int fds[2] = {-1, -1};
  Pipe() {
    if (pipe(fds) != 0) fds[0] = fds[1] = -1;
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  int read_end() const { return fds[0]; }
  int write_end() const { return fds[1]; }
  void close_read() {
    if (fds[0] >= 0) close(fds[0]);
    fds[0] = -1;
  }
  void close_write() {
    if (fds[1] >= 0) close(fds[1]);
    fds[1] = -1;
  }
  void write_text(const std::string& s) const {
    std::size_t done = 0;
    while (done < s.size()) {
      ssize_t n = ::write(fds[1], s.data() + done, s.size() - done);
      if (n <= 0) return;
      done += static_cast<std::size_t>(n);
    }
  }
  void write_int(std::int64_t v) const { write_text(std::string(reinterpret_cast<const char*>(&v), sizeof v)); }
  // Everything until every writer has closed its end.
  std::string read_all() const {
    std::string out;
    char buf[4096];
    for (;;) {
      ssize_t n = ::read(fds[0], buf, sizeof buf);
      if (n <= 0) return out;
      out.append(buf, static_cast<std::size_t>(n));
    }
  }
  bool read_int(std::int64_t& v) const {
    char* p = reinterpret_cast<char*>(&v);
    std::size_t got = 0;
    while (got < sizeof v) {
      ssize_t n = ::read(fds[0], p + got, sizeof v - got);
      if (n <= 0) return false;
      got += static_cast<std::size_t>(n);
    }
    return true;
  }
};

}  // namespace caiji::store::story
