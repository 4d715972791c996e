#pragma once
// Owns every block gumbo allocates during one parse, so the tree can be freed without gumbo.
//
// Why: gumbo 0.10.1's gumbo_destroy_output frees the tree with a recursive destroy_node, one C
// stack frame per level of nesting. That is fine natively for ordinary pages but not for the
// WebAssembly build, whose stack is small, nor under ASan, whose frames are large. Every gumbo
// allocation goes through GumboOptions::allocator, so we thread each block onto a list and free
// the list in a loop; gumbo_destroy_output is never called. gumbo frees its temporaries
// (token buffers, grown vectors) through the deallocator as it parses, so the list holds only
// what is live, and memory stays what gumbo itself would use plus one header per block.

#include <cstddef>

struct GumboInternalOptions;

namespace caiji::html {

class GumboMemory {
 public:
  GumboMemory() = default;
  GumboMemory(const GumboMemory&) = delete;
  GumboMemory& operator=(const GumboMemory&) = delete;
  ~GumboMemory();

  // Points options.allocator / deallocator / userdata at this object. The object must not move
  // while gumbo holds the options or any block it handed out.
  void install(GumboInternalOptions& options);

  std::size_t live_blocks() const { return live_blocks_; }

 private:
  struct Block;
  static void* allocate(void* self, std::size_t size);
  static void deallocate(void* self, void* ptr);

  Block* head_ = nullptr;
  std::size_t live_blocks_ = 0;
};

}  // namespace caiji::html
