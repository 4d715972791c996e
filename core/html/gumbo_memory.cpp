#include "core/html/gumbo_memory.hpp"

#include <gumbo.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace caiji::html {

namespace {

// Every block starts one granule before the pointer gumbo gets: the granule holds the block's
// size class, or kLargeClass. Keeping whole granules keeps the payload aligned as malloc's would
// be (gumbo stores pointers and size_t in blocks).
constexpr std::size_t kLargeClass = SIZE_MAX;

std::size_t& class_of(void* payload) {
  return *reinterpret_cast<std::size_t*>(static_cast<char*>(payload) - GumboMemory::kGranule);
}

}  // namespace

// A block over the largest class: two links, then the class granule, then the payload.
struct alignas(GumboMemory::kGranule) GumboMemory::Large {
  Large* prev;
  Large* next;
};
static_assert(sizeof(std::size_t) <= GumboMemory::kGranule && sizeof(void*) <= GumboMemory::kGranule);

void* GumboMemory::small(std::size_t size_class) {
  ++live_blocks_;
  if (void* reused = free_[size_class]) {
    std::memcpy(&free_[size_class], reused, sizeof(void*));
    return reused;
  }
  const std::size_t need = kGranule + (size_class + 1) * kGranule;
  if (static_cast<std::size_t>(bump_end_ - bump_) < need) {
    char* chunk = static_cast<char*>(std::malloc(kChunkBytes));
    if (chunk == nullptr) {
      --live_blocks_;
      return nullptr;  // gumbo does not check either; see the report on limits
    }
    std::memcpy(chunk, &chunks_, sizeof(char*));
    chunks_ = chunk;
    bump_ = chunk + kGranule;
    bump_end_ = chunk + kChunkBytes;
  }
  void* payload = bump_ + kGranule;
  bump_ += need;
  class_of(payload) = size_class;
  return payload;
}

void* GumboMemory::large(std::size_t size) {
  static_assert(sizeof(Large) % kGranule == 0, "the payload must stay aligned");
  void* raw = std::malloc(sizeof(Large) + kGranule + size);
  if (raw == nullptr) return nullptr;
  auto* block = static_cast<Large*>(raw);
  block->prev = nullptr;
  block->next = large_;
  if (large_ != nullptr) large_->prev = block;
  large_ = block;
  ++live_blocks_;
  void* payload = static_cast<char*>(raw) + sizeof(Large) + kGranule;
  class_of(payload) = kLargeClass;
  return payload;
}

void* GumboMemory::allocate(void* self, std::size_t size) {
  auto* memory = static_cast<GumboMemory*>(self);
#if defined(__SANITIZE_ADDRESS__)
  // Under AddressSanitizer every block is malloc'd on its own, so that a read or write past a
  // block by gumbo is still caught; chunks would hide it. (The unsanitized tests run the chunks.)
  return memory->large(size);
#else
  if (size <= kClasses * kGranule) return memory->small(size == 0 ? 0 : (size - 1) / kGranule);
  return memory->large(size);
#endif
}

void GumboMemory::deallocate(void* self, void* ptr) {
  if (ptr == nullptr) return;
  auto* memory = static_cast<GumboMemory*>(self);
  --memory->live_blocks_;
  const std::size_t size_class = class_of(ptr);
  if (size_class != kLargeClass) {
    std::memcpy(ptr, &memory->free_[size_class], sizeof(void*));
    memory->free_[size_class] = ptr;
    return;
  }
  auto* block = reinterpret_cast<Large*>(static_cast<char*>(ptr) - kGranule - sizeof(Large));
  if (block->prev != nullptr) block->prev->next = block->next;
  else memory->large_ = block->next;
  if (block->next != nullptr) block->next->prev = block->prev;
  std::free(block);
}

void GumboMemory::install(GumboOptions& options) {
  options.allocator = &GumboMemory::allocate;
  options.deallocator = &GumboMemory::deallocate;
  options.userdata = this;
}

GumboMemory::~GumboMemory() {
  for (Large* block = large_; block != nullptr;) {
    Large* next = block->next;
    std::free(block);
    block = next;
  }
  for (char* chunk = chunks_; chunk != nullptr;) {
    char* next = nullptr;
    std::memcpy(&next, chunk, sizeof(char*));
    std::free(chunk);
    chunk = next;
  }
}

}  // namespace caiji::html
