// The bytes between browser and host: a seller's page must arrive whole or be refused whole.

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "host_process.hpp"
#include "messaging/framing.hpp"

namespace caiji::host {
namespace {

using testing_support::frame;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// A stream holding exactly `bytes`, positioned at its start.
File stream_of(const std::string& bytes) {
  File f(std::tmpfile());
  std::fwrite(bytes.data(), 1, bytes.size(), f.get());
  std::rewind(f.get());
  return f;
}

std::string contents(std::FILE* f) {
  std::rewind(f);
  std::string s;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  return s;
}

TEST(Framing, a_message_arrives_whole_and_the_next_one_after_it) {
  auto in = stream_of(frame(R"({"a":1})") + frame(R"({"b":2})"));
  Frame first = read_frame(in.get());
  Frame second = read_frame(in.get());
  Frame third = read_frame(in.get());
  EXPECT_EQ(first.status, FrameStatus::message);
  EXPECT_EQ(first.body, R"({"a":1})");
  EXPECT_EQ(second.body, R"({"b":2})");
  EXPECT_EQ(third.status, FrameStatus::end);
}

TEST(Framing, a_browser_closing_the_port_between_messages_is_a_normal_end) {
  auto in = stream_of("");
  EXPECT_EQ(read_frame(in.get()).status, FrameStatus::end);
}

TEST(Framing, a_zero_length_is_reported_and_leaves_the_stream_in_step) {
  auto in = stream_of(frame("") + frame("{}"));
  EXPECT_EQ(read_frame(in.get()).status, FrameStatus::empty);
  Frame next = read_frame(in.get());
  EXPECT_EQ(next.status, FrameStatus::message);
  EXPECT_EQ(next.body, "{}");
}

TEST(Framing, a_length_cut_short_is_truncated) {
  auto in = stream_of(std::string("\x05\x00", 2));
  EXPECT_EQ(read_frame(in.get()).status, FrameStatus::truncated);
}

TEST(Framing, a_body_cut_short_is_truncated_and_nothing_of_it_is_kept) {
  std::string bytes = frame(R"({"html":"<p>long page</p>"})");
  bytes.resize(bytes.size() - 5);
  auto in = stream_of(bytes);
  Frame f = read_frame(in.get());
  EXPECT_EQ(f.status, FrameStatus::truncated);
  EXPECT_TRUE(f.body.empty());
  EXPECT_EQ(f.declared_length, 27u);
}

TEST(Framing, an_absurd_length_is_refused_before_any_memory_is_taken) {
  auto in = stream_of(std::string("\xff\xff\xff\xff{}", 6));
  Frame f = read_frame(in.get());
  EXPECT_EQ(f.status, FrameStatus::too_large);
  EXPECT_EQ(f.declared_length, 0xFFFFFFFFu);
  EXPECT_TRUE(f.body.empty());
}

TEST(Framing, a_message_of_exactly_the_limit_is_read_and_one_byte_more_is_not) {
  auto ok = stream_of(frame(std::string(100, 'x')));
  EXPECT_EQ(read_frame(ok.get(), 100).status, FrameStatus::message);
  auto over = stream_of(frame(std::string(101, 'x')));
  EXPECT_EQ(read_frame(over.get(), 100).status, FrameStatus::too_large);
}

TEST(Framing, what_the_host_writes_is_a_native_order_length_and_the_body) {
  File out(std::tmpfile());
  ASSERT_TRUE(write_frame(out.get(), R"({"id":1})"));
  EXPECT_EQ(contents(out.get()), frame(R"({"id":1})"));
}

TEST(Framing, the_host_never_writes_a_message_chrome_would_reject) {
  File out(std::tmpfile());
  EXPECT_FALSE(write_frame(out.get(), std::string(kMaxOutgoingBytes + 1, 'x')));
  EXPECT_EQ(contents(out.get()), "");  // not even the length
  EXPECT_TRUE(write_frame(out.get(), std::string(kMaxOutgoingBytes, 'x')));
}

}  // namespace
}  // namespace caiji::host
