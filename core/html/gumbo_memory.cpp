#include "core/html/gumbo_memory.hpp"

#include <gumbo.h>

#include <cstdlib>
#include <new>

namespace caiji::html {

// The header keeps the payload aligned as malloc's would be, since gumbo stores pointers and
// size_t in the blocks.
struct alignas(alignof(std::max_align_t)) GumboMemory::Block {
  Block* prev;
  Block* next;
};

void* GumboMemory::allocate(void* self, std::size_t size) {
  auto* memory = static_cast<GumboMemory*>(self);
  void* raw = std::malloc(sizeof(Block) + size);
  if (raw == nullptr) return nullptr;  // gumbo does not check either; see the report on limits
  auto* block = new (raw) Block{nullptr, memory->head_};
  if (memory->head_ != nullptr) memory->head_->prev = block;
  memory->head_ = block;
  ++memory->live_blocks_;
  return block + 1;
}

void GumboMemory::deallocate(void* self, void* ptr) {
  if (ptr == nullptr) return;
  auto* memory = static_cast<GumboMemory*>(self);
  Block* block = static_cast<Block*>(ptr) - 1;
  if (block->prev != nullptr) block->prev->next = block->next;
  else memory->head_ = block->next;
  if (block->next != nullptr) block->next->prev = block->prev;
  --memory->live_blocks_;
  std::free(block);
}

void GumboMemory::install(GumboOptions& options) {
  options.allocator = &GumboMemory::allocate;
  options.deallocator = &GumboMemory::deallocate;
  options.userdata = this;
}

GumboMemory::~GumboMemory() {
  Block* block = head_;
  while (block != nullptr) {
    Block* next = block->next;
    std::free(block);
    block = next;
  }
}

}  // namespace caiji::html
