// Chrome runs one host process per message port, and the seller runs the CLI beside them: the
// box must take writes from all of them at once and survive any of them being killed.

#include <signal.h>

#include "box_fixture.hpp"
#include "child_process.hpp"

namespace caiji::store {
namespace {

using caiji::testing_support::TempDir;
using story::offer;
using story::Pipe;

TEST(Concurrency, four_hosts_collecting_at_once_into_a_new_box_lose_nothing) {
  TempDir dir;
  const std::string path = dir.file("box.sqlite");
  constexpr int kHosts = 4;
  constexpr int kEach = 1000;
  Pipe go;      // closed by the parent: every host starts at the same moment
  Pipe errors;  // what any host would have shown the seller
  std::vector<pid_t> hosts;
  for (int h = 0; h < kHosts; ++h) {
    hosts.push_back(story::spawn([&, h] {
      go.close_write();
      errors.close_read();
      char c;
      (void)!::read(go.read_end(), &c, 1);
      // The box does not exist yet: all four create and migrate it together.
      auto box = open_sqlite_store(path);
      if (!box) {
        errors.write_text("host " + std::to_string(h) + ": " + box.error().message + "\n");
        return 1;
      }
      for (int i = 0; i < kEach; ++i) {
        std::string id = std::to_string(h * kEach + i);
        auto saved = (*box)->save_collected(offer(id, "Offer " + id, "9.90"), "<html>" + id + "</html>",
                                            "2026-11-27T06:00:00Z");
        if (!saved) {
          errors.write_text("host " + std::to_string(h) + " item " + id + ": " + saved.error().message + "\n");
          return 1;
        }
      }
      return 0;
    }));
  }
  go.close_write();
  errors.close_write();
  const std::string shown = errors.read_all();
  for (pid_t pid : hosts) EXPECT_EQ(story::wait_for(pid), 0);
  EXPECT_EQ(shown, "");

  auto box = open_sqlite_store(path);
  ASSERT_TRUE(box) << box.error().message;
  EXPECT_EQ(*(*box)->count(), kHosts * kEach);
  auto integrity = (*box)->check_integrity();
  EXPECT_TRUE(integrity) << integrity.error().message;
}

TEST(Concurrency, every_acknowledged_item_survives_the_collector_being_killed) {
  TempDir dir;
  const std::string path = dir.file("box.sqlite");
  std::string page(20000, 'x');
  for (std::size_t i = 0; i < page.size(); i += 7) page[i] = static_cast<char>('a' + i % 26);
  Pipe acks;  // the child writes an item's id once its save has returned (committed)
  pid_t collector = story::spawn([&] {
    acks.close_read();
    auto box = open_sqlite_store(path);
    if (!box) return 1;
    for (int i = 0; i < 1000; ++i) {
      auto saved = (*box)->save_collected(offer(std::to_string(i), "Offer " + std::to_string(i), "1.00"), page,
                                          "2026-11-27T06:00:00Z");
      if (!saved) return 2;
      acks.write_int(saved->id);
    }
    return 0;
  });
  acks.close_write();

  std::vector<std::int64_t> acknowledged;
  std::int64_t id = 0;
  while (acknowledged.size() < 200 && acks.read_int(id)) acknowledged.push_back(id);
  kill(collector, SIGKILL);
  while (acks.read_int(id)) acknowledged.push_back(id);  // acknowledged before it died
  EXPECT_EQ(story::wait_for(collector), 128 + SIGKILL) << "the collector finished before it could be killed";
  ASSERT_GE(acknowledged.size(), 200u);

  auto box = open_sqlite_store(path);
  ASSERT_TRUE(box) << box.error().message;
  auto integrity = (*box)->check_integrity();
  EXPECT_TRUE(integrity) << integrity.error().message;
  for (std::int64_t acked : acknowledged) {
    auto item = (*box)->get(acked);
    ASSERT_TRUE(item) << "acknowledged item " << acked << " is gone: " << item.error().message;
  }
  // And the box takes the rest of the collection as usual.
  auto saved = (*box)->save_collected(offer("999", "Offer 999", "1.00"), page, "2026-11-27T07:00:00Z");
  EXPECT_TRUE(saved) << saved.error().message;
}

}  // namespace
}  // namespace caiji::store
