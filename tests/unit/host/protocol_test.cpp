// Protocol v1 envelopes: what the host accepts as a request, and how large replies travel.

#include <gtest/gtest.h>

#include "messaging/protocol.hpp"

namespace caiji::host {
namespace {

struct Refusal {
  const char* story;
  std::string body;
  const char* code;
  Json id;
};

TEST(Protocol, a_message_that_is_not_a_request_gets_a_precise_error) {
  const std::vector<Refusal> cases = {
      {"invalid UTF-8", std::string("{\"v\":1,\"id\":1,\"method\":\"hello\",\"x\":\"\xC3\x28\"}"), errc::bad_frame, nullptr},
      {"a lone continuation byte", "{\"x\":\"\x80\"}", errc::bad_frame, nullptr},
      {"an overlong slash", "{\"x\":\"\xC0\xAF\"}", errc::bad_frame, nullptr},
      {"a UTF-16 surrogate", "{\"x\":\"\xED\xA0\x80\"}", errc::bad_frame, nullptr},
      {"not JSON", "{\"v\":1,", errc::bad_frame, nullptr},
      {"JSON but an array", "[1,2]", errc::bad_frame, nullptr},
      {"JSON but a string", "\"hello\"", errc::bad_frame, nullptr},
      {"no id", R"({"v":1,"method":"hello"})", errc::invalid_request, nullptr},
      {"an id that is an object", R"({"v":1,"id":{},"method":"hello"})", errc::invalid_request, nullptr},
      {"no version", R"({"id":4,"method":"hello"})", errc::invalid_request, 4},
      {"a future version", R"({"v":2,"id":5,"method":"hello"})", errc::unsupported_version, 5},
      {"no method", R"({"v":1,"id":"a"})", errc::invalid_request, "a"},
      {"an empty method", R"({"v":1,"id":6,"method":""})", errc::invalid_request, 6},
      {"params that are a list", R"({"v":1,"id":7,"method":"box.get","params":[1]})", errc::invalid_params, 7},
      {"progress that is a word", R"({"v":1,"id":8,"method":"hello","progress":"yes"})", errc::invalid_request, 8},
  };
  for (const auto& c : cases) {
    auto parsed = parse_request(c.body);
    ASSERT_TRUE(std::holds_alternative<RequestError>(parsed)) << c.story;
    const auto& e = std::get<RequestError>(parsed);
    EXPECT_EQ(e.error.code, c.code) << c.story;
    EXPECT_EQ(e.id, c.id) << c.story;
    EXPECT_FALSE(e.error.message.empty()) << c.story;
  }
}

TEST(Protocol, a_request_carries_its_id_method_params_and_progress_wish) {
  auto parsed = parse_request(R"({"v":1,"id":"r-1","method":"box.list","params":{"limit":5},"progress":true})");
  ASSERT_TRUE(std::holds_alternative<Request>(parsed));
  const auto& r = std::get<Request>(parsed);
  EXPECT_EQ(r.id, "r-1");
  EXPECT_EQ(r.method, "box.list");
  EXPECT_EQ(r.params, Json({{"limit", 5}}));
  EXPECT_TRUE(r.progress);
}

TEST(Protocol, a_request_without_params_gets_an_empty_object) {
  auto parsed = parse_request(R"({"v":1,"id":1,"method":"hello"})");
  ASSERT_TRUE(std::holds_alternative<Request>(parsed));
  EXPECT_TRUE(std::get<Request>(parsed).params.is_object());
}

TEST(Protocol, chinese_titles_and_emoji_are_valid_utf8) {
  EXPECT_TRUE(is_valid_utf8("女装连衣裙 2024新款 👗"));
  EXPECT_TRUE(is_valid_utf8(std::string(1000, 'a') + "é"));
  EXPECT_FALSE(is_valid_utf8(std::string(1000, 'a') + "\xE4\xB8"));  // cut inside 中
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));                     // past U+10FFFF
}

TEST(Protocol, a_reply_under_the_limit_goes_as_one_message) {
  auto parts = split_reply(reply_ok(1, {{"x", 1}}), 1, 1024);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0], R"({"id":1,"ok":true,"result":{"x":1}})");
}

TEST(Protocol, a_reply_over_the_limit_travels_in_parts_that_join_back_into_it) {
  // Quotes and backslashes double when a slice is put in a JSON string: the worst case.
  std::string title;
  for (int i = 0; i < 3000; ++i) title += i % 3 ? "\"\\" : "连衣裙";
  const std::string reply = reply_ok(9, {{"title", title}});
  const std::size_t limit = 4096;
  auto parts = split_reply(reply, 9, limit);
  ASSERT_GT(parts.size(), 1u);
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_LE(parts[i].size(), limit);
    Json p = Json::parse(parts[i]);
    EXPECT_EQ(p["id"], 9);
    EXPECT_EQ(p["part"], i + 1);
    EXPECT_EQ(p["parts"], parts.size());
    joined += p["data"].get<std::string>();
  }
  EXPECT_EQ(joined, reply);
}

TEST(Protocol, an_event_names_its_request) {
  EXPECT_EQ(event_message("progress", 3, {{"stage", "parsing"}}), R"({"event":"progress","id":3,"stage":"parsing"})");
}

}  // namespace
}  // namespace caiji::host
