#include "core/html/gumbo_memory.hpp"

#include <gtest/gtest.h>
#include <gumbo.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace caiji::html {
namespace {

struct Held {
  unsigned char* data;
  std::size_t size;
  unsigned char fill;
};

// Every block gumbo gets is its own: aligned like malloc's, sized as asked, never sharing bytes
// with another live block, and reusable once given back. Sizes cover every class, the edges
// between classes and large blocks.
TEST(GumboMemory, blocks_are_aligned_separate_and_reused_after_being_given_back) {
  GumboMemory memory;
  GumboOptions options = kGumboDefaultOptions;
  memory.install(options);
  std::vector<Held> held;
  unsigned char fill = 1;
  auto take = [&](std::size_t size) {
    auto* p = static_cast<unsigned char*>(options.allocator(options.userdata, size));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t), 0u) << "size " << size;
    std::memset(p, fill, size);
    held.push_back({p, size, fill});
    fill = static_cast<unsigned char>(fill % 250 + 1);
  };
  for (std::size_t size : {0u, 1u, 15u, 16u, 17u, 1023u, 1024u, 1025u, 4096u, 70000u})
    for (int k = 0; k < 3; ++k) take(size);
  for (std::size_t size = 1; size < 3000; size += 7) take(size);  // several chunks' worth
  EXPECT_EQ(memory.live_blocks(), held.size());

  // Give back every other block, then take as many again: the new ones must not overlap the
  // blocks still held.
  std::vector<Held> kept;
  for (std::size_t i = 0; i < held.size(); ++i) {
    if (i % 2 == 0) options.deallocator(options.userdata, held[i].data);
    else kept.push_back(held[i]);
  }
  const std::size_t given_back = held.size() - kept.size();
  EXPECT_EQ(memory.live_blocks(), kept.size());
  held = kept;
  for (std::size_t i = 0; i < given_back; ++i) take(1 + (i * 37) % 2000);
  EXPECT_EQ(memory.live_blocks(), held.size());
  for (const Held& h : held)
    for (std::size_t i = 0; i < h.size; ++i)
      ASSERT_EQ(h.data[i], h.fill) << "a block of " << h.size << " bytes was overwritten at byte " << i;
  options.deallocator(options.userdata, nullptr);  // as free(nullptr): nothing
  EXPECT_EQ(memory.live_blocks(), held.size());
}

}  // namespace
}  // namespace caiji::html
