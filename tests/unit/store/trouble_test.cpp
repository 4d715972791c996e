// When the disk or the file lets the seller down: a clear error, and nothing already in the box
// is lost.

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "box_fixture.hpp"
#include "child_process.hpp"

namespace caiji::store {
namespace {

using caiji::testing_support::TempDir;
using story::Box;
using story::offer;
using story::Pipe;

std::string file_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::uintmax_t size_or_zero(const std::string& path) {
  std::error_code ec;
  auto n = std::filesystem::file_size(path, ec);
  return ec ? 0 : n;
}

TEST(Trouble, a_file_that_is_not_a_box_gives_a_clear_error_and_is_left_alone) {
  TempDir dir;
  const std::string path = dir.file("notes.txt");
  {
    std::ofstream f(path);
    f << "these are my notes, not a database, and they are long enough to have a header............";
  }
  const std::string before = file_bytes(path);
  auto box = open_sqlite_store(path);
  ASSERT_FALSE(box);
  EXPECT_EQ(box.error().code, ErrorCode::io_error);
  EXPECT_NE(box.error().message.find("not a readable Caiji box"), std::string::npos) << box.error().message;
  EXPECT_NE(box.error().message.find(path), std::string::npos) << box.error().message;
  EXPECT_EQ(file_bytes(path), before);
}

TEST(Trouble, a_box_in_a_folder_that_does_not_exist_gives_a_clear_error) {
  TempDir dir;
  auto box = open_sqlite_store(dir.file("no-such-folder/box.sqlite"));
  ASSERT_FALSE(box);
  EXPECT_EQ(box.error().code, ErrorCode::io_error);
  EXPECT_NE(box.error().message.find("cannot be opened"), std::string::npos) << box.error().message;
}

TEST(Trouble, a_box_from_a_newer_caiji_is_refused_untouched) {
  TempDir dir;
  const std::string path = dir.file("box.sqlite");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE future(x); PRAGMA user_version = 99;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto box = open_sqlite_store(path);
  ASSERT_FALSE(box);
  EXPECT_EQ(box.error().code, ErrorCode::unsupported);
  EXPECT_NE(box.error().message.find("newer Caiji"), std::string::npos) << box.error().message;
}

TEST(Trouble, a_full_disk_gives_a_clear_error_and_keeps_what_was_stored) {
  TempDir dir;
  const std::string path = dir.file("box.sqlite");
  Pipe acks;
  Pipe said;
  // The child's files may not grow past a limit: the kernel answers writes beyond it with EFBIG,
  // as a full disk answers with ENOSPC, and nothing needs root or a small file system.
  pid_t collector = story::spawn([&] {
    acks.close_read();
    said.close_read();
    signal(SIGXFSZ, SIG_IGN);
    auto box = open_sqlite_store(path);
    if (!box) return 1;
    for (int i = 0; i < 20; ++i) {
      auto saved = (*box)->save_collected(offer(std::to_string(i), "Offer", "1.00"), "<html>small</html>", "t1");
      if (!saved) return 2;
      acks.write_int(saved->id);
    }
    rlimit limit{};
    limit.rlim_cur = limit.rlim_max =
        std::max(size_or_zero(path), size_or_zero(path + "-wal")) + 256 * 1024;
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) return 3;
    std::mt19937 noise(7);
    for (int i = 20; i < 1000; ++i) {
      std::string page(32 * 1024, '\0');
      for (char& c : page) c = static_cast<char>(noise());  // does not compress
      auto saved = (*box)->save_collected(offer(std::to_string(i), "Offer", "1.00"), page, "t2");
      if (!saved) {
        said.write_text(saved.error().message);
        // The connection stays usable for reading what is there.
        return (*box)->get(1) ? 0 : 4;
      }
      acks.write_int(saved->id);
    }
    return 5;  // never filled up
  });
  acks.close_write();
  said.close_write();
  std::vector<std::int64_t> acknowledged;
  std::int64_t id = 0;
  while (acks.read_int(id)) acknowledged.push_back(id);
  const std::string message = said.read_all();
  ASSERT_EQ(story::wait_for(collector), 0);
  EXPECT_NE(message.find("the disk is full"), std::string::npos) << message;
  EXPECT_NE(message.find("nothing was changed"), std::string::npos) << message;

  auto box = open_sqlite_store(path);
  ASSERT_TRUE(box) << box.error().message;
  auto integrity = (*box)->check_integrity();
  EXPECT_TRUE(integrity) << integrity.error().message;
  EXPECT_EQ(*(*box)->count(), static_cast<std::int64_t>(acknowledged.size()));
  for (std::int64_t acked : acknowledged) EXPECT_TRUE((*box)->get(acked)) << acked;
}

TEST(Trouble, a_read_only_box_gives_a_clear_error_and_keeps_what_was_stored) {
  Box box;
  std::int64_t id = box.collect(offer("1", "Socks", "5.00"));
  box.store.reset();
  Pipe said;
  pid_t seller = story::spawn([&] {
    said.close_read();
    chmod(box.path.c_str(), 0444);
    // Root writes to any file whatever its mode: be an ordinary user for this.
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) return 1;
    auto opened = open_sqlite_store(box.path);
    if (!opened) {
      said.write_text("open: " + opened.error().message);
      return 0;
    }
    auto stored = (*opened)->get(id);
    if (!stored || stored->item.title != "Socks") return 2;
    auto saved = (*opened)->save_collected(offer("2", "Scarf", "30.00"), "", "t2");
    if (saved) return 3;
    said.write_text("save: " + saved.error().message);
    return 0;
  });
  said.close_write();
  const std::string message = said.read_all();
  ASSERT_EQ(story::wait_for(seller), 0) << message;
  EXPECT_TRUE(message.find("read-only") != std::string::npos || message.find("may write there") != std::string::npos)
      << message;

  chmod(box.path.c_str(), 0644);
  box.reopen();
  ASSERT_TRUE(box.store);
  EXPECT_EQ(box->get(id)->item.title, "Socks");
  EXPECT_EQ(*box->count(), 1);
}

TEST(Trouble, a_healthy_box_says_so) {
  Box box;
  box.collect(offer("1", "Socks", "5.00"));
  auto report = box->check_integrity();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(*report, "ok: schema 3, 1 item in the box, 0 in the trash");
}

}  // namespace
}  // namespace caiji::store
