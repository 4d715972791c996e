#pragma once
// Owns every block gumbo allocates during one parse, so the tree can be freed without gumbo.
//
// Why: gumbo 0.10.1's gumbo_destroy_output frees the tree with a recursive destroy_node, one C
// stack frame per level of nesting. That is fine natively for ordinary pages but not for the
// WebAssembly build, whose stack is small, nor under ASan, whose frames are large. Every gumbo
// allocation goes through GumboOptions::allocator, so this object hands out every block and
// frees them all at once; gumbo_destroy_output is never called.
//
// Small blocks (nodes, attribute vectors, short strings: nearly all of them) come from 64 KiB
// chunks, by size class, and a block gumbo frees during the parse (token buffers, grown vectors)
// is reused for the next block of its class. A tree holds hundreds of thousands of blocks, and
// malloc and free for each one cost about as much as a sixth of the parse. Blocks over 1 KiB
// are malloc'd one by one and kept on a list.

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

  // Blocks handed out and not given back: what the tree holds once gumbo is done.
  std::size_t live_blocks() const { return live_blocks_; }

  static constexpr std::size_t kGranule = 16;             // alignment and size-class step
  static constexpr std::size_t kClasses = 64;             // 16, 32, …, 1024 bytes
  static constexpr std::size_t kChunkBytes = 64 * 1024;

 private:
  struct Large;
  static void* allocate(void* self, std::size_t size);
  static void deallocate(void* self, void* ptr);
  void* small(std::size_t size_class);
  void* large(std::size_t size);

  void* free_[kClasses] = {};  // per class, blocks given back (linked through their first bytes)
  char* chunks_ = nullptr;     // every chunk, linked through its first granule
  char* bump_ = nullptr;       // the unused rest of the newest chunk
  char* bump_end_ = nullptr;
  Large* large_ = nullptr;
  std::size_t live_blocks_ = 0;
};

}  // namespace caiji::html
