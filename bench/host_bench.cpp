// Native-messaging host start-up: the time from Chrome starting `caiji chrome-extension://…/`
// to the extension holding the reply to `hello`. Goal: at most 30 ms (docs/benchmarks.md).
//
//   cmake --build build/release --target caiji caiji_host_bench
//   build/release/bench/caiji_host_bench --benchmark_min_time=2
// CAIJI_BENCH_BINARY=/path/to/caiji measures another build (an installed package, say).

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace {

// The id packaging/extension-key.txt gives (the host refuses other origins before replying).
constexpr const char* kOrigin = "chrome-extension://cjcbmiackcjcichmhlabjipcajbpjpcg/";

std::string frame(const std::string& body) {
  const auto n = static_cast<std::uint32_t>(body.size());
  std::string out(sizeof n, '\0');
  std::memcpy(out.data(), &n, sizeof n);
  return out + body;
}

bool read_exactly(int fd, char* dst, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, dst + got, n - got);
    if (r <= 0) return false;
    got += static_cast<std::size_t>(r);
  }
  return true;
}

void BM_HostStartToHelloReply(benchmark::State& state) {
  const std::string db = (std::filesystem::temp_directory_path() / "caiji-host-bench.sqlite").string();
  const std::string hello = frame(R"({"v":1,"id":1,"method":"hello","params":{}})");
  for (auto _ : state) {
    int in[2], out[2];
    if (pipe(in) || pipe(out)) {
      state.SkipWithError("pipe failed");
      break;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    for (int fd : {in[0], in[1], out[0], out[1]}) posix_spawn_file_actions_addclose(&fa, fd);
    const char* other = std::getenv("CAIJI_BENCH_BINARY");
    std::string bin = other && *other ? other : CAIJI_HOST_BINARY, origin = kOrigin, db_flag = "--db", db_path = db;
    char* argv[] = {bin.data(), origin.data(), db_flag.data(), db_path.data(), nullptr};

    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    close(out[1]);
    if (rc != 0) {
      state.SkipWithError("could not start caiji");
      break;
    }
    bool ok = write(in[1], hello.data(), hello.size()) == static_cast<ssize_t>(hello.size());
    std::uint32_t n = 0;
    ok = ok && read_exactly(out[0], reinterpret_cast<char*>(&n), sizeof n);
    std::string reply(n, '\0');
    ok = ok && read_exactly(out[0], reply.data(), n);
    const auto end = std::chrono::steady_clock::now();
    state.SetIterationTime(std::chrono::duration<double>(end - start).count());

    close(in[1]);  // the extension disconnects; the host ends
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!ok || reply.find("\"ok\":true") == std::string::npos) {
      state.SkipWithError("no hello reply");
      break;
    }
  }
  std::filesystem::remove(db);
}
BENCHMARK(BM_HostStartToHelloReply)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
